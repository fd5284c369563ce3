package org.issa.tcw.programme;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentStageChanged;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneCompleted;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Milestones that follow their deliverable (X1, docs/adr/061): when a document is approved or
 * published, its open milestones that complete on that stage (or on approval, when the document
 * is published) are completed with the step's date (UTC), marked as completed by the document.
 * Runs once, on the node that took the step, after its transaction committed, in a transaction of
 * its own: no scheduled job, so nothing runs twice with several nodes. A person may still reopen
 * or complete the milestone by hand; that override is kept in the project's history.
 */
@Component
class DocumentMilestones {

    private static final Logger logger = LoggerFactory.getLogger(DocumentMilestones.class);

    private final MilestoneRepository milestones;
    private final ApplicationEventPublisher publisher;

    DocumentMilestones(MilestoneRepository milestones, ApplicationEventPublisher publisher) {
        this.milestones = milestones;
        this.publisher = publisher;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(DocumentStageChanged changed) {
        if (changed.to() != DocumentStage.APPROVED && changed.to() != DocumentStage.PUBLISHED) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(changed.at(), ZoneOffset.UTC);
        for (Milestone m : milestones.openForDocument(changed.documentId())) {
            boolean due = m.getCompletesOn() == changed.to()
                    || changed.to() == DocumentStage.PUBLISHED && m.getCompletesOn() == DocumentStage.APPROVED;
            if (due && m.completeByDocument(day)) {
                logger.info("Milestone {} completed: its document {} is {}", m.getId(), changed.documentId(),
                        changed.to());
                publisher.publishEvent(new MilestoneCompleted(m.getId(), m.getProject().getId(),
                        m.getProject().getCommissionId(), m.getTitle(), day));
            }
        }
        milestones.flush();
    }
}
