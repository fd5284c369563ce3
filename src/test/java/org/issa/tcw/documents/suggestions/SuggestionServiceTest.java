package org.issa.tcw.documents.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.JoinResult;
import org.issa.tcw.documents.RecordingEditor;
import org.issa.tcw.documents.RelayRooms;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Reviewing suggestions and suggest-only participation through the real relay, engine and
 * database: who may accept, reject, withdraw and mark people suggest-only (allow and deny), and
 * the relay refusing a suggest-only person's update that is not a suggestion of their own.
 */
@SpringTest
class SuggestionServiceTest {

    @Autowired
    SuggestionService suggestions;
    @Autowired
    SuggestOnlyService suggestOnly;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentService documents;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;

    long documentId;
    @Autowired
    RelayRooms rooms;
    RelayRooms.Room room;

    @BeforeEach
    void newDocument() {
        room = rooms.create("Review test");
        documentId = room.documentId();
    }

    @AfterEach
    void close() {
        room.close();
    }

    RecordingEditor open(String user) {
        return room.open(user);
    }

    List<byte[]> content() {
        return relay.read(documentId, log -> log);
    }

    String xml() {
        return engine.xml(content()).join();
    }

    long me() {
        return currentUser.require().personId();
    }

    /** Pushes a scripted edit (a real Yjs update by a fresh client) as the signed-in person. */
    void push(RecordingEditor editor, String ops) {
        byte[] update = engine.edit(content(), ops).join();
        relay.push(documentId, editor, "u" + System.nanoTime(), Base64.getEncoder().encodeToString(update), null, 1);
    }

    String suggestInsertion(String user, String text) {
        RecordingEditor e = open(user);
        String id = me() + ":" + Long.toString(System.currentTimeMillis(), 36) + ":x" + System.nanoTime() % 100000;
        push(e, "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"" + text + "\",\"attrs\":{\"insertion\":{\"id\":\""
                + id + "\"}}}]");
        return id;
    }

    @Test
    void the_chair_accepts_and_the_secretariat_rejects_and_every_editor_gets_the_change() {
        RecordingEditor chairEditor = open("chair-ict");
        String first = suggestInsertion("member-ict", "Accepted ");
        String second = suggestInsertion("member-ict", "Rejected ");
        signIn.as("member-ict");
        assertThat(suggestions.list(documentId)).extracting(SuggestionView::id).containsExactly(second, first);
        assertThat(suggestions.list(documentId)).allMatch(SuggestionView::mine)
                .allMatch(s -> s.authorName() != null && s.authorName().equals(currentUser.require().displayName()));
        int before = chairEditor.delivered();
        signIn.as("chair-ict");
        assertThat(suggestions.review(documentId, true, List.of(first), null)).isTrue();
        signIn.as("secretariat");
        assertThat(suggestions.review(documentId, false, List.of(second), null)).isTrue();
        assertThat(xml()).isEqualTo("<paragraph>Accepted </paragraph>");
        assertThat(chairEditor.delivered()).isEqualTo(before + 2);
        signIn.as("chair-ict");
        assertThat(suggestions.list(documentId)).isEmpty();
        assertThat(suggestions.review(documentId, true, null, null)).isFalse();
    }

