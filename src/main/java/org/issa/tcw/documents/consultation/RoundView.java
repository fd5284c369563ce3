package org.issa.tcw.documents.consultation;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A consultation round as its page shows it, for the signed-in reader.
 *
 * @param closesAt       the end of the deadline day (24:00 UTC); input after it is refused
 * @param participant    whether the reader takes part in it
 * @param mayManage      whether the reader may dispose of its comments (chair, vice-chair, secretariat)
 * @param mayContribute  whether the reader may comment and suggest in it now
 */
public record RoundView(long id, long documentId, String documentTitle, long commissionId, RoundState state,
        Audience audience, LocalDate deadline, Instant closesAt, String introduction, String questions,
        boolean othersVisible, Instant openedAt, @Nullable String openedBy, @Nullable Instant closedAt,
        int participants, boolean participant, boolean mayManage, boolean mayContribute) {
}
