package org.issa.tcw.people.domain;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

    @Query("select p from Person p left join fetch p.institution where p.username = :username")
    Optional<Person> findByUsernameWithInstitution(String username);

    @Query("select p from Person p left join fetch p.institution where p.externalSubject = :subject")
    Optional<Person> findBySubjectWithInstitution(String subject);

    @Query("select p from Person p left join fetch p.institution where lower(p.email) = lower(:email)")
    Optional<Person> findByEmailWithInstitution(String email);

    @Query(value = """
            select p from Person p left join fetch p.institution i
            where :filter = '' or lower(p.lastName) like concat('%', :filter, '%')
               or lower(coalesce(p.firstName, '')) like concat('%', :filter, '%')
               or lower(p.email) like concat('%', :filter, '%')
               or lower(p.username) like concat('%', :filter, '%')
               or lower(coalesce(i.name, '')) like concat('%', :filter, '%')
            """, countQuery = """
            select count(p) from Person p left join p.institution i
            where :filter = '' or lower(p.lastName) like concat('%', :filter, '%')
               or lower(coalesce(p.firstName, '')) like concat('%', :filter, '%')
               or lower(p.email) like concat('%', :filter, '%')
               or lower(p.username) like concat('%', :filter, '%')
               or lower(coalesce(i.name, '')) like concat('%', :filter, '%')
            """)
    Page<Person> search(String filter, Pageable pageable);

    @Query("""
            select count(p) from Person p left join p.institution i
            where :filter = '' or lower(p.lastName) like concat('%', :filter, '%')
               or lower(coalesce(p.firstName, '')) like concat('%', :filter, '%')
               or lower(p.email) like concat('%', :filter, '%')
               or lower(p.username) like concat('%', :filter, '%')
               or lower(coalesce(i.name, '')) like concat('%', :filter, '%')
            """)
    long countSearch(String filter);

    @Query("select count(p) > 0 from Person p where lower(p.username) = lower(:username) and p.id <> :exceptId")
    boolean usernameTaken(String username, long exceptId);

    @Query("select count(p) > 0 from Person p where lower(p.email) = lower(:email) and p.id <> :exceptId")
    boolean emailTaken(String email, long exceptId);

    long countByInstitutionId(long institutionId);

    @Query("select p from Person p left join fetch p.institution where p.id in :ids")
    java.util.List<Person> findAllWithInstitution(java.util.Collection<Long> ids);

    /** Active people holding a global role: id, username, first name, last name, role (a row per role). */
    @Query("""
            select p.id, p.username, p.firstName, p.lastName, r from Person p join p.globalRoles r
            where p.active = true order by p.lastName, p.firstName, p.id
            """)
    java.util.List<Object[]> activeStaff();

    /** A preference, not an edit: does not bump the version, so it never conflicts with an admin's edit. */
    @Modifying
    @Query("update Person p set p.preferredLocale = :languageTag where p.id = :id")
    int updatePreferredLocale(long id, String languageTag);
}
