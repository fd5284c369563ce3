package org.issa.tcw.documents.consultation;

import java.util.List;

/** Published in the transaction that opens a round; the notification feature tells the participants. */
public record ConsultationOpened(long roundId, long documentId, long commissionId, String documentTitle,
        String openedBy, List<Long> participantIds) {

    /** Where a participant is sent: the document, with the round's panel. */
    public String link() {
        return "documents/" + documentId;
    }
}
