package org.issa.tcw.programme;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.issa.tcw.documents.consultation.ConsultationClosed;
import org.issa.tcw.documents.consultation.ConsultationExtended;
import org.issa.tcw.documents.workflow.ConsultationDeadlines;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentStageChanged;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Milestones "at risk" because their document's consultation is late (ADR 065): a milestone linked
 * to a document in consultation whose latest round's deadline has passed is marked; it is
 * un-marked when the deadline is extended or the chair ends the consultation (approve, back to
 * review or draft, withdraw). The mark is not an event but a copy of a fact the consultation
 * owns ({@link ConsultationDeadlines}): every update sets it to what that fact says now, so running
 * one twice, or on several nodes, gives the same result. Updated after the commit of a closing,
 * an extension or a step of the document, and for every document by the daily
 * {@link MilestoneWatch#check} (which repairs what a stop between a commit and its listener left).
 */
@Component
class ConsultationRisk {

    private static final Logger logger = LoggerFactory.getLogger(ConsultationRisk.class);

    private final MilestoneRepository milestones;
    private final ConsultationDeadlines deadlines;
    private final Clock clock;

    ConsultationRisk(MilestoneRepository milestones, ConsultationDeadlines deadlines, Clock clock) {
        this.milestones = milestones;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ConsultationClosed closed) {
        update(closed.documentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ConsultationExtended extended) {
        update(extended.documentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(DocumentStageChanged changed) {
        if (changed.from() == DocumentStage.CONSULTATION || changed.to() == DocumentStage.CONSULTATION) {
            update(changed.documentId());
        }
    }

    /** Sets the mark of the document's milestones to what its consultation says now. */
    void update(long documentId) {
        boolean late = deadlines.pastDeadline(clock.instant(), List.of(documentId)).contains(documentId);
        int changed = milestones.markConsultationLate(documentId, late);
        if (changed > 0) {
            logger.info("{} milestone(s) of document {} {} at risk: consultation past its deadline", changed,
                    documentId, late ? "marked" : "no longer");
        }
    }

    /** Sets the mark of every milestone to what the consultations say now; returns the documents changed. */
    int reconcile() {
        Set<Long> late = deadlines.pastDeadline(clock.instant(), null);
        Set<Long> documents = new HashSet<>(late);
        documents.addAll(milestones.documentsWithLateConsultation());
        int changed = 0;
        for (long documentId : documents) {
            if (milestones.markConsultationLate(documentId, late.contains(documentId)) > 0) {
                changed++;
            }
        }
        return changed;
    }
}
