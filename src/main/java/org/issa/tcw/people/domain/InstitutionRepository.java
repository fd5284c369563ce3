package org.issa.tcw.people.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InstitutionRepository extends JpaRepository<Institution, Long> {

    @Query("""
            select i from Institution i
            where :filter = '' or lower(i.name) like concat('%', :filter, '%')
               or lower(coalesce(i.acronym, '')) like concat('%', :filter, '%')
               or lower(i.countryCode) = :filter
            """)
    Page<Institution> search(String filter, Pageable pageable);

    @Query("""
            select count(i) from Institution i
            where :filter = '' or lower(i.name) like concat('%', :filter, '%')
               or lower(coalesce(i.acronym, '')) like concat('%', :filter, '%')
               or lower(i.countryCode) = :filter
            """)
    long countSearch(String filter);

    /** Pairs of (institution id, e-mail domain) for a page of institutions, in one statement. */
    @Query("select i.id, d from Institution i join i.emailDomains d where i.id in :ids")
    List<Object[]> emailDomains(Collection<Long> ids);

    @Query("select count(i) > 0 from Institution i where lower(i.name) = lower(:name) and i.id <> :exceptId")
    boolean nameTaken(String name, long exceptId);

    @Query("select count(i) > 0 from Institution i where lower(i.idpAlias) = lower(:alias) and i.id <> :exceptId")
    boolean idpAliasTaken(String alias, long exceptId);

    @Query("select i.name from Institution i join i.emailDomains d where d = :domain and i.id <> :exceptId")
    List<String> holdersOfDomain(String domain, long exceptId);

    List<Institution> findAllByOrderByNameAsc();

    @Query("select i from Institution i where lower(i.idpAlias) = lower(:alias)")
    java.util.Optional<Institution> findByIdpAlias(String alias);

    @Query("select i from Institution i join i.emailDomains d where d = :domain")
    java.util.Optional<Institution> findByEmailDomain(String domain);

    @Query("select i from Institution i where i.idpAlias is not null order by i.name")
    List<Institution> findAllWithIdentityProvider();
}
