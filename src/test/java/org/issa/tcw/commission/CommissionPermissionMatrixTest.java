package org.issa.tcw.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The permission table (docs/permissions.md), role by role and action by action, for commission ICT.
 * Later features extend {@link CommissionAction} and this table together.
 */
@SpringTest
class CommissionPermissionMatrixTest {

    private static final List<String> ROLES = List.of("admin", "secretariat", "chair-ict", "member-ict",
            "observer-ict", "member-fam");

    /** action -> allowed for admin, secretariat, chair, member, observer, other signed-in (member of FAM). */
    private static final Map<CommissionAction, boolean[]> TABLE = Map.ofEntries(
            Map.entry(CommissionAction.READ, new boolean[] {true, true, true, true, true, false}),
            Map.entry(CommissionAction.MANAGE_MEMBERSHIPS, new boolean[] {true, true, false, false, false, false}),
            Map.entry(CommissionAction.PROPOSE_MEMBERSHIP, new boolean[] {false, false, true, false, false, false}),
            Map.entry(CommissionAction.EDIT_PROGRAMME, new boolean[] {false, true, true, false, false, false}),
            Map.entry(CommissionAction.EDIT_OWN_PROJECTS, new boolean[] {false, true, true, true, false, false}),
            Map.entry(CommissionAction.SUBMIT_PROGRAMME, new boolean[] {false, false, true, false, false, false}),
            Map.entry(CommissionAction.APPROVE_PROGRAMME, new boolean[] {false, true, false, false, false, false}),
            Map.entry(CommissionAction.EDIT_DRAFT, new boolean[] {false, true, true, true, false, false}),
            Map.entry(CommissionAction.COMMENT_DRAFT, new boolean[] {false, true, true, true, true, false}),
            Map.entry(CommissionAction.REVIEW_DRAFT, new boolean[] {false, true, true, false, false, false}),
            Map.entry(CommissionAction.RESTORE_VERSION, new boolean[] {false, true, true, false, false, false}),
            Map.entry(CommissionAction.SUBMIT_DOCUMENT, new boolean[] {false, false, true, false, false, false}),
            Map.entry(CommissionAction.RETURN_DOCUMENT, new boolean[] {false, true, true, false, false, false}),
            Map.entry(CommissionAction.WITHDRAW_DOCUMENT, new boolean[] {false, true, true, false, false, false}),
            Map.entry(CommissionAction.REVISE_DOCUMENT, new boolean[] {false, true, true, false, false, false}),
            Map.entry(CommissionAction.TRANSLATE_DOCUMENT, new boolean[] {false, true, true, true, false, false}),
            Map.entry(CommissionAction.APPROVE_DOCUMENT, new boolean[] {false, false, true, false, false, false}),
            Map.entry(CommissionAction.PUBLISH_DOCUMENT, new boolean[] {false, true, false, false, false, false}),
            Map.entry(CommissionAction.POST, new boolean[] {false, true, true, true, true, false}),
            Map.entry(CommissionAction.MODERATE, new boolean[] {false, true, true, false, false, false}));

    @Autowired
    CommissionAccess access;

    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    static Stream<Arguments> table() {
        return TABLE.entrySet().stream().flatMap(e -> {
            boolean[] allowed = e.getValue();
            return java.util.stream.IntStream.range(0, ROLES.size())
                    .mapToObj(i -> Arguments.of(ROLES.get(i), e.getKey(), allowed[i]));
        });
    }

    @ParameterizedTest(name = "{0} {1} in ICT: {2}")
    @MethodSource("table")
    void the_permission_table_holds_for_every_role_and_action(String user, CommissionAction action, boolean allowed) {
        signIn.as(user);
        assertThat(access.may(action, "ICT")).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void nobody_signed_out_may_do_anything(CommissionAction action) {
        assertThat(access.may(action, "ICT")).isFalse();
    }

    static Stream<CommissionAction> actions() {
        return Stream.of(CommissionAction.values());
    }

    @org.junit.jupiter.api.Test
    void every_action_is_in_the_table() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(CommissionAction.values());
    }

    @org.junit.jupiter.api.Test
    void the_chair_of_ict_has_no_rights_in_fam() {
        signIn.as("chair-ict");
        for (CommissionAction action : CommissionAction.values()) {
            assertThat(access.may(action, "FAM")).as(action.name()).isFalse();
        }
    }
}
