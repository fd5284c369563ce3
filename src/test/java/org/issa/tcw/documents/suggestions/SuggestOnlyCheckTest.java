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
 * The suggest-only rule, evaluated by the real yjs in GraalJS on real Yjs updates made by another
 * client (as the editor, or a forged client, would send them): allowed only if the document with
 * every suggestion rejected stays the same and every suggestion touched is the sender's own.
 */
@SpringTest
class SuggestOnlyCheckTest {

    static final long ANA = 7;
    static final long BEN = 8;
    static final String ANA_ID = "7:mf1x2y3z:a1";
    static final String BEN_ID = "8:mf1x2y3z:b1";

    @Autowired
    YjsEngine engine;
    @Autowired
    SuggestionReadings readings;

    List<byte[]> log;

    @BeforeEach
    void document() {
        log = new ArrayList<>(List.of(engine.initialState("""
                {"type":"doc","content":[
                  {"type":"paragraph","content":[{"type":"text","text":"The committee meets twice a year."}]},
                  {"type":"paragraph","content":[{"type":"text","text":"Minutes are public."}]}]}""").join()));
    }

    byte[] edit(String ops) {
        return engine.edit(log, ops).join();
    }

    YjsEngine.SuggestOnlyVerdict check(byte[] update, long person) {
        return engine.suggestOnlyCheck(log, update, person).join();
    }

    static String mark(String type, String id) {
        return "{\"" + type + "\":{\"id\":\"" + id + "\"}}";
    }

    @Test
    void adding_an_insertion_of_ones_own_is_allowed_and_someone_elses_id_is_refused() {
        byte[] update = edit("[{\"op\":\"insert\",\"path\":[0],\"at\":25,\"text\":\" or three times\",\"attrs\":"
                + mark("insertion", ANA_ID) + "}]");
        assertThat(check(update, ANA).allowed()).isTrue();
        YjsEngine.SuggestOnlyVerdict forged = check(update, BEN);
        assertThat(forged.allowed()).isFalse();
        assertThat(forged.reason()).isEqualTo("not-own");
    }

    @Test
    void suggesting_a_deletion_and_a_new_paragraph_of_ones_own_is_allowed() {
        byte[] deletion = edit("[{\"op\":\"format\",\"path\":[1],\"at\":12,\"len\":7,\"attrs\":"
                + mark("deletion", ANA_ID) + "}]");
        assertThat(check(deletion, ANA).allowed()).isTrue();
        // a whole new paragraph: the block-level suggestion travels as the block's attribute
        byte[] block = edit("[{\"op\":\"block\",\"at\":1,\"name\":\"paragraph\",\"text\":\"A new rule.\",\"attrs\":"
                + "{\"suggestion\":\"[{\\\"type\\\":\\\"insertion\\\",\\\"attrs\\\":{\\\"id\\\":\\\"" + ANA_ID
                + "\\\"}}]\"}}]");
        assertThat(check(block, ANA).allowed()).isTrue();
        assertThat(check(block, BEN).allowed()).isFalse();
    }

    @Test
    void withdrawing_ones_own_suggestion_is_allowed_withdrawing_someone_elses_is_refused() {
        log.add(edit("[{\"op\":\"insert\",\"path\":[0],\"at\":25,\"text\":\" or three times\",\"attrs\":"
                + mark("insertion", ANA_ID) + "}]"));
        byte[] withdraw = edit("[{\"op\":\"delete\",\"path\":[0],\"at\":25,\"len\":15}]");
        assertThat(check(withdraw, ANA).allowed()).isTrue();
        assertThat(check(withdraw, BEN).allowed()).isFalse();
    }

