package org.issa.tcw.programme.domain;

import java.util.List;
import java.util.Optional;
import org.issa.tcw.programme.TrienniumStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrienniumRepository extends JpaRepository<Triennium, Long> {

    List<Triennium> findAllByOrderByStartYearDesc();

    Optional<Triennium> findByStatus(TrienniumStatus status);

    boolean existsByStartYear(int startYear);
}
