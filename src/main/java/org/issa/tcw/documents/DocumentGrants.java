package org.issa.tcw.documents;

import java.util.Set;
import org.issa.tcw.commission.CommissionAction;
import org.jspecify.annotations.Nullable;

/**
 * Rights on one document that the signed-in person holds besides their role in its commission, e.g.
 * as a participant of an open consultation round (read, comment, suggest). Declared here and
 * implemented by the feature that grants them, so that the documents feature does not depend on it;
 * {@link DocumentAccess} asks every implementation.
 */
public interface DocumentGrants {

    /**
     * Whether the signed-in person holds {@code action} on the document through this grant.
     *
     * @throws org.issa.tcw.base.UserFacingException when the grant has ended and the person should
     *                                               be told why (e.g. a consultation's deadline passed)
     */
    boolean grants(long documentId, CommissionAction action);

    /** Whether the signed-in person changes the document only by suggesting because of this grant. */
    boolean suggestOnly(long documentId, long commissionId);

    /**
     * The authors whose comments the signed-in person may see when the grant limits that (e.g. only
     * their own institution's), or null when the grant does not limit what they see.
     */
    @Nullable Set<Long> visibleAuthors(long documentId, long commissionId);
}
