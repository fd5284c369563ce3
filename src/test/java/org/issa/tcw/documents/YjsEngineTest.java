package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The server reads documents with the real yjs in GraalJS: creation, text, sanitized HTML, compaction. */
@SpringTest
class YjsEngineTest {

    @Autowired
    YjsEngine engine;

    @Test
    void a_document_made_on_the_server_reads_back_as_text_and_html() {
        byte[] state = engine.initialState("""
                {"type":"doc","content":[
                  {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Scope"}]},
                  {"type":"paragraph","content":[{"type":"text","text":"Plain and "},
                     {"type":"text","text":"bold","marks":[{"type":"bold"}]},
                     {"type":"text","text":" text."}]},
                  {"type":"bulletList","content":[{"type":"listItem","content":[
                     {"type":"paragraph","content":[{"type":"text","text":"one item"}]}]}]}
                ]}""").join();
        YjsEngine.Rendering r = engine.render(List.of(state)).join();
        assertThat(r.text()).isEqualTo("Scope\nPlain and bold text.\none item");
        assertThat(r.html()).isEqualTo("<h2>Scope</h2><p>Plain and <strong>bold</strong> text.</p>"
                + "<ul><li><p>one item</p></li></ul>");
    }

    @Test
    void a_table_reads_back_as_rows_of_cells_in_text_and_as_a_table_in_html() {
        // The ProseMirror JSON TipTap's table extension produces: a header row, then body rows;
        // every cell holds paragraphs and carries colspan/rowspan/colwidth.
        byte[] state = engine.initialState("""
                {"type":"doc","content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Before"}]},
                  {"type":"table","content":[
                    {"type":"tableRow","content":[
                      {"type":"tableHeader","attrs":{"colspan":1,"rowspan":1,"colwidth":null},
                         "content":[{"type":"paragraph","content":[{"type":"text","text":"Country"}]}]},
                      {"type":"tableHeader","attrs":{"colspan":1,"rowspan":1,"colwidth":null},
                         "content":[{"type":"paragraph","content":[{"type":"text","text":"Members"}]}]}]},
                    {"type":"tableRow","content":[
                      {"type":"tableCell","attrs":{"colspan":1,"rowspan":1,"colwidth":null},
                         "content":[{"type":"paragraph","content":[{"type":"text","text":"France"}]}]},
                      {"type":"tableCell","attrs":{"colspan":1,"rowspan":1,"colwidth":null},
                         "content":[{"type":"paragraph","content":[
                           {"type":"text","text":"12","marks":[{"type":"bold"}]}]}]}]},
                    {"type":"tableRow","content":[
                      {"type":"tableCell","attrs":{"colspan":2,"rowspan":1,"colwidth":null},
                         "content":[{"type":"paragraph"}]}]}]},
                  {"type":"paragraph","content":[{"type":"text","text":"After"}]}
                ]}""").join();
        YjsEngine.Rendering r = engine.render(List.of(state)).join();
        assertThat(r.text()).isEqualTo("Before\nCountry | Members\nFrance | 12\n\nAfter");
        assertThat(r.html()).isEqualTo("<p>Before</p><table><tbody>"
                + "<tr><th><p>Country</p></th><th><p>Members</p></th></tr>"
                + "<tr><td><p>France</p></td><td><p><strong>12</strong></p></td></tr>"
                + "<tr><td colspan=\"2\"><p></p></td></tr>"
                + "</tbody></table><p>After</p>");
    }

    @Test
    void text_typed_into_a_table_cell_by_another_client_is_in_the_derived_text_and_html() {
        byte[] state = engine.initialState("""
                {"type":"doc","content":[{"type":"table","content":[
                  {"type":"tableRow","content":[{"type":"tableHeader","attrs":{"colspan":1,"rowspan":1},
                     "content":[{"type":"paragraph","content":[{"type":"text","text":"Head"}]}]}]}]}]}""").join();
        // typeText appends a new paragraph after the table: the log is the state plus that update
        byte[] typed = engine.typeText(List.of(state), "below", true).join();
        YjsEngine.Rendering r = engine.render(List.of(state, typed)).join();
        assertThat(r.text()).isEqualTo("Head\nbelow");
        assertThat(r.html()).isEqualTo("<table><tbody><tr><th><p>Head</p></th></tr></tbody></table><p>below</p>");
    }

    @Test
    void html_from_a_document_is_sanitized() {
        byte[] state = engine.initialState("""
                {"type":"doc","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"<script>alert(1)</script>"},
                  {"type":"text","text":"click","marks":[{"type":"link","attrs":{"href":"javascript:alert(2)"}}]},
                  {"type":"text","text":" ok","marks":[{"type":"link","attrs":{"href":"https://www.issa.int"}}]}]}]}""")
                .join();
        String html = engine.render(List.of(state)).join().html();
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("<a href=\"https://www.issa.int\" rel=\"noopener nofollow\"> ok</a>");
    }

