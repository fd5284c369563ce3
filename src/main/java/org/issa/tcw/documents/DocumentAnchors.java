package org.issa.tcw.documents;

import java.util.Optional;
import java.util.Set;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.discussion.AnchorTargets;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Documents as anchors of discussion threads: a document belongs to its one commission. */
@Component
@Transactional(readOnly = true)
class DocumentAnchors implements AnchorTargets {

    private final DocumentRepository documents;
    private final CommissionAccess access;

    DocumentAnchors(DocumentRepository documents, CommissionAccess access) {
        this.documents = documents;
        this.access = access;
    }

    @Override
    public AnchorType type() {
        return AnchorType.DOCUMENT;
    }

    @Override
    public Optional<Target> find(long id) {
        return documents.listing(id)
                .filter(d -> access.may(CommissionAction.READ, d.commissionId()))
                .map(d -> new Target(d.title(), Set.of(d.commissionId()), false));
    }
}
