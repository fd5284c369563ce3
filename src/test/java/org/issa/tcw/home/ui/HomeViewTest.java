package org.issa.tcw.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.issa.tcw.testsupport.StaticHtmlParts.page;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.issa.tcw.security.ui.LoginView;
import org.issa.tcw.testsupport.KaribuTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The home page's blocks for each role, their links, their empty states, in the reader's language. */
class HomeViewTest extends KaribuTest {

    private static final String[] EVERYONES = {"home-mentions", "home-threads", "home-documents", "home-milestones",
            "home-consultations", "home-events"};
    /**
     * The secretariat's home page, shell included: 36 measured on 2026-12-07 with the blocks, cards and side
     * navigation as static HTML; one node per element and text before (≈ 215 nodes per home page on average
     * over the four demo roles in the N = 12 memory benchmark, docs/benchmarks.md).
     */
    private static final int STATE_NODES = 60;

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
        Document page = page();
        assertThat(page.getElementById("home-programme")).isNotNull();
        assertThat(page.getElementById("home-secretariat")).isNull();
        Element card = page.getElementById("commission-card-ICT");
        assertThat(card.text()).contains("Information and Communication Technology").contains("Chair");
        assertThat(card.select("h3 > a[router-link]").attr("href")).isEqualTo("commissions/ICT");
        assertThat(page.getElementById("commission-card-FAM")).isNull();
    }

    @Test
    void member_sees_her_documents_with_their_stage_and_links_to_them() {
        signInAs("member-ict");
        navigate("");
        everyonesBlocks();
        Document page = page();
        assertThat(page.getElementById("home-programme")).isNull();
        Element documents = page.getElementById("home-documents");
        assertThat(documents.select("a")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.attr("href")).matches("documents(/\\d+)?"))
                .allSatisfy(a -> assertThat(a.hasAttr("router-link")).isTrue());
        assertThat(documents.text()).containsAnyOf("Draft", "Internal review", "Consultation", "Approved",
                "Published");
    }

    @Test
    void observer_gets_no_chair_or_secretariat_block() {
        signInAs("observer-ict");
        navigate("");
        everyonesBlocks();
        Document page = page();
        assertThat(page.getElementById("home-programme")).isNull();
        assertThat(page.getElementById("home-secretariat")).isNull();
        assertThat(page.getElementById("commission-card-ICT")).isNotNull();
    }

    @Test
    void secretariat_sees_the_cross_commission_signals_with_a_link_to_its_dashboard() {
        signInAs("secretariat");
        navigate("");
        Document page = page();
        Element signals = page.getElementById("home-secretariat");
        assertThat(signals.select("a")).anySatisfy(a -> assertThat(a.attr("href")).isEqualTo("secretariat"));
        assertThat(page.select("div.tcw-card").size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void admin_without_memberships_sees_all_commissions_too() {
        signInAs("admin");
        navigate("");
        assertThat(page().getElementById("no-commissions")).isNull();
        assertThat(page().select("div.tcw-card")).isNotEmpty();
    }

    @Test
    void a_member_with_nothing_sees_empty_states_that_say_what_to_do_next() {
        signIn.asOidc("home-empty-" + System.nanoTime(), "home-empty-" + System.nanoTime());
        navigate("");
        Document page = page();
        for (String block : new String[] {"home-mentions", "home-threads", "home-documents", "home-milestones",
                "home-consultations"}) {
            Element empty = page.getElementById(block + "-empty");
            assertThat(empty.text()).as(block).isNotBlank().doesNotContain("!home.");
        }
        assertThat(page.getElementById("no-commissions").text()).contains("secretariat");
    }

    @Test
    void the_home_speaks_the_readers_language() {
        signInAs("member-fam");
        UI.getCurrent().setLocale(Locale.FRENCH);
        navigate("");
        Document page = page();
        assertThat(page.getElementById("home-mentions").text()).contains("Mentions et réponses");
        assertThat(page.getElementById("commission-card-FAM").text()).containsPattern("\\d+ membres?");
    }

    /**
     * What an open home page keeps on the server (ADR 116): Vaadin holds a state node for every
     * component and every text of the page, shell included; the blocks are static HTML, one node each.
     * The secretariat's is the largest home page (its signals and every commission's card).
     */
    @Test
    void the_home_page_keeps_few_state_nodes_on_the_server() {
        signInAs("secretariat");
        navigate("");
        int[] nodes = {0};
        UI.getCurrent().getInternals().getStateTree().getRootNode().visitNodeTree(node -> nodes[0]++);
        assertThat(page().select("div.tcw-card").size()).isGreaterThanOrEqualTo(9);
        assertThat(nodes[0]).as("state nodes of the secretariat's home page").isLessThanOrEqualTo(STATE_NODES);
    }

    private static void everyonesBlocks() {
        Document page = page();
        for (String id : EVERYONES) {
            assertThat(page.getElementById(id)).as(id).isNotNull();
            assertThat(page.getElementById(id).tagName()).isEqualTo("section");
        }
    }
}
