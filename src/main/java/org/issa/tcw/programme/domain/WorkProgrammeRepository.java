package org.issa.tcw.programme.domain;

import java.util.List;
import java.util.Optional;
import org.issa.tcw.programme.ProgrammeStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkProgrammeRepository extends JpaRepository<WorkProgramme, Long> {

    Optional<WorkProgramme> findByCommissionIdAndTrienniumId(long commissionId, long trienniumId);

    List<WorkProgramme> findByTrienniumId(long trienniumId);

    List<WorkProgramme> findByStatusOrderBySubmittedAtAsc(ProgrammeStatus status);

    long countByCommissionId(long commissionId);
}
