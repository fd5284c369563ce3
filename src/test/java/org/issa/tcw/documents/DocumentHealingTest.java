package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Self-healing by Yjs state vectors when the server lost history (a database restored behind the
 * editors, a crash before a commit was written): through the real relay, database and yjs (in
 * GraalJS). The editors are modelled as what they hold (a list of Yjs updates) and follow the
 * protocol of frontend/tcw-editor.ts: join takes the server's content and numbering and pushes
 * {@code encodeStateAsUpdate(local, serverStateVector)}; every push carries the editor's last
 * sequence number.
 */
@SpringTest
class DocumentHealingTest {

    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentLog log;
    @Autowired
    DocumentMaintenance maintenance;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;

    long documentId;
    final List<Replica> replicas = new ArrayList<>();

    @BeforeEach
    void newDocument() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Healing test " + System.nanoTime());
        documentId = documents.create("ICT", form);
    }

    @AfterEach
    void closeEditors() {
        replicas.forEach(r -> relay.leave(documentId, r.connection));
        signIn.out();
    }

    /** One open editor as it follows the protocol: what it holds, its last sequence number, its connection. */
    final class Replica {
        final String user;
        final RecordingEditor connection = new RecordingEditor();
        final List<byte[]> holds = new ArrayList<>();
        long lastSeq;
        int delivered;

        Replica(String user) {
            this.user = user;
            replicas.add(this);
        }

        /** Join (or join again): the server's content and numbering, then push what the server lacks. */
        Replica join() {
            signIn.as(user);
            JoinResult joined = relay.join(documentId, connection);
            List<byte[]> server = decode(joined.updates());
            List<byte[]> local = new ArrayList<>(holds);
            local.addAll(server);
            byte[] missing = engine.missingFrom(local, server).join();
            holds.addAll(server);
            lastSeq = joined.seq();
            delivered = connection.updates.size();
            if (missing.length > 2) {
                push(missing);
            }
            return this;
        }

        /** Types a word at the end of what this editor holds and pushes it. */
        PushResult type(String word) {
            byte[] update = engine.typeText(holds, word, false).join();
            holds.add(update);
            return push(update);
        }

        PushResult push(byte[] update) {
            signIn.as(user);
            PushResult ack = relay.push(documentId, connection, "u-" + System.nanoTime(),
                    Base64.getEncoder().encodeToString(update), null, 1, lastSeq);
            lastSeq = Math.max(lastSeq, ack.seq());
            return ack;
        }

        /** Applies what the relay delivered since the last call (all of it: updates are idempotent). */
        Replica receive() {
            synchronized (connection) {
                List<byte[]> all = connection.updates;
                holds.addAll(all.subList(delivered, all.size()));
                delivered = all.size();
                connection.seqs.forEach(s -> lastSeq = Math.max(lastSeq, s));
            }
            return this;
        }

        String text() {
            return engine.render(holds).join().text();
        }

        boolean complete() {
            return engine.check(holds).join().complete();
        }
    }

    static List<byte[]> decode(List<String> updates) {
        return updates.stream().map(Base64.getDecoder()::decode).toList();
    }

    /** The database goes back to how it was after update {@code seq} (a restore from backup). */
    void rollBackTo(long seq) {
        jdbc.update("delete from document_update where document_id = ? and seq > ?", documentId, seq);
        jdbc.update("delete from document_receipt where document_id = ? and seq > ?", documentId, seq);
        jdbc.update("update document set last_seq = ? where id = ?", seq, documentId);
    }

    /** The node restarted: it knows no editor any more. */
    void restartNode() {
        signIn.as("admin");
        relay.forgetEditors();
    }

    List<byte[]> stored() {
        return log.content(documentId).updates();
    }

    String storedText() {
        return engine.render(stored()).join().text();
    }

    boolean storedComplete() {
        return engine.check(stored()).join().complete();
    }

    String freshReader() {
        Replica reader = new Replica("member-ict").join();
        assertThat(reader.complete()).as("a fresh reader has no pending structures").isTrue();
        return reader.text();
    }

    @Test
    void the_server_lost_updates_an_editor_holds_and_gets_them_back_from_it() {
        Replica alice = new Replica("chair-ict").join();
        Replica bob = new Replica("member-ict").join();
        for (String w : List.of("one ", "two ", "three ", "four ", "five ")) {
            alice.type(w);
        }
        bob.receive();
        long before = alice.lastSeq;
        rollBackTo(before - 3);
        restartNode();

        // what alice types next depends on what the server lost: stored, it stays pending there
        PushResult ack = alice.type("six ");
        assertThat(ack.rejoin()).isTrue();
        assertThat(storedComplete()).as("the server holds an update waiting for lost ones").isFalse();
        assertThat(ack.seq()).as("the server re-numbered over what alice holds").isLessThanOrEqualTo(before);

        alice.join();
        bob.join();
        assertThat(storedComplete()).isTrue();
        assertThat(storedText()).isEqualTo("one two three four five six ");
        assertThat(alice.receive().text()).isEqualTo(storedText());
        assertThat(bob.receive().text()).isEqualTo(storedText());
        assertThat(freshReader()).isEqualTo(storedText());
    }

    @Test
    void an_editor_behind_the_server_catches_up_and_pushes_nothing() {
        Replica alice = new Replica("chair-ict").join();
        alice.type("one ");
        Replica bob = new Replica("member-ict").join();
        alice.type("two ");
        alice.type("three ");
        long stored = log.content(documentId).lastSeq();

        // bob missed the last two deliveries (his connection dropped them); he tells his last seq
        signIn.as("member-ict");
        PushResult ack = relay.push(documentId, bob.connection, null, null, "e30=", 1, bob.lastSeq);
        assertThat(ack.reconcile()).as("an editor behind the server is no sign of lost history").isFalse();
        bob.join();
        assertThat(log.content(documentId).lastSeq()).as("nothing to push: nothing stored").isEqualTo(stored);
        assertThat(bob.text()).isEqualTo("one two three ");
        assertThat(bob.complete()).isTrue();
    }

    @Test
    void server_and_editor_diverged_and_both_end_with_everything_once() {
        Replica alice = new Replica("chair-ict").join();
        alice.type("alpha ");
        alice.type("beta ");
        alice.type("gamma ");
        rollBackTo(alice.lastSeq - 2);
        restartNode();

        // carol opens the document after the loss and writes; her updates get alice's lost numbers
        Replica carol = new Replica("member-ict").join();
        carol.type("carol1 ");
        carol.type("carol2 ");
        assertThat(carol.lastSeq).isLessThanOrEqualTo(alice.lastSeq);

        PushResult ack = alice.type("delta ");
        assertThat(ack.rejoin()).isTrue();
        alice.join();
        carol.receive();

        assertThat(storedComplete()).isTrue();
        String text = storedText();
        for (String w : List.of("alpha", "beta", "gamma", "delta", "carol1", "carol2")) {
            assertThat(text.split(w, -1)).as(w + " once in " + text).hasSize(2);
        }
        assertThat(alice.receive().text()).isEqualTo(text);
        assertThat(carol.text()).isEqualTo(text);
        assertThat(alice.complete()).isTrue();
        assertThat(carol.complete()).isTrue();
        assertThat(freshReader()).isEqualTo(text);
    }

    @Test
    void a_database_restored_under_a_running_node_is_noticed_at_the_next_push_and_every_editor_is_asked() {
        Replica alice = new Replica("chair-ict").join();
        Replica bob = new Replica("member-ict").join();
        alice.type("one ");
        alice.type("two ");
        alice.type("three ");
        bob.receive();
        rollBackTo(alice.lastSeq - 2);

        PushResult ack = alice.type("four ");
        assertThat(ack.reconcile()).as("the server handed out a number again").isTrue();
        assertThat(bob.connection.reconcileRequests()).isEqualTo(1);
        alice.join();
        bob.join();
        assertThat(storedComplete()).isTrue();
        assertThat(storedText()).isEqualTo("one two three four ");
        assertThat(freshReader()).isEqualTo(storedText());
    }

    @Test
    void an_editor_that_has_seen_more_than_the_server_is_told_to_reconcile() {
        Replica alice = new Replica("chair-ict").join();
        Replica bob = new Replica("member-ict").join();
        alice.type("one ");
        alice.type("two ");
        bob.receive();
        rollBackTo(alice.lastSeq - 1);
        restartNode();
        alice.join();

        // bob's connection survived on another node in real life; here he joins again and then
        // pushes only presence, telling his last seq, which is above the server's
        bob.join();
        bob.lastSeq = log.content(documentId).lastSeq() + 5;
        signIn.as("member-ict");
        PushResult ack = relay.push(documentId, bob.connection, null, null, "e30=", 1, bob.lastSeq);
        assertThat(ack.reconcile()).isTrue();
        assertThat(alice.connection.reconcileRequests()).as("the other editors are asked too").isEqualTo(1);
        assertThat(storedText()).isEqualTo("one two ");
    }

    @Test
    void a_stored_log_waiting_for_lost_updates_is_found_when_compacted_and_the_open_editors_are_asked() {
        Replica alice = new Replica("chair-ict").join();
        Replica bob = new Replica("member-ict").join();
        alice.type("one ");
        alice.type("two ");
        rollBackTo(alice.lastSeq - 1);
        restartNode();
        alice.type("three ");
        bob.join();
        assertThat(storedComplete()).isFalse();

        assertThat(maintenance.compactSoon(documentId).join()).as("an incomplete log is not compacted").isFalse();
        assertThat(bob.connection.reconcileRequests()).isEqualTo(1);
        assertThat(maintenance.checkSoon(documentId).join()).isFalse();

        alice.join();
        assertThat(storedComplete()).isTrue();
        assertThat(storedText()).isEqualTo("one two three ");
    }
}
