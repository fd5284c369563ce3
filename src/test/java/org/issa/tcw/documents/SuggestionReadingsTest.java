package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

/**
 * The review list read from the engine's kept state of the document (docs/adr/025): the same list
 * as a reading of the whole log, through insertions, deletions, block-level suggestions, several
 * authors, a compaction, an accept and a reject; and readers that ask while a reading runs share one
 * reading made after they asked, so that no page keeps the list of a state before its question.
 */
@SpringTest
class SuggestionReadingsTest {

    @Autowired
    SuggestionReadings readings;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentMaintenance maintenance;
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
    final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void newDocument() {
        room = rooms.create("Suggestion readings");
        documentId = room.documentId();
    }

    @AfterEach
    void close() {
        signIn.as("chair-ict");
        room.close();
        pool.shutdownNow();
        signIn.out();
    }

    /** Pushes a scripted edit (a real Yjs update by a fresh client) as {@code user}. */
    void push(String user, String ops) {
        signIn.as(user);
        byte[] update = engine.edit(relay.read(documentId, log -> log), ops).join();
        push(open(user), update);
    }

    RecordingEditor open(String user) {
        return room.open(user);
    }

    /** Pushes an update through the relay as the person signed in. */
    void push(RecordingEditor editor, byte[] update) {
        relay.push(documentId, editor, "u" + System.nanoTime(), Base64.getEncoder().encodeToString(update), null, 1);
    }

    long personId(String user) {
        signIn.as(user);
        return currentUser.require().personId();
    }

    static String id(long person, String tag) {
        return person + ":" + Long.toString(1_765_000_000_000L, 36) + ":" + tag;
    }

    /** The kept reading must be what a reading of the whole stored log says, at the log's position. */
    void sameAsTheWholeLog() {
        signIn.as("member-ict");
        SuggestionReadings.Reading kept = readings.read(documentId);
        List<SuggestionReadings.Suggestion> whole = readings.ofLog(relay.read(documentId, log -> log)).join();
        assertThat(kept.suggestions()).isEqualTo(whole);
        assertThat(kept.suggestions()).isEqualTo(readings.read(documentId).suggestions());
    }

    @Test
    void the_list_from_the_kept_state_equals_the_list_from_the_whole_log_through_edits_compaction_and_review() {
        long member = personId("member-ict");
        long chair = personId("chair-ict");
        String a1 = id(member, "a1");
        String a2 = id(member, "a2");
        String b = id(chair, "b");
        String c = id(chair, "c");
        String d = id(member, "d");
        push("chair-ict", "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Hello wide world. \"}]");
        sameAsTheWholeLog();
        long wholeLoads = readings.wholeLoads();
        push("member-ict", "[{\"op\":\"insert\",\"path\":[0],\"at\":6,\"text\":\"big \",\"attrs\":{\"insertion\":{\"id\":\""
                + a1 + "\"}}}]");
        sameAsTheWholeLog();
        push("chair-ict", "[{\"op\":\"format\",\"path\":[0],\"at\":15,\"len\":5,\"attrs\":{\"deletion\":{\"id\":\"" + b
                + "\"}}}]");
        sameAsTheWholeLog();
        push("chair-ict", "[{\"op\":\"block\",\"at\":1,\"name\":\"paragraph\",\"text\":\"A new paragraph.\",\"attrs\":"
                + "{\"suggestion\":\"[{\\\"type\\\":\\\"insertion\\\",\\\"attrs\\\":{\\\"id\\\":\\\"" + c
                + "\\\"}}]\"},\"marks\":{\"insertion\":{\"id\":\"" + c + "\"}}}]");
        sameAsTheWholeLog();
        push("member-ict", "[{\"op\":\"insert\",\"path\":[1],\"at\":2,\"text\":\"really \",\"attrs\":{\"insertion\":"
                + "{\"id\":\"" + a2 + "\"}}},{\"op\":\"format\",\"path\":[0],\"at\":0,\"len\":5,\"attrs\":{\"modification\":"
                + "{\"id\":\"" + d + "\",\"type\":\"mark\"}}}]");
        sameAsTheWholeLog();
        // a list whose nested paragraph is changed later, and a block mark put on an existing block
        String e = id(chair, "e");
        String f = id(member, "f");
        push("chair-ict", "[{\"op\":\"block\",\"at\":2,\"name\":\"bulletList\",\"children\":[{\"name\":\"listItem\","
                + "\"children\":[{\"name\":\"paragraph\",\"text\":\"An item\"}]}]}]");
        sameAsTheWholeLog();
        push("member-ict", "[{\"op\":\"insert\",\"path\":[2,0,0],\"at\":3,\"text\":\"extra \",\"attrs\":{\"insertion\":"
                + "{\"id\":\"" + f + "\"}}}]");
        sameAsTheWholeLog();
        push("chair-ict", "[{\"op\":\"attr\",\"path\":[2],\"name\":\"suggestion\",\"value\":\"[{\\\"type\\\":"
                + "\\\"deletion\\\",\\\"attrs\\\":{\\\"id\\\":\\\"" + e + "\\\"}}]\"}]");
        sameAsTheWholeLog();
        assertThat(readings.wholeLoads()).as("readings after the first apply only the new updates")
                .isEqualTo(wholeLoads);
        signIn.as("member-ict");
        assertThat(readings.read(documentId).suggestions())
                .extracting(SuggestionReadings.Suggestion::id).containsExactly(d, a1, b, c, a2, e, f);
        assertThat(readings.read(documentId).suggestions()).extracting(SuggestionReadings.Suggestion::authorId)
                .containsExactly(member, member, chair, chair, member, chair, member);
        assertThat(readings.read(documentId).suggestions().get(3).kinds()).containsExactly("block-insertion", "insertion");
        assertThat(readings.read(documentId).suggestions().get(6).text()).isEqualTo("extra ");

        assertThat(maintenance.compactNow(documentId)).isTrue();
        sameAsTheWholeLog();
        push("member-ict", "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Oh \",\"attrs\":{\"insertion\":{\"id\":\""
                + a1 + "\"}}}]");
        sameAsTheWholeLog();

        signIn.as("chair-ict");
        relay.change(documentId, CommissionAction.REVIEW_DRAFT, log -> engine.review(log, true, List.of(a1), null).join());
        sameAsTheWholeLog();
        signIn.as("chair-ict");
        relay.change(documentId, CommissionAction.REVIEW_DRAFT, log -> engine.review(log, false, List.of(c), null).join());
        sameAsTheWholeLog();
        signIn.as("member-ict");
        assertThat(readings.read(documentId).suggestions()).extracting(SuggestionReadings.Suggestion::id)
                .contains(d, b, e, f).doesNotContain(a1, c);
    }

