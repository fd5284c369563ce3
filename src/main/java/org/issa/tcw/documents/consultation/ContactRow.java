package org.issa.tcw.documents.consultation;

/** A contact person of a member institution for consultations, as the secretariat's screen lists it. */
public record ContactRow(long institutionId, String institution, long personId, String name, String email,
        boolean active) {
}
