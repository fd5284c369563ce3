package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The relay: ordering, de-duplication, atomic join, compaction, permissions on every call, limits. */
@SpringTest
class DocumentCollaborationTest {

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
    CollaborationLimits limits;
    @Autowired
    SignIn signIn;
    @Autowired
    RateLimiter rateLimiter;

    long documentId;
    @Autowired
    RelayRooms rooms;
    RelayRooms.Room room;

    @BeforeEach
    void newDocument() {
        room = rooms.create("Relay test");
        documentId = room.documentId();
    }

    @AfterEach
    void closeEditors() {
        room.close();
    }

    RecordingEditor open(String user) {
        return room.open(user);
    }

    /** A real Yjs update typing text at the end of the stored document. */
    String typed(String text) {
        return Base64.getEncoder().encodeToString(engine.typeText(log.content(documentId).updates(), text, false).join());
    }

    String xml() {
        return engine.render(log.content(documentId).updates()).join().xml();
    }

    @Test
    void updates_are_acknowledged_in_sequence_and_delivered_to_the_other_editors_in_order() {
        RecordingEditor chair = open("chair-ict");
        RecordingEditor member = open("member-ict");
        signIn.as("chair-ict");
        List<Long> acks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acks.add(relay.push(documentId, chair, "c-" + i, typed("a" + i + " "), null, 1).seq());
        }
        assertThat(acks).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(member.seqs()).containsExactlyElementsOf(acks);
        assertThat(chair.seqs()).as("an editor does not get its own updates back").isEmpty();
        assertThat(engine.render(log.content(documentId).updates()).join().text()).contains("a0 a1 a2", "a19");
    }

    @Test
    void a_resent_update_is_stored_once_and_answered_with_its_first_sequence_number() {
        RecordingEditor chair = open("chair-ict");
        RecordingEditor member = open("member-ict");
        signIn.as("chair-ict");
        String update = typed("only once");
        long first = relay.push(documentId, chair, "same-id", update, null, 1).seq();
        long again = relay.push(documentId, chair, "same-id", update, null, 1).seq();
        assertThat(again).isEqualTo(first);
        assertThat(member.seqs()).containsExactly(first);
        assertThat(log.content(documentId).tail()).hasSize(1);
    }

    @Test
    void a_resend_is_recognised_even_after_compaction_removed_the_update() {
        RecordingEditor chair = open("chair-ict");
        signIn.as("chair-ict");
        String update = typed("compacted away");
        long first = relay.push(documentId, chair, "before-compaction", update, null, 1).seq();
        assertThat(maintenance.compactNow(documentId)).isTrue();
        assertThat(relay.push(documentId, chair, "before-compaction", update, null, 1).seq()).isEqualTo(first);
        assertThat(log.content(documentId).tail()).isEmpty();
    }

    @Test
    void a_joiner_gets_state_and_tail_atomically_while_others_write() throws Exception {
        RecordingEditor writer = open("chair-ict");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> prepared = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                prepared.add(Base64.getEncoder().encodeToString(
                        engine.typeText(List.of(), "w" + i + " ", true).join()));
            }
            Future<?> writing = pool.submit(() -> {
                signIn.as("chair-ict");
                for (int i = 0; i < prepared.size() && !stop.get(); i++) {
                    relay.push(documentId, writer, "w-" + i, prepared.get(i), null, 1);
                }
                return null;
            });
            Future<List<String>> joining = pool.submit(() -> {
                signIn.as("member-ict");
                List<String> problems = new ArrayList<>();
                while (!writing.isDone()) {
                    RecordingEditor joiner = new RecordingEditor();
                    JoinResult joined = relay.join(documentId, joiner);
                    Thread.sleep(5);
                    relay.leave(documentId, joiner);
                    List<Long> got = joiner.seqs();
                    for (int i = 0; i < got.size(); i++) {
                        if (got.get(i) != joined.seq() + 1 + i) {
                            problems.add("joined at " + joined.seq() + " then got " + got);
                            break;
                        }
                    }
                }
                return problems;
            });
            writing.get();
            assertThat(joining.get()).isEmpty();
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        signIn.as("member-ict");
        RecordingEditor late = new RecordingEditor();
        JoinResult result = relay.join(documentId, late);
        relay.leave(documentId, late);
        assertThat(result.seq()).isEqualTo(60);
        assertThat(result.updates()).hasSize(61);
    }

    @Test
    void compaction_keeps_the_content_and_shrinks_the_log() {
        RecordingEditor chair = open("chair-ict");
        signIn.as("chair-ict");
        for (int i = 0; i < 40; i++) {
            relay.push(documentId, chair, "k-" + i, typed(i % 5 == 0 ? "\u00e9t\u00e9 " : "word" + i + " "), null, 1);
        }
        String before = xml();
        long logBytes = log.content(documentId).bytes();
        assertThat(maintenance.compactNow(documentId)).isTrue();
        DocumentLog.Content after = log.content(documentId);
        assertThat(after.tail()).isEmpty();
        assertThat(after.stateSeq()).isEqualTo(40);
        assertThat(after.state().length).isLessThan((int) logBytes);
        assertThat(xml()).isEqualTo(before);
        // a joiner now gets one state, reading the same
        signIn.as("member-ict");
        RecordingEditor joiner = new RecordingEditor();
        JoinResult joined = relay.join(documentId, joiner);
        relay.leave(documentId, joiner);
        assertThat(joined.updates()).hasSize(1);
        assertThat(joined.seq()).isEqualTo(40);
        // and the server derived text and sanitized HTML from it
        DocumentText text = documents.text(documentId);
        assertThat(text.text()).contains("word1 word2", "word39");
        assertThat(text.html()).startsWith("<p>");
        assertThat(text.seq()).isEqualTo(40);
        // an editor that missed updates before the compaction gets the whole state
        CatchUp catchUp = relay.since(documentId, 10);
        assertThat(catchUp.seq()).isEqualTo(40);
        assertThat(catchUp.updates()).hasSize(1);
    }

    @Test
    void updates_arriving_during_compaction_stay_in_the_log() {
        RecordingEditor chair = open("chair-ict");
        signIn.as("chair-ict");
        for (int i = 0; i < 10; i++) {
            relay.push(documentId, chair, "d-" + i, typed("x" + i + " "), null, 1);
        }
        var compaction = maintenance.compactSoon(documentId);
        for (int i = 10; i < 20; i++) {
            relay.push(documentId, chair, "d-" + i, typed("x" + i + " "), null, 1);
        }
        assertThat(compaction.join()).isTrue();
        String text = engine.render(log.content(documentId).updates()).join().text();
        for (int i = 0; i < 20; i++) {
            assertThat(text).contains("x" + i + " ");
        }
        assertThat(log.content(documentId).lastSeq()).isEqualTo(20);
    }

    @Test
    void an_observer_may_open_and_show_presence_but_not_change_the_document() {
        RecordingEditor chair = open("chair-ict");
        signIn.as("observer-ict");
        RecordingEditor observer = new RecordingEditor();
        JoinResult joined = relay.join(documentId, observer);
        room.track(observer);
        assertThat(joined.editable()).isFalse();
        String update = Base64.getEncoder().encodeToString(engine.typeText(List.of(), "tampered", true).join());
        assertThatThrownBy(() -> relay.push(documentId, observer, "t-1", update, null, 7))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(log.content(documentId).tail()).isEmpty();
        assertThat(chair.seqs()).isEmpty();
        relay.push(documentId, observer, null, null, "AQID", 7);
        assertThat(chair.presence).containsExactly("AQID");
    }

    @Test
    void a_member_of_another_commission_can_neither_open_nor_change_nor_follow_the_document() {
        signIn.as("member-fam");
        RecordingEditor outsider = new RecordingEditor();
        String update = Base64.getEncoder().encodeToString(engine.typeText(List.of(), "intruder", true).join());
        assertThatThrownBy(() -> relay.join(documentId, outsider)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> relay.push(documentId, outsider, "x", update, null, 9))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> relay.push(documentId, outsider, null, null, "AQID", 9))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> relay.since(documentId, 0)).isInstanceOf(AccessDeniedException.class);
        assertThat(log.content(documentId).tail()).isEmpty();
    }

    @Test
    void nobody_signed_in_is_refused() {
        signIn.out();
        assertThatThrownBy(() -> relay.join(documentId, new RecordingEditor()))
                .isInstanceOfAny(AccessDeniedException.class,
                        org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void an_update_over_the_size_limit_is_refused_and_not_stored() {
        RecordingEditor chair = open("chair-ict");
        signIn.as("chair-ict");
        String tooLarge = Base64.getEncoder().encodeToString(new byte[limits.maxUpdateBytes() + 1]);
        assertThatThrownBy(() -> relay.push(documentId, chair, "big", tooLarge, null, 1))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("document.limit.update-size");
        assertThat(log.content(documentId).tail()).isEmpty();
    }

    @Test
    void too_many_updates_too_fast_are_refused_with_a_delay_to_retry_after_and_nothing_is_stored() {
        RecordingEditor member = open("member-ict");
        signIn.as("member-ict");
        String update = typed("x");
        long before = log.content(documentId).lastSeq();
        RateLimitedException refused = null;
        for (int attempt = 0; attempt < 5 && refused == null; attempt++) {
            // use up the person's allowance (as a burst of keystrokes in other tabs would), then push
            int taken = 0;
            try {
                for (; taken < 10_000; taken++) {
                    rateLimiter.take("member-ict", 1);
                }
            } catch (RateLimitedException e) {
                // only the first drain starts from a full bucket: a push that got through because a
                // token was refilled meanwhile (a slow machine) leaves the next attempt an almost empty one
                if (attempt == 0) {
                    assertThat(taken).isGreaterThanOrEqualTo(limits.updatesBurst() - 1);
                }
            }
            try {
                relay.push(documentId, member, "r-" + attempt, update, null, 1);
            } catch (RateLimitedException e) {
                refused = e;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.retryAfterMillis()).isPositive();
        assertThat(refused.messageKey()).isEqualTo("document.limit.rate");
        assertThat(log.content(documentId).lastSeq()).isEqualTo(before);
    }

    @Test
    void the_rate_limit_refills_with_time() {
        var clock = new java.util.concurrent.atomic.AtomicLong(1_000_000);
        RateLimiter limiter = new RateLimiter(new CollaborationLimits(null, null, 10, 5, 1000L, null, null, null),
                new java.time.Clock() {
                    @Override
                    public java.time.ZoneId getZone() {
                        return java.time.ZoneOffset.UTC;
                    }

                    @Override
                    public java.time.Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public java.time.Instant instant() {
                        return java.time.Instant.ofEpochMilli(clock.get());
                    }
                }, org.issa.tcw.cluster.LiveDelivery.inProcess());
        for (int i = 0; i < 5; i++) {
            limiter.take("someone", 10);
        }
        assertThatThrownBy(() -> limiter.take("someone", 10)).isInstanceOf(RateLimitedException.class)
                .extracting(e -> ((RateLimitedException) e).retryAfterMillis()).isIn(100L, 101L);
        limiter.take("someone else", 10);
        clock.addAndGet(150);
        limiter.take("someone", 10);
    }

    @Test
    void leaving_works_without_anybody_signed_in_as_when_a_session_expires() {
        RecordingEditor chair = open("chair-ict");
        RecordingEditor member = open("member-ict");
        relay.push(documentId, member, null, null, "AQID", 77);
        signIn.out();
        relay.leave(documentId, member);
        assertThat(chair.left).containsExactly(77L);
    }

    @Test
    void an_editor_the_node_forgot_is_told_to_join_again() {
        RecordingEditor chair = open("chair-ict");
        signIn.as("admin");
        relay.forgetEditors();
        signIn.as("chair-ict");
        PushResult result = relay.push(documentId, chair, "after-restart", typed("still stored"), null, 1);
        assertThat(result.rejoin()).isTrue();
        assertThat(result.seq()).isEqualTo(1);
        signIn.as("member-ict");
        assertThatThrownBy(relay::forgetEditors).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void editors_in_one_document_get_different_colours_and_leaving_is_announced() {
        RecordingEditor chair = open("chair-ict");
        signIn.as("member-ict");
        RecordingEditor member = new RecordingEditor();
        JoinResult memberJoin = relay.join(documentId, member);
        signIn.as("observer-ict");
        RecordingEditor observer = new RecordingEditor();
        JoinResult observerJoin = relay.join(documentId, observer);
        room.track(observer);
        signIn.as("chair-ict");
        JoinResult chairAgain = relay.join(documentId, chair);
        assertThat(List.of(chairAgain.color(), memberJoin.color(), observerJoin.color())).doesNotHaveDuplicates();
        signIn.as("member-ict");
        relay.push(documentId, member, null, null, "AQID", 42);
        relay.leave(documentId, member);
        assertThat(chair.left).containsExactly(42L);
        assertThat(observer.left).containsExactly(42L);
    }
}
