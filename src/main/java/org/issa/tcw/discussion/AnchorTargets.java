package org.issa.tcw.discussion;

import java.util.Optional;
import java.util.Set;

/**
 * Implemented by a feature that owns things a thread can be attached to (the documents feature for
 * documents, the programme feature for projects and events), so that the discussion feature can
 * check an anchor without reading other features' records. An implementation answers for the
 * signed-in person: a record that does not exist and one the person may not read look the same.
 */
public interface AnchorTargets {

    /** The kind of anchor this implementation answers for. */
    AnchorType type();

    /**
     * The record with this id as the signed-in person may see it, or empty when there is no such
     * record or the person may not read it.
     */
    Optional<Target> find(long id);

    /**
     * What an anchor points at: its current name (the thread's label is taken from here, never
     * from the client) and the commissions it belongs to.
     *
     * @param commissionIds the commissions it belongs to (owner and participants)
     * @param everyCommission true for records shared by all commissions (the triennium's events)
     */
    record Target(String label, Set<Long> commissionIds, boolean everyCommission) {

        public Target {
            commissionIds = Set.copyOf(commissionIds);
        }

        boolean belongsTo(long commissionId) {
            return everyCommission || commissionIds.contains(commissionId);
        }
    }
}
