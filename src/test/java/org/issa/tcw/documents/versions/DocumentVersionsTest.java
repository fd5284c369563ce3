package org.issa.tcw.documents.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentDeletions;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.PresenceColors;
import org.issa.tcw.documents.RecordingEditor;
import org.issa.tcw.documents.RelayRooms;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.YjsUpdates;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Versions through the real relay, engine and database: naming, listing, comparing, restoring
 * (undoable, live for open editors, keeping what is typed concurrently), automatic versions, and
 * who may do what (allow and deny per role, including another commission's member).
 */
@SpringTest
class DocumentVersionsTest {

    @Autowired
    DocumentVersions versions;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentService documents;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    DocumentDeletions deletions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    long documentId;
    @Autowired
    RelayRooms rooms;
    RelayRooms.Room room;

    @BeforeEach
    void newDocument() {
        room = rooms.create("Versions test");
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

    byte[] update(String ops) {
        return engine.edit(content(), ops).join();
    }

    /** Sends an update from the editor; the relay takes its author from who is signed in. */
    void push(RecordingEditor editor, byte[] update) {
        relay.push(documentId, editor, "u" + System.nanoTime(), Base64.getEncoder().encodeToString(update), null, 1);
    }

    void type(RecordingEditor editor, int block, int at, String text) {
        push(editor, update("[{\"op\":\"insert\",\"path\":[" + block + "],\"at\":" + at + ",\"text\":\"" + text
                + "\"}]"));
    }

    void block(RecordingEditor editor, int at, String name, String attrs, String text) {
        push(editor, update("[{\"op\":\"block\",\"at\":" + at + ",\"name\":\"" + name + "\",\"attrs\":" + attrs
                + ",\"text\":\"" + text + "\"}]"));
    }

    @Test
    void two_people_type_and_the_comparison_knows_whose_yjs_clients_wrote_what() {
        RecordingEditor member = open("member-ict");
        type(member, 0, 0, "Alpha ");
        long first = versions.name(documentId, "Start");
        byte[] byMember = update("[{\"op\":\"insert\",\"path\":[0],\"at\":6,\"text\":\"member words \"}]");
        push(member, byMember);
        RecordingEditor chair = open("chair-ict");
        byte[] byChair = update("[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Chair words \"}]");
        push(chair, byChair);
        long memberClient = YjsUpdates.firstClient(byMember);
        long chairClient = YjsUpdates.firstClient(byChair);
        assertThat(memberClient).isNotEqualTo(chairClient).isPositive();

        signIn.as("observer-ict");
        DiffStates states = versions.states(documentId, first, null);
        assertThat(states.authors()).hasSize(2);
        DiffStates.Author m = states.authors().stream().filter(a -> a.clients().contains(memberClient)).findFirst()
                .orElseThrow();
        DiffStates.Author c = states.authors().stream().filter(a -> a.clients().contains(chairClient)).findFirst()
                .orElseThrow();
        assertThat(m).isNotEqualTo(c);
        assertThat(m.name()).isEqualTo(name("member-ict"));
        assertThat(c.name()).isEqualTo(name("chair-ict"));
        assertThat(m.clients()).doesNotContain(chairClient);
        assertThat(List.of(m.color(), c.color())).doesNotHaveDuplicates().allMatch(PresenceColors.ALL::contains);
        // the same map for two stored versions
        signIn.as("member-ict");
        long second = versions.name(documentId, "Both");
        signIn.as("observer-ict");
        assertThat(versions.states(documentId, first, second).authors()).isEqualTo(states.authors());
        // and only for those who may read the document
        signIn.as("member-fam");
        assertThatThrownBy(() -> relay.clientAuthors(documentId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> versions.states(documentId, first, null)).isInstanceOf(AccessDeniedException.class);
    }

    long person(String user) {
        signIn.as(user);
        return java.util.Objects.requireNonNull(currentUser.require().personId());
    }

    /** Compacts the document's log now, as the background maintenance does; true if it did. */
    boolean compact() {
        long before = content().size();
        DocumentFixtures.compact(context, documentId);
        return content().size() < before;
    }

    /** Deleted items per (deleter, client of the items): total length; "null" for not recorded. */
    TreeMap<String, Long> deletedBy(List<DocumentDeletions.Run> runs) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (DocumentDeletions.Run r : runs) {
            out.merge(Objects.toString(r.personId()) + "/" + r.client(), r.length(), Long::sum);
        }
        return out;
    }

    @Test
    void words_one_person_deleted_from_anothers_text_carry_the_deleters_name_also_after_compaction() {
        long a = person("chair-ict");
        long b = person("member-ict");
        RecordingEditor chair = open("chair-ict");
        byte[] typed = update("[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Alpha quick brown fox\"}]");
        push(chair, typed);
        long chairClient = YjsUpdates.firstClient(typed);
        long first = versions.name(documentId, "Before the deletions");

        // the member deletes "quick " (6 of the chair's characters), having written nothing
        RecordingEditor member = open("member-ict");
        push(member, update("[{\"op\":\"delete\",\"path\":[0],\"at\":6,\"len\":6}]"));
        // then the chair types again: their update carries the whole delete set of their copy,
        // the member's deletion included, which must not make it theirs
        signIn.as("chair-ict");
        push(chair, update("[{\"op\":\"insert\",\"path\":[0],\"at\":15,\"text\":\" jumps\"}]"));

        signIn.as("observer-ict");
        DiffStates states = versions.states(documentId, first, null);
        assertThat(deletedBy(states.deletions())).containsExactly(java.util.Map.entry(b + "/" + chairClient, 6L));
        DiffStates.Author deleter = states.authors().stream().filter(x -> x.personId() == b).findFirst()
                .orElseThrow(() -> new AssertionError("the member, who only deleted, is not among the authors"));
        assertThat(deleter.name()).isEqualTo(name("member-ict"));
        assertThat(deleter.clients()).as("the member wrote nothing").isEmpty();

        // the member types, the chair deletes words of both, and the log is compacted before
        // anybody compares: "Member Alpha brown fox jumps"
        signIn.as("member-ict");
        byte[] memberTyped = update("[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Member \"}]");
        push(member, memberTyped);
        long memberClient = YjsUpdates.firstClient(memberTyped);
        signIn.as("chair-ict");
        push(chair, update("[{\"op\":\"delete\",\"path\":[0],\"at\":13,\"len\":5}]"));
        push(chair, update("[{\"op\":\"delete\",\"path\":[0],\"at\":0,\"len\":3}]"));
        assertThat(compact()).isTrue();
        assertThat(content()).as("the log was merged into one state").hasSize(1);

        signIn.as("observer-ict");
        DiffStates after = versions.states(documentId, first, null);
        assertThat(deletedBy(after.deletions())).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                a + "/" + chairClient, 5L,
                a + "/" + memberClient, 3L,
                b + "/" + chairClient, 6L));
        // reading again changes nothing (nothing new in the log)
        assertThat(versions.states(documentId, first, null).deletions()).isEqualTo(after.deletions());

        // only for those who may read the document
        signIn.as("member-fam");
        assertThatThrownBy(() -> deletions.deletions(documentId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> versions.states(documentId, first, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void deletions_made_before_the_recording_began_stay_not_recorded_and_nobody_claims_them_later() {
        long a = person("member-ict");
        RecordingEditor member = open("member-ict");
        push(member, update("[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Old words here\"}]"));
        RecordingEditor chair = open("chair-ict");
        push(chair, update("[{\"op\":\"delete\",\"path\":[0],\"at\":0,\"len\":4}]"));
        assertThat(compact()).isTrue();
        signIn.as("observer-ict");
        assertThat(deletedBy(deletions.deletions(documentId))).as("recorded at compaction").hasSize(1)
                .allSatisfy((k, v) -> assertThat(v).isEqualTo(4L));
        // as for a document compacted before the recording existed
        jdbc.update("delete from document_deletion where document_id = ?", documentId);
        jdbc.update("delete from document_deletion_mark where document_id = ?", documentId);

        // the member's next update carries the whole delete set of their copy, the old deletion too
        signIn.as("member-ict");
        push(member, update("[{\"op\":\"delete\",\"path\":[0],\"at\":0,\"len\":6}]"));
        signIn.as("observer-ict");
        TreeMap<String, Long> by = deletedBy(deletions.deletions(documentId));
        assertThat(by).as("member %s: %s; log %s", a, by, jdbc.queryForList(
                "select seq, author_id from document_update where document_id = ?", documentId)).hasSize(2);
        assertThat(by.firstEntry().getKey()).as("%s", by).startsWith(a + "/");
        assertThat(by.firstEntry().getValue()).isEqualTo(6L);
        assertThat(by.lastEntry().getKey()).startsWith("null/");
        assertThat(by.lastEntry().getValue()).isEqualTo(4L);
    }

    String name(String user) {
        signIn.as(user);
        return currentUser.require().displayName();
    }

    @Test
    void a_member_names_versions_and_everyone_who_reads_lists_and_compares_them() {
        RecordingEditor member = open("member-ict");
        type(member, 0, 0, "Alpha beta gamma");
        long first = versions.name(documentId, "  Draft for the Bureau ");
        block(member, 0, "heading", "{\"level\":1}", "Scope");
        block(member, 2, "heading", "{\"level\":1}", "Method");
        block(member, 3, "heading", "{\"level\":2}", "Data");
        block(member, 4, "paragraph", "{}", "New words here");
        long second = versions.name(documentId, "Second");

        signIn.as("observer-ict");
        List<VersionView> list = versions.list(documentId);
        assertThat(list).extracting(VersionView::id).containsExactly(second, first);
        assertThat(list.get(1).name()).isEqualTo("Draft for the Bureau");
        assertThat(list.get(1).kind()).isEqualTo(VersionKind.NAMED);
        assertThat(list.get(1).createdBy()).isNotBlank();
        assertThat(list.get(1).wordsAdded()).isEqualTo(3);
        assertThat(list.get(0).wordsAdded()).isEqualTo(6);
        assertThat(list.get(0).wordsRemoved()).isZero();

        String live = xml();
        VersionComparison c = versions.compare(documentId, first, second);
        assertThat(c.wordsAdded()).isEqualTo(6);
        assertThat(c.wordsRemoved()).isZero();
        assertThat(c.sections()).containsExactly("1", "2", "2.1");
        // the same pair in the other order: still older against newer
        assertThat(versions.compare(documentId, second, first).wordsAdded()).isEqualTo(6);
        signIn.as("member-ict");
        type(member, 4, 0, "More ");
        signIn.as("observer-ict");
        VersionComparison now = versions.compare(documentId, second, null);
        assertThat(now.wordsAdded()).isEqualTo(1);
        assertThat(now.sections()).containsExactly("2.1");
        assertThat(now.before()).isNotEmpty();
        assertThat(now.after()).isNotEmpty();
        // what the diff editor gets: for "now" the current log, for two versions their stored states, older first
        DiffStates toNow = versions.states(documentId, second, null);
        assertThat(toNow.afterIsV2()).isFalse();
        assertThat(toNow.after()).isNotEmpty();
        DiffStates between = versions.states(documentId, second, first);
        assertThat(between.afterIsV2()).isTrue();
        assertThat(between.before()).isEqualTo(versions.compare(documentId, first, second).before());
        assertThat(versions.summary(documentId, second, null)).isEqualTo(
                new VersionSummary(now.wordsAdded(), now.wordsRemoved(), now.sections()));
        assertThat(xml()).isNotEqualTo(live).contains("More New words here");
    }

    @Test
    void a_restore_is_a_live_change_that_can_be_undone() {
        RecordingEditor chair = open("chair-ict");
        RecordingEditor member = open("member-ict");
        type(member, 0, 0, "Kept text");
        signIn.as("chair-ict");
        long v1 = versions.name(documentId, "One");
        String atV1 = xml();
        signIn.as("member-ict");
        type(member, 0, 9, " and more");
        block(member, 1, "paragraph", "{}", "Second paragraph");
        String beforeRestore = xml();
        int chairSaw = chair.delivered();
        int memberSaw = member.delivered();

        signIn.as("chair-ict");
        assertThat(versions.restore(documentId, v1)).isTrue();
        assertThat(xml()).isEqualTo(atV1);
        assertThat(chair.delivered()).isEqualTo(chairSaw + 1);
        assertThat(member.delivered()).isEqualTo(memberSaw + 1);
        VersionView backup = versions.list(documentId).getFirst();
        assertThat(backup.kind()).isEqualTo(VersionKind.BEFORE_RESTORE);
        assertThat(backup.name()).isEqualTo("One");

        // restoring the same version again changes nothing and keeps nothing
        assertThat(versions.restore(documentId, v1)).isFalse();
        assertThat(versions.list(documentId)).hasSize(2);
        // undo: restore the state before the restore
        assertThat(versions.restore(documentId, backup.id())).isTrue();
        assertThat(xml()).isEqualTo(beforeRestore);
    }

    @Test
    void a_restore_racing_with_typing_keeps_the_typing() {
        RecordingEditor member = open("member-ict");
        type(member, 0, 0, "First paragraph");
        block(member, 1, "paragraph", "{}", "Second");
        signIn.as("chair-ict");
        long v1 = versions.name(documentId, "Base");
        signIn.as("member-ict");
        type(member, 1, 6, " draft words");
        // made on the content before the restore, arriving after it
        byte[] typedMeanwhile = update("[{\"op\":\"insert\",\"path\":[0],\"at\":15,\"text\":\" typed\"},"
                + "{\"op\":\"insert\",\"path\":[1],\"at\":18,\"text\":\" late\"}]");
        signIn.as("chair-ict");
        assertThat(versions.restore(documentId, v1)).isTrue();
        signIn.as("member-ict");
        push(member, typedMeanwhile);
        assertThat(xml()).isEqualTo("<paragraph>First paragraph typed</paragraph><paragraph>Second late</paragraph>");
    }

    @Test
    void automatic_versions_daily_and_on_request_of_another_feature() {
        RecordingEditor member = open("member-ict");
        type(member, 0, 0, "Changed today");
        int kept = versions.keepDaily();
        assertThat(kept).isPositive();
        signIn.as("member-ict");
        assertThat(versions.list(documentId)).extracting(VersionView::kind).containsExactly(VersionKind.DAILY);
        // kept today already: not again today, even after further changes
        type(member, 0, 0, "More ");
        versions.keepDaily();
        assertThat(versions.list(documentId)).hasSize(1);

        signIn.out();
        events.publishEvent(new KeepVersionRequested(documentId, "Sent to the Bureau"));
        signIn.as("observer-ict");
        VersionView newest = versions.list(documentId).getFirst();
        assertThat(newest.kind()).isEqualTo(VersionKind.KEPT);
        assertThat(newest.name()).isEqualTo("Sent to the Bureau");
        assertThat(newest.createdBy()).isNull();
    }

    @Test
    void who_may_name_compare_and_restore() {
        RecordingEditor member = open("member-ict");
        type(member, 0, 0, "Text");
        long v = versions.name(documentId, "By a member");
        type(member, 0, 4, " changed");
        String before = xml();

        // observer: lists and compares, may neither name nor restore
        signIn.as("observer-ict");
        assertThat(versions.list(documentId)).hasSize(1);
        assertThat(versions.compare(documentId, v, null).wordsAdded()).isEqualTo(1);
        assertThat(versions.mayName(documentId)).isFalse();
        assertThat(versions.mayRestore(documentId)).isFalse();
        assertThatThrownBy(() -> versions.name(documentId, "No")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("versions.refused.name");
        // member and observer may not restore; nor the admin, who reads but does not edit drafts
        for (String user : List.of("member-ict", "observer-ict", "admin", "member-fam")) {
            signIn.as(user);
            assertThatThrownBy(() -> versions.restore(documentId, v)).as(user)
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("versions.refused.restore");
        }
        signIn.as("chair-ict");
        assertThat(xml()).isEqualTo(before);
        // another commission's member: nothing at all
        signIn.as("member-fam");
        assertThatThrownBy(() -> versions.list(documentId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> versions.compare(documentId, v, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> versions.storedBytes(documentId, v)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> versions.states(documentId, v, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> versions.summary(documentId, v, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> versions.name(documentId, "Mine")).isInstanceOf(UserFacingException.class);
        // the secretariat and the chair restore
        signIn.as("secretariat");
        assertThat(versions.mayRestore(documentId)).isTrue();
        assertThat(versions.restore(documentId, v)).isTrue();
        signIn.as("chair-ict");
        assertThat(versions.restore(documentId, versions.list(documentId).getFirst().id())).isTrue();
        assertThat(xml()).isEqualTo(before);
    }

    @Test
    void bad_input_is_refused_and_changes_nothing() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> versions.name(documentId, "  ")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("validation.required");
        assertThatThrownBy(() -> versions.name(documentId, "x".repeat(DocumentVersions.NAME_MAX + 1)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("validation.too-long");
        assertThat(versions.list(documentId)).isEmpty();
        long v = versions.name(documentId, "Mine");
        // a version of another document is not found
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Other " + System.nanoTime());
        long other = documents.create("ICT", form);
        assertThatThrownBy(() -> versions.restore(other, v)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("error.not-found");
        assertThatThrownBy(() -> versions.compare(other, v, null)).isInstanceOf(UserFacingException.class);
    }
}
