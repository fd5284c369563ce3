package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionForm;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.MembershipService;
import org.issa.tcw.people.InstitutionForm;
import org.issa.tcw.people.InstitutionService;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.programme.TrienniumService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Every protected service operation of the walking skeleton × every role: allowed or denied, as
 * the permission table says. Allowed commands are called with input that fails validation, so the
 * test proves the security decision without changing any data (a refusal for bad input means the
 * call got past security).
 */
@SpringTest
class ServicePermissionTest {

    private static final List<String> ROLES = List.of("admin", "secretariat", "chair-ict", "member-ict",
            "observer-ict", "member-fam");

    @Autowired
    InstitutionService institutions;
    @Autowired
    PersonService people;
    @Autowired
    CommissionService commissions;
    @Autowired
    MembershipService memberships;
    @Autowired
    TrienniumService trienniums;
    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    interface Operation {
        void run(ServicePermissionTest t);
    }

    record Case(String name, Operation operation, boolean... allowedFor) {
    }

    static final List<Case> CASES = List.of(
            new Case("list institutions", t -> t.institutions.page("", PageRequest.of(0, 10)),
                    true, true, false, false, false, false),
            new Case("save institution", t -> t.institutions.save(new InstitutionForm()),
                    true, false, false, false, false, false),
            new Case("delete institution", t -> t.institutions.delete(-1),
                    true, false, false, false, false, false),
            new Case("list people", t -> t.people.page("", PageRequest.of(0, 10)),
                    true, true, false, false, false, false),
            new Case("save person", t -> t.people.save(new PersonForm()),
                    true, true, false, false, false, false),
            new Case("delete person", t -> t.people.delete(-1),
                    true, true, false, false, false, false),
            new Case("list commissions", t -> t.commissions.page("", false, PageRequest.of(0, 10)),
                    true, true, true, true, true, true),
            new Case("save commission", t -> t.commissions.save(new CommissionForm()),
                    true, true, false, false, false, false),
            new Case("delete commission", t -> t.commissions.delete(-1),
                    true, true, false, false, false, false),
            new Case("list ICT memberships", t -> t.memberships.ofCommission(t.ictId),
                    true, true, true, false, false, false),
            new Case("add or propose ICT membership",
                    t -> t.memberships.add(t.ictId, -1, CommissionRole.MEMBER, LocalDate.of(2026, 1, 1)),
                    true, true, true, false, false, false),
            new Case("plan triennium", t -> t.trienniums.plan(1900),
                    true, true, false, false, false, false));

    long ictId;

    @org.junit.jupiter.api.BeforeEach
    void findIct() {
        signIn.as("secretariat");
        ictId = commissions.details("ICT").orElseThrow().id();
        signIn.out();
    }

    static Stream<Arguments> cases() {
        return CASES.stream().flatMap(c -> java.util.stream.IntStream.range(0, ROLES.size())
                .mapToObj(i -> Arguments.of(c.name(), ROLES.get(i), c.allowedFor()[i], c.operation())));
    }

    @ParameterizedTest(name = "{0} as {1}: allowed={2}")
    @MethodSource("cases")
    void services_allow_and_deny_as_the_permission_table_says(String name, String role, boolean allowed,
            Operation operation) {
        signIn.as(role);
        if (allowed) {
            assertThatCode(() -> {
                try {
                    operation.run(this);
                } catch (UserFacingException refusedForBadInput) {
                    // got past security
                }
            }).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> operation.run(this)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest(name = "{0} signed out")
    @MethodSource("names")
    void nothing_is_allowed_signed_out(String name) {
        Operation operation = CASES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().operation();
        assertThatThrownBy(() -> operation.run(this)).isInstanceOfAny(AccessDeniedException.class,
                AuthenticationCredentialsNotFoundException.class);
    }

    static Stream<String> names() {
        return CASES.stream().map(Case::name);
    }
}
