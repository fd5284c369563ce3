package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ADR 114: the other editors get an update as soon as it is ordered (inside its transaction, before
 * the commit); its author only after the commit. A commit that fails after that delivery makes the
 * other editors reconcile (send back what the server lacks), and nothing of it is stored. The
 * per-update timeline records the stages in order while on, nothing while off.
 */
@SpringTest
class DeliveryBeforeCommitTest {

    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentLog log;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;

    long documentId;
    @Autowired
    RelayRooms rooms;
    RelayRooms.Room room;

    @BeforeEach
    void newDocument() {
        room = rooms.create("Delivery test");
        documentId = room.documentId();
    }

    @AfterEach
    void closeEditors() {
        relay.deliverBeforeCommit(true);
        relay.timeline().switchOff();
        room.close();
    }

    /** An editor that notes whether each delivery came inside a transaction (i.e. before its commit). */
    static class Watching extends RecordingEditor {
        final List<Boolean> insideTransaction = new ArrayList<>();
        /** When set, the next delivery makes the storing transaction fail at its commit. */
        boolean failNextCommit;

        @Override
        public synchronized void deliver(long seq, String updateBase64) {
            insideTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            if (failNextCommit) {
                failNextCommit = false;
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw new IllegalStateException("the disk refused the commit");
                    }
                });
            }
            super.deliver(seq, updateBase64);
        }
    }

    <E extends RecordingEditor> E open(String user, E editor) {
        return room.join(user, editor);
    }

    String typed(String text) {
        return Base64.getEncoder().encodeToString(engine.typeText(log.content(documentId).updates(), text, false).join());
    }

    @Test
    void the_other_editors_get_an_update_before_its_commit_and_the_author_after() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Watching member = open("member-ict", new Watching());
        signIn.as("chair-ict");
        long seq = relay.push(documentId, chair, "early-1", typed("early"), null, 1).seq();
        assertThat(member.seqs()).containsExactly(seq);
        assertThat(member.insideTransaction).as("delivered before the commit").containsExactly(true);
        assertThat(log.content(documentId).lastSeq()).as("acknowledged = stored").isEqualTo(seq);
    }

    @Test
    void switched_off_the_delivery_waits_for_the_commit() {
        relay.deliverBeforeCommit(false);
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Watching member = open("member-ict", new Watching());
        signIn.as("chair-ict");
        long seq = relay.push(documentId, chair, "late-1", typed("late"), null, 1).seq();
        assertThat(member.seqs()).containsExactly(seq);
        assertThat(member.insideTransaction).containsExactly(false);
    }

    @Test
    void a_commit_that_fails_after_the_delivery_stores_nothing_and_asks_the_editors_to_reconcile() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Watching member = open("member-ict", new Watching());
        RecordingEditor observer = open("chair-ict", new RecordingEditor());
        signIn.as("chair-ict");
        String update = typed("lost at the commit");
        member.failNextCommit = true;
        assertThatThrownBy(() -> relay.push(documentId, chair, "fails-1", update, null, 1))
                .hasMessageContaining("the disk refused the commit");
        assertThat(member.seqs()).as("the member got it before the commit failed").containsExactly(1L);
        assertThat(log.content(documentId).lastSeq()).as("nothing stored").isZero();
        assertThat(member.reconcileRequests()).as("the member is asked to send back what the server lacks")
                .isEqualTo(1);
        assertThat(observer.reconcileRequests()).isEqualTo(1);

        // the author resends with the same id (it was never acknowledged): stored once, under the
        // number the failed attempt had, without a "database lost history" reconciliation
        long seq = relay.push(documentId, chair, "fails-1", update, null, 1).seq();
        assertThat(seq).isEqualTo(1);
        assertThat(log.content(documentId).lastSeq()).isEqualTo(1);
        assertThat(member.seqs()).containsExactly(1L, 1L);
        assertThat(member.reconcileRequests()).isEqualTo(1);
        assertThat(engine.render(log.content(documentId).updates()).join().text()).contains("lost at the commit");
    }

    @Test
    void an_editor_that_cannot_take_an_update_does_not_undo_it() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        open("member-ict", new RecordingEditor() {
            @Override
            public synchronized void deliver(long seq, String updateBase64) {
                throw new IllegalStateException("this tab is gone");
            }
        });
        RecordingEditor other = open("member-ict", new RecordingEditor());
        signIn.as("chair-ict");
        long seq = relay.push(documentId, chair, "kept-1", typed("kept"), null, 1).seq();
        assertThat(log.content(documentId).lastSeq()).isEqualTo(seq);
        assertThat(other.seqs()).containsExactly(seq);
    }

    @Test
    void the_timeline_records_each_stage_in_order_while_on_and_nothing_while_off() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        open("member-ict", new RecordingEditor());
        signIn.as("chair-ict");
        long off = relay.push(documentId, chair, "t-off", typed("off"), null, 1).seq();
        relay.timeline().switchOn();
        long on = relay.push(documentId, chair, "t-on", typed("on"), null, 1).seq();
        List<KeystrokeTimeline.Entry> entries = relay.timeline().of(documentId);
        assertThat(entries).extracting(KeystrokeTimeline.Entry::seq).containsExactly(on).doesNotContain(off);
        double[] at = entries.getFirst().at();
        for (int i = 1; i < at.length; i++) {
            assertThat(at[i]).as(KeystrokeTimeline.Stage.values()[i] + " after the stage before")
                    .isGreaterThanOrEqualTo(at[i - 1]).isPositive();
        }
        assertThat(at[KeystrokeTimeline.Stage.DELIVERED.ordinal()])
                .as("delivered before the commit").isLessThanOrEqualTo(at[KeystrokeTimeline.Stage.COMMITTED.ordinal()]);
    }
}
