package org.issa.tcw.documents.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which documents have a consultation past its deadline that nobody has ended: the document is
 * still in consultation and the deadline of its latest round has passed. Answered by the
 * consultation feature (it owns the deadlines); the programme asks it to mark the milestones of
 * those documents "at risk" (docs/adr/065). A system question: it is asked by listeners and the
 * daily job, without a signed-in person, and answers document ids only.
 */
public interface ConsultationDeadlines {

    /**
     * @param documentIds the documents to look at, or {@code null} for every document
     * @return those of them whose consultation is past its deadline at {@code now}
     */
    Set<Long> pastDeadline(Instant now, @Nullable Collection<Long> documentIds);
}
