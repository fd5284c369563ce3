package org.issa.tcw.documents.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.TwoNodes;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A document's stage is cached per node for a few seconds; a step taken on one node clears the
 * other node's cache at once by a hint ({@code cluster.CacheHints}, ADR 101), so the relay there
 * does not keep accepting edits at the old stage. Two application nodes on one PostgreSQL.
 */
class StageAcrossNodesTest {

    @Test
    void a_step_on_node_a_clears_the_stage_node_b_cached() {
        ConfigurableApplicationContext nodeA = TwoNodes.get().a();
        ConfigurableApplicationContext nodeB = TwoNodes.get().b();
        nodeA.getBean(SignIn.class).as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Stage across nodes " + System.nanoTime());
        long documentId = nodeA.getBean(DocumentService.class).create("ICT", form);

        nodeB.getBean(SignIn.class).as("chair-ict");
        long before = System.nanoTime(); // B's cache entry is read after this
        assertThat(nodeB.getBean(DocumentWorkflow.class).stageOf(documentId)).isEqualTo(DocumentStage.DRAFT);

        nodeA.getBean(SignIn.class).as("chair-ict");
        nodeA.getBean(DocumentWorkflow.class).take(documentId, WorkflowStep.SUBMIT_FOR_REVIEW, null);

        nodeB.getBean(SignIn.class).as("chair-ict");
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> nodeB.getBean(DocumentWorkflow.class).stageOf(documentId) == DocumentStage.INTERNAL_REVIEW);
        assertThat(System.nanoTime() - before).as("B saw the step before its cache entry expired: by the hint")
                .isLessThan(DocumentWorkflow.CACHE_NANOS);
    }
}
