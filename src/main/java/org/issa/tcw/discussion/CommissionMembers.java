package org.issa.tcw.discussion;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.people.PersonService;
import org.springframework.stereotype.Component;

/** The active members of a commission as discussions need them: who can be mentioned and notified. */
@Component
class CommissionMembers {

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

    /** The commission's active members; the caller must be allowed to read the commission. */
    List<MentionCandidate> of(String commissionCode) {
        CommissionDetails details = commissions.details(commissionCode).orElseThrow(NotFoundException::new);
        List<MemberRow> rows = details.members();
        Map<Long, String> usernames = people.usernames(rows.stream().map(MemberRow::personId).distinct().toList());
        Map<Long, MentionCandidate> byPerson = new HashMap<>();
        for (MemberRow row : rows) {
            String username = usernames.get(row.personId());
            if (username != null) {
                byPerson.putIfAbsent(row.personId(), new MentionCandidate(row.personId(), username, row.displayName()));
            }
        }
        return byPerson.values().stream()
                .sorted(java.util.Comparator.comparing(c -> c.displayName().toLowerCase(Locale.ROOT))).toList();
    }

    /** lower-case username → display name, for marking mentions. */
    static Map<String, String> handles(List<MentionCandidate> members) {
        Map<String, String> result = new HashMap<>();
        members.forEach(m -> result.put(m.username().toLowerCase(Locale.ROOT), m.displayName()));
        return result;
    }
}