    @Test
    void a_kept_state_the_engine_no_longer_holds_is_loaded_again() {
        long member = personId("member-ict");
        String a = id(member, "a");
        push("member-ict", "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Kept \",\"attrs\":{\"insertion\":"
                + "{\"id\":\"" + a + "\"}}}]");
        sameAsTheWholeLog();
        // the engine's kept doc of this document replaced by another state (as an eviction and
        // another reading would): the next reading must not apply the new updates to it
        engine.call("test", ns -> ns.getMember("suggestionsCached").execute(String.valueOf(documentId), -1.0, 0.0,
                org.graalvm.polyglot.proxy.ProxyArray.fromArray())).join();
        push("member-ict", "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"More \",\"attrs\":{\"insertion\":"
                + "{\"id\":\"" + a + "\"}}}]");
        long wholeLoads = readings.wholeLoads();
        sameAsTheWholeLog();
        assertThat(readings.wholeLoads()).isEqualTo(wholeLoads + 1);
        signIn.as("member-ict");
        assertThat(readings.read(documentId).suggestions()).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("More Kept "));
    }

    @Test
    void readers_asking_while_a_reading_runs_share_one_reading_made_after_they_asked() throws Exception {
        long member = personId("member-ict");
        String first = id(member, "first");
        String second = id(member, "second");
        push("member-ict", "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"First \",\"attrs\":{\"insertion\":"
                + "{\"id\":\"" + first + "\"}}}]");
        signIn.as("member-ict");
        long seqFirst = readings.read(documentId).seq();
        push("member-ict", "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Again \",\"attrs\":{\"insertion\":"
                + "{\"id\":\"" + first + "\"}}}]");
        RecordingEditor editor = open("member-ict");
        byte[] secondUpdate = engine.edit(relay.read(documentId, log -> log), "[{\"op\":\"insert\",\"path\":[0],"
                + "\"at\":0,\"text\":\"Second \",\"attrs\":{\"insertion\":{\"id\":\"" + second + "\"}}}]").join();
        var readers = new DelegatingSecurityContextExecutorService(pool);
        long computedBefore = readings.computed();
        long askedBefore = readings.asked(documentId);

        // the engine's thread held, so that the first reading waits in the engine after reading the log
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = engine.call("test", ns -> {
            try {
                return release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        CompletableFuture<SuggestionReadings.Reading> early = CompletableFuture.supplyAsync(
                () -> readings.read(documentId), readers);
        await(() -> readings.runningAt(documentId) > seqFirst);
        long seqEarly = readings.runningAt(documentId);

        // a change while that reading runs (made without the engine, which is held), then three pages ask
        push(editor, secondUpdate);
        List<CompletableFuture<SuggestionReadings.Reading>> late = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            late.add(CompletableFuture.supplyAsync(() -> readings.read(documentId), readers));
        }
        await(() -> readings.asked(documentId) == askedBefore + 4);
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);

        assertThat(early.get(30, TimeUnit.SECONDS).seq()).isEqualTo(seqEarly);
        assertThat(early.get().suggestions()).extracting(SuggestionReadings.Suggestion::id).containsExactly(first);
        SuggestionReadings.Reading shared = late.getFirst().get(30, TimeUnit.SECONDS);
        assertThat(shared.seq()).as("after the change they asked after").isGreaterThan(seqEarly);
        assertThat(shared.suggestions()).extracting(SuggestionReadings.Suggestion::id).containsExactly(second, first);
        for (var f : late) {
            assertThat(f.get(30, TimeUnit.SECONDS)).as("the one reading, shared").isSameAs(shared);
        }
        assertThat(readings.computed()).as("one reading running, one for the three who asked meanwhile")
                .isEqualTo(computedBefore + 2);
        assertThat(readings.read(documentId)).as("the same state again: no new reading").isSameAs(shared);
        assertThat(readings.computed()).isEqualTo(computedBefore + 2);
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
