package org.issa.tcw.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.StaticHtmlParts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MainLayoutTest extends KaribuTest {

    @Autowired
    CurrentUser currentUser;
    @Autowired
    org.issa.tcw.security.PersonDirectory directory;

    private List<String> navLabels() {
        // static HTML (ADR 116): the side navigation's items with their path and icon, as the browser gets them
        var items = StaticHtmlParts.page().select("vaadin-side-nav#main-nav > vaadin-side-nav-item");
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            assertThat(item.hasAttr("path")).isTrue();
            assertThat(item.attr("path")).doesNotStartWith("/");
            // a glyph of the application's own iconset, not of Vaadin's whole set (ADR 111)
            assertThat(item.select("> vaadin-icon[slot=prefix]").attr("icon"))
                    .isIn(Arrays.stream(AppIcon.Glyph.values()).map(AppIcon.Glyph::icon).toList());
        });
        return items.eachText();
    }

    @Test
    void members_see_only_what_they_may_use_in_the_navigation() {
        signInAs("member-ict");
        navigate("");
        assertThat(navLabels()).contains("Dashboard", "Commissions").doesNotContain("Institutions", "People",
                "Manage commissions", "Trienniums");
    }

    @Test
    void administrators_see_the_administration() {
        signInAs("admin");
        navigate("");
        assertThat(navLabels()).contains("Dashboard", "Commissions", "Institutions", "People", "Manage commissions",
                "Trienniums");
    }

    @Test
    void the_chosen_language_is_used_and_remembered() {
        signInAs("observer-ict");
        navigate("");
        MenuBar menu = _get(MenuBar.class, spec -> spec.withId("user-menu"));
        ContextMenuKt._clickItemWithID(menu, "language-fr");
        try {
            assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("fr");
            assertThat(currentUser.require().preferredLocale()).isEqualTo("fr");
            // a new page in the same session renders in French
            UI.getCurrent().getPage().reload();
            navigate("commissions");
            assertThat(navLabels()).contains("Tableau de bord", "Commissions");
        } finally {
            directory.rememberLocale(currentUser.require().personId(), "en");
            UI.getCurrent().setLocale(Locale.ENGLISH);
        }
    }
}
