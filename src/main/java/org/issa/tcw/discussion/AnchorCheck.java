package org.issa.tcw.discussion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.issa.tcw.base.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * Checks an anchor a client asks for (new thread, moved thread): the project, document or event
 * must exist, belong to the thread's commission and be readable by the signed-in person. The
 * label is then taken from the record itself; whatever label the client sent is ignored. Every
 * refusal reads the same, so that it does not reveal what exists in another commission.
 */
@Component
class AnchorCheck {

    static final String REFUSED = "discussion.anchor.refused";

    private final Map<AnchorType, AnchorTargets> targets = new EnumMap<>(AnchorType.class);

    AnchorCheck(List<AnchorTargets> implementations) {
        for (AnchorTargets t : implementations) {
            if (targets.put(t.type(), t) != null) {
                throw new IllegalStateException("Two AnchorTargets for " + t.type());
            }
        }
    }

    /**
     * The anchor as it may be stored for a thread of {@code commissionId}.
     *
     * @throws UserFacingException ({@value #REFUSED}) if it does not exist, belongs to another
     *                             commission or may not be read by the signed-in person
     */
    Anchor resolve(Anchor requested, long commissionId) {
        AnchorTargets owner = targets.get(requested.type());
        AnchorTargets.Target target = owner == null ? null : owner.find(requested.id()).orElse(null);
        if (target == null || !target.belongsTo(commissionId)) {
            throw new UserFacingException(REFUSED);
        }
        return new Anchor(requested.type(), requested.id(), target.label());
    }
}
