package org.issa.tcw.programme.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PriorityRepository extends JpaRepository<Priority, Long> {

    List<Priority> findByTrienniumIdOrderBySortOrderAscIdAsc(long trienniumId);

    boolean existsByTrienniumIdAndTitleIgnoreCaseAndIdNot(long trienniumId, String title, long exceptId);

    long countByTrienniumId(long trienniumId);
}