    @Test
    void compaction_of_a_long_log_gives_the_same_document_and_drops_the_history() {
        List<byte[]> log = new ArrayList<>();
        log.add(engine.emptyState().join());
        for (int i = 0; i < 200; i++) {
            log.add(engine.typeText(log, "w" + i + " ", i % 50 == 0).join());
        }
        String before = engine.render(log).join().xml();
        YjsEngine.Compaction compaction = engine.compact(log).join();
        assertThat(compaction.rendering().xml()).isEqualTo(before);
        assertThat(engine.render(List.of(compaction.state())).join().text()).contains("w0 w1", "w199");
        assertThat(compaction.state().length).isLessThan(log.stream().mapToInt(b -> b.length).sum());
    }

    @Test
    void a_typing_session_on_a_new_document_integrates_keystroke_by_keystroke_and_compacts() {
        byte[] empty = engine.emptyState().join();
        List<byte[]> session = engine.typingSession(List.of(empty), "abcdefghijkl").join();
        // one update per keystroke (every tenth a backspace); the first also creates the text node
        assertThat(session).hasSize(12);
        List<byte[]> log = new ArrayList<>();
        log.add(empty);
        log.addAll(session);
        YjsEngine.Compaction compaction = engine.compact(log).join();
        assertThat(compaction.rendering().text()).isEqualTo("abcdefghkl");
        assertThat(engine.render(List.of(compaction.state())).join().text()).isEqualTo("abcdefghkl");
    }

    @Test
    void compaction_refuses_a_log_with_a_missing_update_and_the_check_names_what_it_waits_for() {
        byte[] empty = engine.emptyState().join();
        List<byte[]> session = engine.typingSession(List.of(empty), "x".repeat(300)).join();
        List<byte[]> log = new ArrayList<>();
        log.add(empty);
        log.addAll(session.subList(1, session.size()));
        assertThatThrownBy(() -> engine.compact(log).join())
                .hasMessageContaining("missing dependencies");
        YjsEngine.Check check = engine.check(log).join();
        assertThat(check.complete()).isFalse();
        assertThat(check.missing()).isNotEmpty();
        log.add(session.getFirst());
        assertThat(engine.check(log).join().complete()).as("the missing update arriving later heals the log").isTrue();
        List<byte[]> inOrder = new ArrayList<>(List.of(empty));
        inOrder.addAll(session);
        assertThat(engine.compact(log).join().rendering().text()).isEqualTo(engine.render(inOrder).join().text());
    }

    @Test
    void the_derived_text_is_the_current_text_and_the_marked_up_form_carries_every_suggestion() {
        byte[] state = engine.initialState("""
                {"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"The agreed text."}]}]}
                """).join();
        byte[] suggested = engine.edit(List.of(state), """
                [{"op":"insert","path":[0],"at":4,"text":"newly ","attrs":{"insertion":{"id":"7:mf1000:a"}}},
                 {"op":"format","path":[0],"at":10,"len":6,"attrs":{"deletion":{"id":"8:mf1001:b"}}},
                 {"op":"block","at":1,"name":"paragraph","text":"A new paragraph.",
                  "attrs":{"suggestion":"[{\\"type\\":\\"insertion\\",\\"attrs\\":{\\"id\\":\\"7:mf1002:c\\"}}]"},
                  "marks":{"insertion":{"id":"7:mf1002:c"}}}]""").join();
        YjsEngine.Rendering current = engine.render(List.of(state, suggested)).join();
        assertThat(current.text()).as("suggested insertions out, suggested deletions still in").isEqualTo("The agreed text.");
        assertThat(current.html()).isEqualTo("<p>The agreed text.</p>");
        YjsEngine.Rendering marked = engine.renderMarked(List.of(state, suggested)).join();
        assertThat(marked.text()).isEqualTo("The newly agreed text.\nA new paragraph.");
        long time = Long.parseLong("mf1000", 36);
        assertThat(marked.html()).as("sanitized, the marks kept with author and time")
                .contains("<ins data-suggestion-id=\"7:mf1000:a\" data-author=\"7\" data-time=\"" + time + "\">newly </ins>")
                .contains("<del data-suggestion-id=\"8:mf1001:b\" data-author=\"8\" data-time=\"" + (time + 1) + "\">agreed</del>")
                .contains("<p data-suggestion=\"insertion\" data-suggestion-id=\"7:mf1002:c\" data-author=\"7\"");
    }
}
