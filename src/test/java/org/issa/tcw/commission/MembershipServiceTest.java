package org.issa.tcw.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.issa.tcw.base.ConcurrentEditException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@SpringTest
class MembershipServiceTest {

    @Autowired
    MembershipService memberships;
    @Autowired
    CommissionService commissions;
    @Autowired
    PersonService people;
    @Autowired
    SignIn signIn;

    long ict;
    long newcomer;

    @BeforeEach
    void newPerson() {
        signIn.as("secretariat");
        ict = commissions.details("ICT").orElseThrow().id();
        PersonForm form = new PersonForm();
        String unique = "m" + System.nanoTime();
        form.setUsername(unique);
        form.setEmail(unique + "@example.org");
        form.setLastName("Newcomer");
        newcomer = people.save(form);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private MemberRow row(long membershipId) {
        signIn.as("secretariat");
        return memberships.ofCommission(ict).stream().filter(m -> m.membershipId() == membershipId).findFirst()
                .orElseThrow();
    }

    @Test
    void the_commissions_grid_shows_the_chair_and_counts_active_members() {
        java.util.function.Supplier<CommissionSummary> ictRow = () -> commissions
                .page("", false, org.springframework.data.domain.PageRequest.of(0, 100)).stream()
                .filter(c -> c.id() == ict).findFirst().orElseThrow();
        long before = ictRow.get().memberCount();
        String chair = memberships.ofCommission(ict).stream()
                .filter(m -> m.role() == CommissionRole.CHAIR && m.status().equals("ACTIVE")).findFirst()
                .orElseThrow().displayName();
        memberships.add(ict, newcomer, CommissionRole.MEMBER, LocalDate.of(2026, 3, 1));
        CommissionSummary after = ictRow.get();
        assertThat(after.memberCount()).isEqualTo(before + 1);
        assertThat(after.chairName()).isEqualTo(chair);
    }

    @Test
    void secretariat_adds_an_active_member_who_then_sees_the_commission() {
        long id = memberships.add(ict, newcomer, CommissionRole.MEMBER, LocalDate.of(2026, 3, 1));
        assertThat(row(id).status()).isEqualTo("ACTIVE");
    }

    @Test
    void chair_only_proposes_and_the_secretariat_confirms() {
        signIn.as("chair-ict");
        long id = memberships.add(ict, newcomer, CommissionRole.MEMBER, LocalDate.of(2026, 3, 1));
        MemberRow proposed = row(id);
        assertThat(proposed.status()).isEqualTo("PROPOSED");

        signIn.as("chair-ict");
        assertThatThrownBy(() -> memberships.confirm(id, proposed.version())).isInstanceOf(AccessDeniedException.class);

        signIn.as("secretariat");
        memberships.confirm(id, proposed.version());
        assertThat(row(id).status()).isEqualTo("ACTIVE");
    }

    @Test
    void member_cannot_propose_anyone() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> memberships.add(ict, newcomer, CommissionRole.MEMBER, LocalDate.of(2026, 3, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_commission_has_one_chair_at_a_time() {
        assertThatThrownBy(() -> memberships.add(ict, newcomer, CommissionRole.CHAIR, LocalDate.of(2026, 3, 1)))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("membership.chair-taken");
    }

    @Test
    void the_same_person_cannot_be_added_twice() {
        memberships.add(ict, newcomer, CommissionRole.MEMBER, LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> memberships.add(ict, newcomer, CommissionRole.OBSERVER, LocalDate.of(2026, 3, 1)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("membership.duplicate");
    }

    @Test
    void ending_a_membership_keeps_it_as_history_and_a_stale_edit_is_refused() {
        long id = memberships.add(ict, newcomer, CommissionRole.MEMBER, LocalDate.of(2026, 3, 1));
        MemberRow before = row(id);
        memberships.changeRole(id, before.version(), CommissionRole.OBSERVER);
        assertThatThrownBy(() -> memberships.end(id, before.version())).isInstanceOf(ConcurrentEditException.class);
        MemberRow current = row(id);
        assertThat(current.role()).isEqualTo(CommissionRole.OBSERVER);
        memberships.end(id, current.version());
        assertThat(row(id).status()).isEqualTo("ENDED");
        assertThat(row(id).endDate()).isNotNull();
    }

    @Test
    void a_person_with_memberships_cannot_be_deleted() {
        memberships.add(ict, newcomer, CommissionRole.MEMBER, LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> people.delete(newcomer)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("person.delete.in-use");
    }
}
