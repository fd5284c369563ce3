package org.issa.tcw.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.commission.domain.Membership;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.OneRequest;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.issa.tcw.testsupport.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person's role in a commission is read once per HTTP request and once per message of the
 * editor's socket (ADR 118), not at every permission check, and never kept beyond it: a membership
 * given or ended by someone else is seen — allowed, then refused — from the next request or message
 * on; one changed within the request is seen at once.
 */
@SpringTest
class RolesPerRequestTest {

    private static final int CHECKS = 15;

    @Autowired
    CommissionAccess access;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    CommissionRepository commissions;
    @Autowired
    SignIn signIn;
    @Autowired
    StatementCounter counter;
    @Autowired
    @Qualifier("signedInPersonPerRequest")
    OncePerRequestFilter perRequest;

    final List<Long> added = new ArrayList<>();

    @AfterEach
    void tearDown() {
        signIn.out();
        memberships.deleteAllById(added);
    }

    /** One HTTP request through the application's filter, as Tomcat runs it. */
    private void inRequest(Runnable action) {
        OneRequest.run(perRequest, action);
    }

    /** One message of the editor's socket: the scope its handler gives each message. */
    private void inSocketMessage(Runnable action) {
        currentUser.asOneRequest(() -> {
            action.run();
            return null;
        });
    }

    private long ict() {
        return commissions.findByCode("ICT").orElseThrow().getId();
    }

    private void checks(long commission) {
        for (int i = 0; i < CHECKS; i++) {
            assertThat(access.may(CommissionAction.EDIT_DRAFT, commission)).isTrue();
        }
    }

    @Test
    void the_same_check_in_one_request_or_socket_message_reads_the_role_once() {
        long ict = ict();
        signIn.as("member-ict");
        currentUser.require();
        long one = counter.statements(() -> access.may(CommissionAction.EDIT_DRAFT, ict));
        assertThat(one).as("one check off a request (the person and the role)").isGreaterThanOrEqualTo(1);
        long lookUp = counter.statements(() -> inRequest(() -> currentUser.require()));

        assertThat(counter.statements(() -> checks(ict))).as("off a request: a reading per check")
                .isEqualTo(CHECKS * one);
        assertThat(counter.statements(() -> inRequest(() -> checks(ict)))).as("one request: the person and the role once")
                .isEqualTo(lookUp + 1);
        assertThat(counter.statements(() -> inSocketMessage(() -> checks(ict)))).as("one socket message: the same")
                .isEqualTo(lookUp + 1);
        assertThat(counter.statements(() -> {
            inRequest(() -> checks(ict));
            inRequest(() -> checks(ict));
        })).as("two requests: once each").isEqualTo(2 * (lookUp + 1));
    }

    /** Gives member-fam a membership in ICT from another request, checking before and after in {@code scope}. */
    private List<Boolean> givenThenEnded(Consumer<Runnable> scope) {
        long ict = ict();
        signIn.as("member-fam");
        long person = currentUser.personId().orElseThrow();
        List<Boolean> seen = new ArrayList<>();
        Runnable check = () -> {
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
        };
        scope.accept(check);
        // someone else (the secretariat, in a request of their own) adds the membership
        Membership m = memberships.saveAndFlush(Membership.active(commissions.findById(ict).orElseThrow(), person,
                CommissionRole.MEMBER, LocalDate.now().minusDays(1)));
        added.add(m.getId());
        scope.accept(check);
        memberships.deleteById(m.getId());
        memberships.flush();
        scope.accept(check);
        return seen;
    }

    @Test
    void a_membership_given_or_ended_elsewhere_is_seen_at_the_next_request() {
        assertThat(givenThenEnded(this::inRequest)).containsExactly(false, false, true, true, false, false);
    }

    @Test
    void a_membership_given_or_ended_elsewhere_is_seen_at_the_next_socket_message() {
        assertThat(givenThenEnded(this::inSocketMessage)).containsExactly(false, false, true, true, false, false);
    }

    @Test
    void a_membership_changed_within_the_request_is_seen_at_once() {
        long ict = ict();
        signIn.as("member-fam");
        long person = currentUser.personId().orElseThrow();
        List<Boolean> seen = new ArrayList<>();
        inRequest(() -> {
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
            Membership m = memberships.saveAndFlush(Membership.active(commissions.findById(ict).orElseThrow(), person,
                    CommissionRole.MEMBER, LocalDate.now().minusDays(1)));
            added.add(m.getId());
            // what MembershipService does after each change
            access.rolesChanged();
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
            memberships.deleteById(m.getId());
            memberships.flush();
            access.rolesChanged();
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
        });
        assertThat(seen).containsExactly(false, true, false);
    }

    @Test
    void another_person_in_the_same_request_has_their_own_roles() {
        long ict = ict();
        List<Boolean> seen = new ArrayList<>();
        inRequest(() -> {
            signIn.as("member-ict");
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
            signIn.as("member-fam");
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
            signIn.as("member-ict");
            seen.add(access.may(CommissionAction.EDIT_DRAFT, ict));
        });
        assertThat(seen).containsExactly(true, false, true);
    }
}
