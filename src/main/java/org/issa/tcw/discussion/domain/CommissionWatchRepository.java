package org.issa.tcw.discussion.domain;

import java.util.Collection;
import java.util.List;
import org.issa.tcw.discussion.WatchLevel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CommissionWatchRepository extends JpaRepository<CommissionWatch, CommissionWatch.Key> {

    @Query("select w.personId from CommissionWatch w where w.commissionId = :commissionId and w.level = :level")
    List<Long> personsAt(long commissionId, WatchLevel level);

    /** The person's own levels for those of the commissions they chose one for. */
    List<CommissionWatch> findByPersonIdAndCommissionIdIn(long personId, Collection<Long> commissionIds);
}
