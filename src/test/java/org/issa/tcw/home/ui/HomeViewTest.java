package org.issa.tcw.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.Locale;
import org.issa.tcw.security.ui.LoginView;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

/** The home page's blocks for each role, their links, their empty states, in the reader's language. */
class HomeViewTest extends KaribuTest {

    private static final String[] EVERYONES = {"home-mentions", "home-threads", "home-documents", "home-milestones",
            "home-consultations", "home-events"};

    @Test
    void anonymous_visitor_is_sent_to_the_login_page() {
        navigate("");
        _get(LoginView.class);
    }

    @Test
    void chair_sees_her_programme_block_and_her_commission_card() {
        signInAs("chair-ict");
        navigate("");
        everyonesBlocks();
        _get(Section.class, spec -> spec.withId("home-programme"));
        assertThat(_find(Section.class, spec -> spec.withId("home-secretariat"))).isEmpty();
        Div card = _get(Div.class, spec -> spec.withId("commission-card-ICT"));
        assertThat(card.getElement().getTextRecursively()).contains("Information and Communication Technology")
                .contains("Chair");
        assertThat(_find(Div.class, spec -> spec.withId("commission-card-FAM"))).isEmpty();
    }

    @Test
    void member_sees_her_documents_with_their_stage_and_links_to_them() {
        signInAs("member-ict");
        navigate("");
        everyonesBlocks();
        assertThat(_find(Section.class, spec -> spec.withId("home-programme"))).isEmpty();
        Section documents = _get(Section.class, spec -> spec.withId("home-documents"));
        assertThat(_find(documents, Anchor.class)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getHref()).matches("documents(/\\d+)?"));
        assertThat(documents.getElement().getTextRecursively()).containsAnyOf("Draft", "Internal review",
                "Consultation", "Approved", "Published");
    }

    @Test
    void observer_gets_no_chair_or_secretariat_block() {
        signInAs("observer-ict");
        navigate("");
        everyonesBlocks();
        assertThat(_find(Section.class, spec -> spec.withId("home-programme"))).isEmpty();
        assertThat(_find(Section.class, spec -> spec.withId("home-secretariat"))).isEmpty();
        _get(Div.class, spec -> spec.withId("commission-card-ICT"));
    }

    @Test
    void secretariat_sees_the_cross_commission_signals_with_a_link_to_its_dashboard() {
        signInAs("secretariat");
        navigate("");
        Section signals = _get(Section.class, spec -> spec.withId("home-secretariat"));
        assertThat(_find(signals, Anchor.class)).anySatisfy(a -> assertThat(a.getHref()).isEqualTo("secretariat"));
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-card")).size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void admin_without_memberships_sees_all_commissions_too() {
        signInAs("admin");
        navigate("");
        assertThat(_find(Paragraph.class, spec -> spec.withId("no-commissions"))).isEmpty();
    }

    @Test
    void a_member_with_nothing_sees_empty_states_that_say_what_to_do_next() {
        signIn.asOidc("home-empty-" + System.nanoTime(), "home-empty-" + System.nanoTime());
        navigate("");
        for (String block : new String[] {"home-mentions", "home-threads", "home-documents", "home-milestones",
                "home-consultations"}) {
            Paragraph empty = _get(Paragraph.class, spec -> spec.withId(block + "-empty"));
            assertThat(empty.getText()).as(block).isNotBlank().doesNotContain("!home.");
        }
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-commissions")).getText())
                .contains("secretariat");
    }

    @Test
    void the_home_speaks_the_readers_language() {
        signInAs("member-fam");
        UI.getCurrent().setLocale(Locale.FRENCH);
        navigate("");
        assertThat(_get(Section.class, spec -> spec.withId("home-mentions")).getElement().getTextRecursively())
                .contains("Mentions et réponses");
        assertThat(_get(Div.class, spec -> spec.withId("commission-card-FAM")).getElement().getTextRecursively())
                .containsPattern("\\d+ membres?");
    }

    private static void everyonesBlocks() {
        for (String id : EVERYONES) {
            _get(Section.class, spec -> spec.withId(id));
        }
    }
}
