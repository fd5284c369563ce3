package org.issa.tcw.documents;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.base.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may the signed-in person do X on document D?": their role in the
 * document's commission ({@link CommissionAccess}) or a grant on the document itself
 * ({@link DocumentGrants}, e.g. a consultation round they take part in).
 */
@Component("documentAccess")
public class DocumentAccess {

    private final CommissionAccess access;
    private final ObjectProvider<DocumentGrants> grants;

    DocumentAccess(CommissionAccess access, ObjectProvider<DocumentGrants> grants) {
        this.access = access;
        this.grants = grants;
    }

    /** Whether the signed-in person may do {@code action} on the document (of that commission). */
    public boolean may(CommissionAction action, long documentId, long commissionId) {
        try {
            return check(action, documentId, commissionId);
        } catch (UserFacingException ended) {
            return false;
        }
    }

    /**
     * Refuses unless the signed-in person may do {@code action} on the document.
     *
     * @throws UserFacingException   when a grant that ended says why (e.g. a consultation closed)
     * @throws AccessDeniedException ({@code refusalKey}) otherwise
     */
    public void require(CommissionAction action, long documentId, long commissionId, String refusalKey) {
        if (!check(action, documentId, commissionId)) {
            throw new AccessDeniedException(refusalKey);
        }
    }

    private boolean check(CommissionAction action, long documentId, long commissionId) {
        if (access.may(action, commissionId)) {
            return true;
        }
        for (DocumentGrants g : grants()) {
            if (g.grants(documentId, action)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a grant makes the signed-in person suggest-only in the document. */
    public boolean suggestOnlyByGrant(long documentId, long commissionId) {
        for (DocumentGrants g : grants()) {
            if (g.suggestOnly(documentId, commissionId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The authors whose comments the signed-in person may see, or null for all: all for anyone who
     * reads the document through their commission role.
     */
    public @Nullable Set<Long> visibleAuthors(long documentId, long commissionId) {
        if (access.may(CommissionAction.READ, commissionId)) {
            return null;
        }
        Set<Long> visible = null;
        for (DocumentGrants g : grants()) {
            Set<Long> some = g.visibleAuthors(documentId, commissionId);
            if (some == null) {
                return null;
            }
            if (visible == null) {
                visible = new HashSet<>();
            }
            visible.addAll(some);
        }
        return visible;
    }

    private List<DocumentGrants> grants() {
        return grants.orderedStream().toList();
    }
}