    @Test
    void a_member_an_observer_another_commissions_member_and_the_admin_may_not_accept_and_nothing_changes() {
        String id = suggestInsertion("member-ict", "Proposed ");
        String before = xml();
        for (String user : List.of("member-ict", "observer-ict", "member-fam", "admin")) {
            signIn.as(user);
            assertThatThrownBy(() -> suggestions.review(documentId, true, List.of(id), null))
                    .as(user).isInstanceOf(UserFacingException.class).hasMessageContaining("suggestions.refused.review");
            assertThatThrownBy(() -> suggestions.review(documentId, false, null, null))
                    .as(user).isInstanceOf(UserFacingException.class);
        }
        assertThat(xml()).isEqualTo(before);
        signIn.as("member-fam");
        assertThatThrownBy(() -> suggestions.list(documentId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_list_is_computed_once_per_state_of_the_document_and_still_checked_for_every_reader() {
        String first = suggestInsertion("member-ict", "First ");
        signIn.as("member-ict");
        long before = suggestions.engineReads();
        assertThat(suggestions.list(documentId)).extracting(SuggestionView::id).containsExactly(first);
        signIn.as("chair-ict");
        List<SuggestionView> again = suggestions.list(documentId);
        assertThat(again).extracting(SuggestionView::id).containsExactly(first);
        assertThat(again.getFirst().mine()).as("per reader, though read once").isFalse();
        assertThat(suggestions.engineReads()).as("one engine call for one state").isEqualTo(before + 1);
        signIn.as("member-fam");
        assertThatThrownBy(() -> suggestions.list(documentId)).as("cached, but not for another commission")
                .isInstanceOf(AccessDeniedException.class);
        String second = suggestInsertion("member-ict", "Second ");
        assertThat(suggestions.list(documentId)).as("a new update is a new state").extracting(SuggestionView::id)
                .containsExactly(second, first);
        assertThat(suggestions.engineReads()).isEqualTo(before + 2);
    }

    @Test
    void accept_all_of_one_person_leaves_the_others() {
        suggestInsertion("member-ict", "Member ");
        suggestInsertion("chair-ict", "Chair ");
        signIn.as("member-ict");
        long member = me();
        signIn.as("chair-ict");
        assertThat(suggestions.review(documentId, true, null, member)).isTrue();
        assertThat(suggestions.list(documentId)).extracting(SuggestionView::authorId).containsOnly(me());
    }

    @Test
    void an_author_withdraws_their_own_suggestion_but_not_someone_elses() {
        String id = suggestInsertion("member-ict", "Mine ");
        signIn.as("chair-ict");
        assertThatThrownBy(() -> suggestions.withdraw(documentId, List.of(id)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("suggestions.refused.withdraw");
        signIn.as("member-ict");
        assertThat(suggestions.withdraw(documentId, List.of(id))).isTrue();
        assertThat(xml()).isEqualTo("<paragraph></paragraph>");
    }

    @Test
    void invalid_ids_are_refused() {
        signIn.as("chair-ict");
        assertThatThrownBy(() -> suggestions.review(documentId, true, List.of("<script>"), null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("suggestions.invalid");
    }

    @Test
    void only_reviewers_mark_people_suggest_only() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> suggestOnly.save(documentId, new SuggestOnlySettings(EnumSet.of(CommissionRole.OBSERVER),
                Set.of()))).isInstanceOf(UserFacingException.class).hasMessageContaining("suggestions.refused.settings");
        signIn.as("observer-ict");
        assertThatThrownBy(() -> suggestOnly.save(documentId, new SuggestOnlySettings(EnumSet.of(CommissionRole.OBSERVER),
                Set.of()))).isInstanceOf(UserFacingException.class);
        signIn.as("member-fam");
        long outsider = me();
        signIn.as("secretariat");
        assertThatThrownBy(() -> suggestOnly.save(documentId, new SuggestOnlySettings(Set.of(), Set.of(outsider))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("suggestions.settings.not-member");
        suggestOnly.save(documentId, new SuggestOnlySettings(EnumSet.of(CommissionRole.OBSERVER), Set.of()));
        assertThat(suggestOnly.settings(documentId).roles()).containsExactly(CommissionRole.OBSERVER);
    }

    @Test
    void a_suggest_only_observer_may_suggest_but_a_plain_insertion_is_refused_and_nothing_is_stored() {
        // unmarked, an observer may not change the document at all
        RecordingEditor observer = open("observer-ict");
        assertThatThrownBy(() -> push(observer, "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"x\"}]"))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("chair-ict");
        suggestOnly.save(documentId, new SuggestOnlySettings(EnumSet.of(CommissionRole.OBSERVER), Set.of()));
        RecordingEditor chair = open("chair-ict");
        push(chair, "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Agreed text.\"}]");

        signIn.as("observer-ict");
        JoinResult joined = relay.join(documentId, observer);
        assertThat(joined.editable()).isTrue();
        assertThat(joined.suggestOnly()).isTrue();
        String before = xml();
        // a forged client: a plain insertion
        assertThatThrownBy(() -> push(observer, "[{\"op\":\"insert\",\"path\":[0],\"at\":6,\"text\":\" forged\"}]"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("suggestions.refused.suggest-only");
        assertThat(xml()).isEqualTo(before);
        // their own suggestion goes through, also after someone else's plain edit (the replica follows)
        String id = me() + ":" + Long.toString(System.currentTimeMillis(), 36) + ":obs1";
        push(observer, "[{\"op\":\"insert\",\"path\":[0],\"at\":12,\"text\":\" Or not.\",\"attrs\":{\"insertion\":{\"id\":\""
                + id + "\"}}}]");
        signIn.as("chair-ict");
        push(chair, "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Fully \"}]");
        signIn.as("observer-ict");
        String withdraw = "[{\"op\":\"delete\",\"path\":[0],\"at\":18,\"len\":8}]";
        push(observer, withdraw);
        assertThat(xml()).isEqualTo("<paragraph>Fully Agreed text.</paragraph>");
        // deleting the agreed text is refused
        assertThatThrownBy(() -> push(observer, "[{\"op\":\"delete\",\"path\":[0],\"at\":0,\"len\":6}]"))
                .isInstanceOf(UserFacingException.class);
        assertThat(xml()).isEqualTo("<paragraph>Fully Agreed text.</paragraph>");
    }

    @Test
    void a_person_marked_suggest_only_is_checked_even_as_a_member() {
        signIn.as("member-ict");
        long member = me();
        signIn.as("chair-ict");
        suggestOnly.save(documentId, new SuggestOnlySettings(Set.of(), Set.of(member)));
        RecordingEditor editor = open("member-ict");
        assertThatThrownBy(() -> push(editor, "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"plain\"}]"))
                .isInstanceOf(UserFacingException.class);
        // the chair is not marked: a plain edit is fine
        RecordingEditor chair = open("chair-ict");
        push(chair, "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"plain\"}]");
        assertThat(xml()).isEqualTo("<paragraph>plain</paragraph>");
    }
}
