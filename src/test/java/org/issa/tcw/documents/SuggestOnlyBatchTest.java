package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.documents.suggestions.SuggestOnlyService;
import org.issa.tcw.documents.suggestions.SuggestOnlySettings;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Updates of suggest-only people stored in one group commit with other updates (docs/adr/025):
 * each is checked on a replica that holds every update before it in the batch, also after a
 * refusal in the same batch dropped the replica (it is opened again from the log plus the batch's
 * accepted updates); a forged plain insertion in the middle of a batch is refused and nothing of
 * it is stored, while the updates around it are stored together.
 */
@SpringTest
class SuggestOnlyBatchTest {

    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentLog log;
    @Autowired
    DocumentLocks locks;
    @Autowired
    YjsEngine engine;
    @Autowired
    SuggestionReadings readings;
    @Autowired
    SuggestOnlyService suggestOnly;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;

    final ExecutorService pool = Executors.newCachedThreadPool();
    final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void close() {
        cleanUp.forEach(Runnable::run);
        pool.shutdownNow();
        signIn.out();
    }

    static String insert(int at, String text) {
        return "[{\"op\":\"insert\",\"path\":[0],\"at\":" + at + ",\"text\":\"" + text + "\"}]";
    }

    static String suggest(int at, String text, String id) {
        return "[{\"op\":\"insert\",\"path\":[0],\"at\":" + at + ",\"text\":\"" + text
                + "\",\"attrs\":{\"insertion\":{\"id\":\"" + id + "\"}}}]";
    }

    static List<byte[]> plus(List<byte[]> log, byte[]... more) {
        List<byte[]> all = new ArrayList<>(log);
        all.addAll(List.of(more));
        return all;
    }

    /** Pushes as {@code user} on a thread of its own (signed in there), as a browser's request would. */
    CompletableFuture<PushResult> push(long documentId, String user, RecordingEditor editor, byte[] update) {
        return CompletableFuture.supplyAsync(() -> {
            signIn.as(user);
            try {
                return relay.push(documentId, editor, "b" + System.nanoTime(), Base64.getEncoder().encodeToString(update),
                        null, 1);
            } finally {
                signIn.out();
            }
        }, pool);
    }

    RecordingEditor join(long documentId, String user) {
        signIn.as(user);
        RecordingEditor e = new RecordingEditor();
        relay.join(documentId, e);
        cleanUp.add(() -> relay.leave(documentId, e));
        return e;
    }

    @Test
    void suggest_only_updates_in_one_batch_are_checked_on_everything_before_them_and_a_forged_one_is_refused()
            throws Exception {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Suggest-only batch " + System.nanoTime());
        long documentId = documents.create("ICT", form);
        suggestOnly.save(documentId, new SuggestOnlySettings(EnumSet.of(CommissionRole.OBSERVER), Set.of()));
        signIn.as("observer-ict");
        long observer = currentUser.require().personId();
        RecordingEditor chair = join(documentId, "chair-ict");
        RecordingEditor obs = join(documentId, "observer-ict");
        signIn.out();

        List<byte[]> base = log.content(documentId).updates();
        byte[] a = engine.edit(base, insert(0, "Agreed text.")).join();
        byte[] b = engine.edit(plus(base, a), insert(12, " More.")).join();
        // the observer's forged plain insertion, and their own suggestion inside the chair's unstored " More."
        byte[] forged = engine.edit(plus(base, a, b), insert(0, "forged ")).join();
        String d = observer + ":" + Long.toString(System.currentTimeMillis(), 36) + ":batch1";
        byte[] suggestion = engine.edit(plus(base, a, b), suggest(15, "X", d)).join();
        byte[] e = engine.edit(plus(base, a, b), insert(18, " End.")).join();
        // and one inside " End.", which comes after the refusal in the same batch
        String f = observer + ":" + Long.toString(System.currentTimeMillis(), 36) + ":batch2";
        byte[] second = engine.edit(plus(base, a, b, e), suggest(21, "Y", f)).join();

        GroupCommit<?> groupCommit = (GroupCommit<?>) ReflectionTestUtils.getField(
                java.util.Objects.requireNonNull(ReflectionTestUtils.getField(relay, "relay")), "groupCommit");
        ReentrantLock lock = locks.of(documentId);
        relay.timeline().switchOn();
        CompletableFuture<PushResult> first;
        List<CompletableFuture<PushResult>> batch = new ArrayList<>();
        lock.lock();
        try {
            // the first push's worker waits for the document's lock; the others queue behind it, in this order
            first = push(documentId, "chair-ict", chair, a);
            waitUntil(() -> lock.hasQueuedThreads());
            int queued = 0;
            for (Object[] p : new Object[][] {{"chair-ict", chair, b}, {"observer-ict", obs, forged},
                    {"observer-ict", obs, suggestion}, {"chair-ict", chair, e}, {"observer-ict", obs, second}}) {
                batch.add(push(documentId, (String) p[0], (RecordingEditor) p[1], (byte[]) p[2]));
                int expected = ++queued;
                waitUntil(() -> groupCommit.waiting(documentId) == expected);
            }
        } finally {
            lock.unlock();
        }
        try {
            first.get(60, TimeUnit.SECONDS);
            long seqB = batch.get(0).get(60, TimeUnit.SECONDS).seq();
            assertThatThrownBy(() -> batch.get(1).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(UserFacingException.class).hasMessageContaining("suggestions.refused.suggest-only");
            long seqD = batch.get(2).get(60, TimeUnit.SECONDS).seq();
            long seqE = batch.get(3).get(60, TimeUnit.SECONDS).seq();
            long seqF = batch.get(4).get(60, TimeUnit.SECONDS).seq();
            assertThat(List.of(seqD, seqE, seqF)).containsExactly(seqB + 1, seqB + 2, seqB + 3);
            // the four accepted updates were stored in one transaction
            assertThat(relay.timeline().of(documentId).stream().filter(t -> t.seq() >= seqB).map(t -> t.batchSize()))
                    .containsOnly(4);
        } finally {
            relay.timeline().switchOff();
        }
        List<byte[]> stored = log.content(documentId).updates();
        assertThat(engine.xml(stored).join()).isEqualTo("<paragraph>Agreed text. Mo<insertion id=\"" + d
                + "\">X</insertion>re. En<insertion id=\"" + f + "\">Y</insertion>d.</paragraph>");
        assertThat(readings.ofLog(stored).join()).extracting(SuggestionReadings.Suggestion::id).containsExactly(d, f);
        assertThat(engine.check(stored).join().complete()).isTrue();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
