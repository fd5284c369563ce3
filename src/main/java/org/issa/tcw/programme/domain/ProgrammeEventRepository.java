package org.issa.tcw.programme.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgrammeEventRepository extends JpaRepository<ProgrammeEvent, Long> {

    List<ProgrammeEvent> findByTrienniumIdOrderByEventDateAsc(long trienniumId);

    long countByTrienniumId(long trienniumId);
}
