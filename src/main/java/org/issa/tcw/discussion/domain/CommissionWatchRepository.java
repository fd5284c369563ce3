package org.issa.tcw.discussion.domain;

import java.util.List;
import org.issa.tcw.discussion.WatchLevel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CommissionWatchRepository extends JpaRepository<CommissionWatch, CommissionWatch.Key> {

    @Query("select w.personId from CommissionWatch w where w.commissionId = :commissionId and w.level = :level")
    List<Long> personsAt(long commissionId, WatchLevel level);
}
