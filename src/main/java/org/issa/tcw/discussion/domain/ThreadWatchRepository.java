package org.issa.tcw.discussion.domain;

import java.util.List;
import org.issa.tcw.discussion.WatchLevel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ThreadWatchRepository extends JpaRepository<ThreadWatch, ThreadWatch.Key> {

    @Query("select w.personId from ThreadWatch w where w.threadId = :threadId and w.level = :level")
    List<Long> personsAt(long threadId, WatchLevel level);

    @Query("select w.personId from ThreadWatch w where w.threadId = :threadId")
    List<Long> personsWithOwnLevel(long threadId);
}
