package org.issa.tcw.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refusals of the commission services' inner checks: memberships are changed only by who manages
 * them, members are seen only in readable commissions. The
 * methods they guard are listed in InnerCheckGuards (checked against the code by InnerChecksTest).
 */
@SpringTest
class CommissionInnerChecksTest {

    @Autowired
    SignIn signIn;
    @Autowired
    CommissionService commissions;
    @Autowired
    MembershipService memberships;
    @Autowired
    PersonService people;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void only_who_manages_memberships_changes_ends_or_declines_one() {
        signIn.as("secretariat");
        long ict = commissions.details("ICT").orElseThrow().id();
        PersonForm form = new PersonForm();
        String unique = "g" + System.nanoTime();
        form.setUsername(unique);
        form.setEmail(unique + "@example.org");
        form.setLastName("Guarded");
        long person = people.save(form);
        long id = memberships.add(ict, person, CommissionRole.MEMBER, LocalDate.of(2026, 1, 1));
        MemberRow before = row(ict, id);

        for (String user : List.of("member-ict", "observer-ict", "member-fam")) {
            signIn.as(user);
            assertThatThrownBy(() -> memberships.changeRole(id, before.version(), CommissionRole.OBSERVER)).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> memberships.end(id, before.version())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> memberships.decline(id, before.version())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        MemberRow after = row(ict, id);
        assertThat(after.role()).isEqualTo(CommissionRole.MEMBER);
        assertThat(after.endDate()).isNull();
        assertThat(after.version()).isEqualTo(before.version());
    }

    private MemberRow row(long commissionId, long membershipId) {
        signIn.as("secretariat");
        return memberships.ofCommission(commissionId).stream().filter(m -> m.membershipId() == membershipId)
                .findFirst().orElseThrow();
    }

    @Test
    void one_sees_only_ones_own_commissions_and_members_of_readable_ones() {
        signIn.as("member-fam");
        assertThat(commissions.myCommissions()).extracting(MyCommission::code).contains("FAM").doesNotContain("ICT");
        CommissionDetails ict = commissions.details("ICT").orElseThrow();
        assertThat(ict.membersVisible()).isFalse();
        assertThat(ict.members()).isEmpty();

        signIn.as("member-ict");
        CommissionDetails own = commissions.details("ICT").orElseThrow();
        assertThat(own.membersVisible()).isTrue();
        assertThat(own.members()).isNotEmpty();
    }
}
