package org.issa.tcw.commission.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CommissionRepository extends JpaRepository<Commission, Long> {

    Optional<Commission> findByCode(String code);

    @Query("""
            select c from Commission c
            where (:includeRetired = true or c.active = true)
              and (:filter = '' or lower(c.code) like concat('%', :filter, '%')
                   or lower(c.name) like concat('%', :filter, '%'))
            """)
    Page<Commission> search(String filter, boolean includeRetired, Pageable pageable);

    @Query("""
            select count(c) from Commission c
            where (:includeRetired = true or c.active = true)
              and (:filter = '' or lower(c.code) like concat('%', :filter, '%')
                   or lower(c.name) like concat('%', :filter, '%'))
            """)
    long countSearch(String filter, boolean includeRetired);

    List<Commission> findByActiveTrueOrderByCodeAsc();

    @Query("select count(c) > 0 from Commission c where lower(c.code) = lower(:code) and c.id <> :exceptId")
    boolean codeTaken(String code, long exceptId);

    @Query("select count(c) > 0 from Commission c where lower(c.name) = lower(:name) and c.id <> :exceptId")
    boolean nameTaken(String name, long exceptId);
}
