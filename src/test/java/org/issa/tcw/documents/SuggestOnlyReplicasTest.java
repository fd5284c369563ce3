package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live replica of the suggest-only check: stored updates are queued to it without waiting, so
 * one that does not apply is only known to the engine, which drops the replica — the next check
 * must open it again from the log instead of failing.
 */
@SpringTest
class SuggestOnlyReplicasTest {

    static final long ANA = 7;

    @Autowired
    SuggestOnlyReplicas replicas;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentLog log;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    byte[] suggestion(long documentId, int at, String text) {
        return engine.edit(log.content(documentId).updates(), "[{\"op\":\"insert\",\"path\":[0],\"at\":" + at
                + ",\"text\":\"" + text + "\",\"attrs\":{\"insertion\":{\"id\":\"" + ANA + ":mf1x2y3z:" + at + "\"}}}]").join();
    }

    @Test
    void a_replica_the_engine_dropped_is_opened_again_from_the_log_at_the_next_check() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Replica test " + System.nanoTime());
        long documentId = documents.create("ICT", form);

        replicas.check(documentId, true, suggestion(documentId, 0, "First "), ANA);
        assertThat(replicas.isOpen(documentId)).isTrue();

        // a stored update that does not apply: queued, the engine drops the replica
        replicas.stored(documentId, new byte[] {9, 9, 9});
        byte[] next = suggestion(documentId, 0, "Second ");
        assertThatThrownBy(() -> engine.replicas().check(documentId, next, ANA).join())
                .as("the engine no longer holds the replica").isNotNull();

        replicas.check(documentId, true, next, ANA);
        assertThat(replicas.isOpen(documentId)).isTrue();
        replicas.drop(documentId);
    }
}
