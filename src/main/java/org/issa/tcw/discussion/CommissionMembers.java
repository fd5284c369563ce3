package org.issa.tcw.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.StaffMember;
import org.issa.tcw.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who takes part in a commission's discussions — can be mentioned and notified: its active members,
 * and the association's staff (secretariat, administrators), who may read every commission's threads.
 * Staff are those the people feature knows as active and holding a global role at their last sign-in,
 * so someone whose role was taken away drops out at their next sign-in.
 */
@Component
class CommissionMembers {

    private static final Comparator<MentionCandidate> BY_NAME = Comparator
            .comparing(c -> c.displayName().toLowerCase(Locale.ROOT));

    private final CommissionService commissions;
    private final PersonService people;

    CommissionMembers(CommissionService commissions, PersonService people) {
        this.commissions = commissions;
        this.people = people;
    }

    /** The code of an active commission. */
    String codeOf(long commissionId) {
        return commissions.activeCommissions().stream().filter(c -> c.id() == commissionId)
                .map(CommissionSummary::code).findFirst()
                .orElseThrow(() -> new org.issa.tcw.base.UserFacingException("discussion.commission-retired"));
    }

    /**
     * The commission's active members by name, then the staff who are not members by name (each
     * staff person marked with their role); the caller must be allowed to read the commission.
     */
    List<MentionCandidate> of(String commissionCode) {
        CommissionDetails details = commissions.details(commissionCode).orElseThrow(NotFoundException::new);
        List<MemberRow> rows = details.members();
        Map<Long, String> usernames = people.usernames(rows.stream().map(MemberRow::personId).distinct().toList());
        Map<Long, String> staffRoles = new LinkedHashMap<>();
        List<MentionCandidate> staff = new ArrayList<>();
        for (StaffMember s : people.activeStaff()) {
            String role = s.isSecretariat() ? Roles.SECRETARIAT : Roles.ADMIN;
            staffRoles.put(s.personId(), role);
            staff.add(new MentionCandidate(s.personId(), s.username(), s.displayName(), role));
        }
        Map<Long, MentionCandidate> byPerson = new HashMap<>();
        for (MemberRow row : rows) {
            String username = usernames.get(row.personId());
            if (username != null) {
                byPerson.putIfAbsent(row.personId(), new MentionCandidate(row.personId(), username, row.displayName(),
                        staffRoles.get(row.personId())));
            }
        }
        List<MentionCandidate> result = new ArrayList<>(byPerson.values().stream().sorted(BY_NAME).toList());
        staff.stream().filter(s -> !byPerson.containsKey(s.personId())).sorted(BY_NAME).forEach(result::add);
        return List.copyOf(result);
    }

    /** lower-case username → display name, for marking mentions. */
    static Map<String, String> handles(List<MentionCandidate> members) {
        Map<String, String> result = new HashMap<>();
        members.forEach(m -> result.put(m.username().toLowerCase(Locale.ROOT), m.displayName()));
        return result;
    }
}
