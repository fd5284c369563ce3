package org.issa.tcw.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyDownEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The top bar's search field and the /search page with its filters in the URL. */
class SearchViewTest extends KaribuTest {

    @Autowired
    DiscussionService discussions;
    @Autowired
    JdbcTemplate jdbc;

    String uid;
    long thread;

    @BeforeEach
    void aThreadWithAReply() {
        uid = "kv" + Long.toString(System.nanoTime(), 36);
        long ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        signIn.as("chair-ict");
        thread = discussions.startThread(new NewThread(ict, "Karibu " + uid, "Opening <b>" + uid + "</b>", null));
        discussions.reply(thread, "A reply about " + uid, null);
        signIn.out();
    }

    @Test
    void the_top_bar_field_shows_hits_grouped_by_kind_and_enter_opens_all_results() {
        signInAs("member-ict");
        navigate("");
        TextField field = _get(TextField.class, spec -> spec.withId("global-search"));
        field.setValue(uid);
        Div results = _get(Div.class, spec -> spec.withId("global-search-results"));
        assertThat(results.isVisible()).isTrue();
        String text = results.getElement().getTextRecursively();
        assertThat(text).contains("Discussion", "Post", "Karibu " + uid);
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref)
                .contains("discussions/" + thread, "discussions/" + thread + "?post=2");
        ComponentUtil.fireEvent(field, new KeyDownEvent(field, Key.ENTER.getKeys().getFirst()));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("q", List.of(uid));
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText()).isEqualTo("3 results");
    }

    @Test
    void the_results_page_reads_its_filters_from_the_url_and_marks_the_matches() {
        signInAs("member-ict");
        UI.getCurrent().navigate("search", new QueryParameters(Map.of("q", List.of(uid), "kind", List.of("POST"))));
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText()).isEqualTo("2 results");
        Div hits = _get(Div.class, spec -> spec.withId("search-hits"));
        assertThat(hits.getElement().getTextRecursively()).contains("<b>" + uid + "</b>");
        assertThat(tags(hits.getElement())).doesNotContain("b").contains("mark");
        assertThat(_find(Mark.class)).extracting(Mark::getText).contains(uid);
        // the counts are those under the current filters: with kind=POST only posts are left
        assertThat(_find(Anchor.class, spec -> spec.withId("search-facet-kind-THREAD"))).isEmpty();
        Anchor post = _get(Anchor.class, spec -> spec.withId("search-facet-kind-POST"));
        assertThat(post.getClassNames()).contains("selected");
        assertThat(post.getHref()).doesNotContain("kind=");
        UI.getCurrent().navigate("search", new QueryParameters(Map.of("q", List.of(uid), "sort", List.of("date"))));
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText()).isEqualTo("3 results");
        assertThat(_get(Anchor.class, spec -> spec.withId("search-sort-date")).getClassNames()).contains("selected");
    }

    private static List<String> tags(com.vaadin.flow.dom.Element element) {
        List<String> tags = new java.util.ArrayList<>();
        if (element.isTextNode()) {
            return tags;
        }
        tags.add(element.getTag());
        element.getChildren().forEach(child -> tags.addAll(tags(child)));
        return tags;
    }

    @Test
    void a_filter_link_adds_its_value_to_the_url() {
        signInAs("member-ict");
        UI.getCurrent().navigate("search", new QueryParameters(Map.of("q", List.of(uid))));
        Anchor thread = _get(Anchor.class, spec -> spec.withId("search-facet-kind-THREAD"));
        assertThat(thread.getText()).isEqualTo("Discussion (1)");
        assertThat(thread.getHref()).contains("kind=THREAD").contains("q=" + uid);
        assertThat(_get(Anchor.class, spec -> spec.withId("search-facet-kind-POST")).getText()).isEqualTo("Post (2)");
    }

    @Test
    void an_outsider_finds_nothing_and_bad_input_gets_a_message() {
        signInAs("member-fam");
        UI.getCurrent().navigate("search", new QueryParameters(Map.of("q", List.of(uid))));
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText())
                .isEqualTo("Nothing found for \"" + uid + "\".");
        assertThat(_find(Div.class, spec -> spec.withId("search-facet-kind"))).isEmpty();
        UI.getCurrent().navigate("search", new QueryParameters(Map.of("q", List.of("x".repeat(10_000)))));
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText())
                .isEqualTo("A search can be at most 500 characters long.");
    }
}
