package org.issa.tcw.documents.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.issa.tcw.documents.SuggestionReadings;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inserting and deleting table rows and columns in Suggesting mode, as the editor sends it (the
 * library's node mark on the new or deleted row, or on each cell of the column, carried by the
 * block's {@code suggestion} attribute): the suggest-only check accepts it from its author and
 * refuses the same structure unmarked or under someone else's id; accepting and rejecting apply
 * it or take it back.
 */
@SpringTest
class SuggestedTableStructureTest {

    static final long ANA = 7;
    static final long BEN = 8;
    static final String ANA_ID = "7:mf1x2y3z:t1";

    @Autowired
    YjsEngine engine;
    @Autowired
    SuggestionReadings readings;

    List<byte[]> log;
    String original;

    @BeforeEach
    void documentWithATable() {
        log = new ArrayList<>(List.of(engine.initialState("""
                {"type":"doc","content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Members:"}]},
                  {"type":"table","content":[
                    {"type":"tableRow","content":[
                      {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Name"}]}]},
                      {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Role"}]}]}]},
                    {"type":"tableRow","content":[
                      {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"Ana"}]}]},
                      {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"Chair"}]}]}]}]}]}""")
                .join()));
        original = engine.xml(log).join();
    }

    /** The {@code suggestion} attribute of a block carrying one node mark (as JSON inside the ops' JSON). */
    static String suggested(String type, String id) {
        return "{\"suggestion\":\"[{\\\"type\\\":\\\"" + type + "\\\",\\\"attrs\\\":{\\\"id\\\":\\\"" + id + "\\\"}}]\"}";
    }

    static String cell(String text, String attrs) {
        return "{\"name\":\"tableCell\",\"attrs\":" + attrs + ",\"children\":[{\"name\":\"paragraph\",\"text\":\"" + text
                + "\"}]}";
    }

    static String row(String attrs, String... texts) {
        List<String> cells = new ArrayList<>();
        for (String t : texts) {
            cells.add(cell(t, "{}"));
        }
        return "{\"op\":\"block\",\"path\":[1],\"at\":2,\"name\":\"tableRow\",\"attrs\":" + attrs + ",\"children\":["
                + String.join(",", cells) + "]}";
    }

    byte[] edit(String... ops) {
        return engine.edit(log, "[" + String.join(",", ops) + "]").join();
    }

    YjsEngine.SuggestOnlyVerdict check(byte[] update, long person) {
        return engine.suggestOnlyCheck(log, update, person).join();
    }

    List<byte[]> after(byte[] update) {
        List<byte[]> l = new ArrayList<>(log);
        l.add(update);
        return l;
    }

    @Test
    void a_suggested_new_row_is_allowed_from_its_author_only_and_an_unmarked_one_is_refused() {
        byte[] marked = edit(row(suggested("insertion", ANA_ID), "Ben", "Member"));
        assertThat(check(marked, ANA).allowed()).isTrue();
        assertThat(check(marked, BEN).reason()).isEqualTo("not-own");
        byte[] plain = edit(row("{}", "Ben", "Member"));
        assertThat(check(plain, ANA).reason()).isEqualTo("changes-text");

        log.add(marked);
        assertThat(readings.ofLog(log).join()).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo(ANA_ID));
        assertThat(engine.xml(after(engine.review(log, false, List.of(ANA_ID), null).join())).join())
                .as("rejected: the table as it was").isEqualTo(original);
        String accepted = engine.xml(after(engine.review(log, true, List.of(ANA_ID), null).join())).join();
        assertThat(accepted).contains("Ben").contains("Member").doesNotContain("suggestion");
        // the derived text leaves the row out until it is accepted
        assertThat(engine.render(log).join().text()).doesNotContain("Ben");
    }

    @Test
    void a_suggested_row_deletion_is_allowed_a_real_one_refused_and_accepting_removes_the_row() {
        byte[] marked = edit("{\"op\":\"attr\",\"path\":[1,1],\"name\":\"suggestion\",\"value\":"
                + "\"[{\\\"type\\\":\\\"deletion\\\",\\\"attrs\\\":{\\\"id\\\":\\\"" + ANA_ID + "\\\"}}]\"}");
        assertThat(check(marked, ANA).allowed()).isTrue();
        assertThat(check(marked, BEN).reason()).isEqualTo("not-own");
        byte[] real = edit("{\"op\":\"removeBlock\",\"path\":[1],\"at\":1}");
        assertThat(check(real, ANA).reason()).isEqualTo("changes-text");

        log.add(marked);
        assertThat(engine.xml(after(engine.review(log, false, null, null).join())).join()).isEqualTo(original);
        String accepted = engine.xml(after(engine.review(log, true, null, ANA).join())).join();
        assertThat(accepted).contains("Name").doesNotContain("Ana").doesNotContain("Chair");
    }

    @Test
    void a_suggested_column_is_a_marked_cell_in_every_row_and_one_unmarked_cell_is_refused() {
        String ins = suggested("insertion", ANA_ID);
        String headerCell = "{\"op\":\"block\",\"path\":[1,0],\"at\":2,\"name\":\"tableHeader\",\"attrs\":" + ins
                + ",\"children\":[{\"name\":\"paragraph\",\"text\":\"Since\"}]}";
        byte[] marked = edit(headerCell, "{\"op\":\"block\",\"path\":[1,1],\"at\":2,\"name\":\"tableCell\",\"attrs\":" + ins
                + ",\"children\":[{\"name\":\"paragraph\",\"text\":\"2024\"}]}");
        assertThat(check(marked, ANA).allowed()).isTrue();
        byte[] oneUnmarked = edit(headerCell, "{\"op\":\"block\",\"path\":[1,1],\"at\":2,\"name\":\"tableCell\","
                + "\"children\":[{\"name\":\"paragraph\",\"text\":\"2024\"}]}");
        assertThat(check(oneUnmarked, ANA).reason()).isEqualTo("changes-text");

        log.add(marked);
        assertThat(engine.render(log).join().text()).doesNotContain("Since").doesNotContain("2024");
        assertThat(engine.xml(after(engine.review(log, false, null, ANA).join())).join()).isEqualTo(original);
        assertThat(engine.xml(after(engine.review(log, true, null, ANA).join())).join())
                .contains("Since").contains("2024").doesNotContain("suggestion");
    }

    @Test
    void a_suggested_column_deletion_marks_each_cell_and_accepting_removes_the_column() {
        String del = "\"[{\\\"type\\\":\\\"deletion\\\",\\\"attrs\\\":{\\\"id\\\":\\\"" + ANA_ID + "\\\"}}]\"";
        byte[] marked = edit("{\"op\":\"attr\",\"path\":[1,0,1],\"name\":\"suggestion\",\"value\":" + del + "}",
                "{\"op\":\"attr\",\"path\":[1,1,1],\"name\":\"suggestion\",\"value\":" + del + "}");
        assertThat(check(marked, ANA).allowed()).isTrue();
        byte[] real = edit("{\"op\":\"removeBlock\",\"path\":[1,0],\"at\":1}", "{\"op\":\"removeBlock\",\"path\":[1,1],\"at\":1}");
        assertThat(check(real, ANA).reason()).isEqualTo("changes-text");

        log.add(marked);
        assertThat(engine.xml(after(engine.review(log, false, List.of(ANA_ID), null).join())).join()).isEqualTo(original);
        assertThat(engine.xml(after(engine.review(log, true, List.of(ANA_ID), null).join())).join())
                .contains("Name").contains("Ana").doesNotContain("Role").doesNotContain("Chair");
    }
}
