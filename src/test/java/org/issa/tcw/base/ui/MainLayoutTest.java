package org.issa.tcw.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MainLayoutTest extends KaribuTest {

    @Autowired
    CurrentUser currentUser;
    @Autowired
    org.issa.tcw.security.PersonDirectory directory;

    private List<String> navLabels() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream().map(SideNavItem::getLabel)
                .toList();
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
