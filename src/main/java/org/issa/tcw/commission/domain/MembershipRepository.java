package org.issa.tcw.commission.domain;

import java.util.Collection;
import java.util.List;
import org.issa.tcw.commission.CommissionRole;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

    /** The person's active memberships, with their commissions, in one statement. */
    @Query("select m from Membership m join fetch m.commission where m.personId = :personId and m.status = org.issa.tcw.commission.domain.MembershipStatus.ACTIVE")
    List<Membership> activeOfPerson(long personId);

    @Query("""
            select m.role from Membership m
            where m.personId = :personId and m.commission.id = :commissionId and m.status = org.issa.tcw.commission.domain.MembershipStatus.ACTIVE
            """)
    List<CommissionRole> activeRoles(long personId, long commissionId);

    /** The number of active members of each of the given commissions (that has any). */
    @Query("""
            select new org.issa.tcw.commission.domain.CommissionCount(m.commission.id, count(m)) from Membership m
            where m.commission.id in :commissionIds and m.status = org.issa.tcw.commission.domain.MembershipStatus.ACTIVE
            group by m.commission.id
            """)
    List<CommissionCount> countActive(Collection<Long> commissionIds);

    /** The active chairs of the given commissions. */
    @Query("""
            select new org.issa.tcw.commission.domain.CommissionPerson(m.commission.id, m.personId) from Membership m
            where m.commission.id in :commissionIds and m.status = org.issa.tcw.commission.domain.MembershipStatus.ACTIVE and m.role = org.issa.tcw.commission.CommissionRole.CHAIR
            """)
    List<CommissionPerson> chairs(Collection<Long> commissionIds);

    @Query("""
            select m from Membership m
            where m.commission.id = :commissionId and m.status in (org.issa.tcw.commission.domain.MembershipStatus.ACTIVE, org.issa.tcw.commission.domain.MembershipStatus.PROPOSED)
            order by m.role, m.startDate
            """)
    List<Membership> openOfCommission(long commissionId);

    @Query("""
            select m from Membership m
            where m.commission.id = :commissionId
            order by m.status, m.role, m.startDate
            """)
    List<Membership> allOfCommission(long commissionId);

    @Query("""
            select count(m) > 0 from Membership m
            where m.commission.id = :commissionId and m.personId = :personId and m.status in (org.issa.tcw.commission.domain.MembershipStatus.ACTIVE, org.issa.tcw.commission.domain.MembershipStatus.PROPOSED)
            """)
    boolean hasOpen(long commissionId, long personId);

    @Query("""
            select m.personId from Membership m
            where m.commission.id = :commissionId and m.role = org.issa.tcw.commission.CommissionRole.CHAIR and m.status = org.issa.tcw.commission.domain.MembershipStatus.ACTIVE and m.id <> :exceptId
            """)
    List<Long> otherActiveChairs(long commissionId, long exceptId);

    long countByCommissionId(long commissionId);

    long countByPersonId(long personId);
}
