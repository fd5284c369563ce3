package org.issa.tcw.programme.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

    List<StatusChange> findByProjectIdOrderByChangedAtDescIdDesc(long projectId);
}