    @Test
    void a_plain_insertion_from_a_forged_client_is_refused() {
        byte[] plain = edit("[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Forged: \"}]");
        YjsEngine.SuggestOnlyVerdict v = check(plain, ANA);
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).isEqualTo("changes-text");
    }

    @Test
    void deleting_accepted_text_is_refused() {
        byte[] delete = edit("[{\"op\":\"delete\",\"path\":[1],\"at\":0,\"len\":8}]");
        assertThat(check(delete, ANA).reason()).isEqualTo("changes-text");
        byte[] removeBlock = edit("[{\"op\":\"removeBlock\",\"at\":1}]");
        assertThat(check(removeBlock, ANA).reason()).isEqualTo("changes-text");
    }

    @Test
    void accepting_someone_elses_suggestion_is_refused() {
        log.add(edit("[{\"op\":\"insert\",\"path\":[0],\"at\":25,\"text\":\" or three times\",\"attrs\":"
                + mark("insertion", BEN_ID) + "}]"));
        byte[] accept = edit("[{\"op\":\"format\",\"path\":[0],\"at\":25,\"len\":15,\"attrs\":{\"insertion\":null}}]");
        assertThat(check(accept, ANA).allowed()).isFalse();
        // even its author may not accept it alone: that changes the text as it reads with suggestions rejected
        assertThat(check(accept, BEN).reason()).isEqualTo("changes-text");
        // rejecting someone else's (deleting their inserted text) is refused too
        byte[] reject = edit("[{\"op\":\"delete\",\"path\":[0],\"at\":25,\"len\":15}]");
        assertThat(check(reject, ANA).reason()).isEqualTo("not-own");
    }

    @Test
    void formatting_accepted_text_is_refused_but_suggested_formatting_is_allowed() {
        byte[] bold = edit("[{\"op\":\"format\",\"path\":[0],\"at\":4,\"len\":9,\"attrs\":{\"bold\":{}}}]");
        assertThat(check(bold, ANA).reason()).isEqualTo("changes-text");
        // what the editor sends in Suggesting mode: the old text marked deleted, a bold copy inserted
        byte[] suggested = edit("[{\"op\":\"format\",\"path\":[0],\"at\":4,\"len\":9,\"attrs\":"
                + mark("deletion", ANA_ID) + "},{\"op\":\"insert\",\"path\":[0],\"at\":13,\"text\":\"committee\","
                + "\"attrs\":{\"bold\":{},\"insertion\":{\"id\":\"" + ANA_ID + "\"}}}]");
        assertThat(check(suggested, ANA).allowed()).isTrue();
    }

    @Test
    void writing_outside_the_document_is_refused() {
        byte[] other = edit("[{\"op\":\"map\",\"name\":\"comments\",\"value\":\"x\"}]");
        assertThat(check(other, ANA).reason()).isEqualTo("outside-document");
    }

    @Test
    void a_paragraph_split_suggested_as_the_library_does_it_is_allowed_and_rejected_joins_again() {
        String ins = mark("insertion", ANA_ID);
        // Enter in the middle of the first paragraph: zero-width spaces marked inserted at both open ends
        byte[] split = edit("[{\"op\":\"insert\",\"path\":[0],\"at\":14,\"text\":\"\u200B\",\"attrs\":" + ins + "},"
                + "{\"op\":\"delete\",\"path\":[0],\"at\":15,\"len\":19},"
                + "{\"op\":\"block\",\"at\":1,\"name\":\"paragraph\",\"text\":\"\u200Bmeets twice a year.\"},"
                + "{\"op\":\"format\",\"path\":[1],\"at\":0,\"len\":1,\"attrs\":" + ins + "}]");
        assertThat(check(split, ANA).allowed()).isTrue();
        log.add(split);
        byte[] rejected = engine.review(log, false, List.of(ANA_ID), null).join();
        log.add(rejected);
        assertThat(engine.xml(log).join()).isEqualTo(
                "<paragraph>The committee meets twice a year.</paragraph><paragraph>Minutes are public.</paragraph>");
    }

    @Test
    void accept_and_reject_by_id_by_author_and_all() {
        log.add(edit("[{\"op\":\"insert\",\"path\":[0],\"at\":25,\"text\":\" or three times\",\"attrs\":"
                + mark("insertion", ANA_ID) + "},{\"op\":\"format\",\"path\":[1],\"at\":12,\"len\":7,\"attrs\":"
                + mark("deletion", BEN_ID) + "}]"));
        assertThat(readings.ofLog(log).join()).extracting(SuggestionReadings.Suggestion::id).containsExactly(ANA_ID, BEN_ID);
        List<byte[]> acceptAna = new ArrayList<>(log);
        acceptAna.add(engine.review(log, true, null, ANA).join());
        assertThat(engine.xml(acceptAna).join()).isEqualTo("<paragraph>The committee meets twice or three times a year."
                + "</paragraph><paragraph>Minutes are <deletion id=\"" + BEN_ID + "\">public.</deletion></paragraph>");
        List<byte[]> rejectAll = new ArrayList<>(log);
        rejectAll.add(engine.review(log, false, null, null).join());
        assertThat(engine.xml(rejectAll).join()).isEqualTo(
                "<paragraph>The committee meets twice a year.</paragraph><paragraph>Minutes are public.</paragraph>");
        List<byte[]> acceptBen = new ArrayList<>(log);
        acceptBen.add(engine.review(log, true, List.of(BEN_ID), null).join());
        assertThat(engine.xml(acceptBen).join()).endsWith("<paragraph>Minutes are </paragraph>");
        assertThat(engine.review(rejectAll, true, null, null).join()).isEmpty();
    }
}
