package org.issa.tcw.commission;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A commission's page. The member list is shown to its members and the secretariat only; other
 * signed-in people see the public summary (name, mandate, chair).
 */
public record CommissionDetails(long id, String code, String name, @Nullable String mandate, boolean active,
        @Nullable String chairName, boolean membersVisible, List<MemberRow> members,
        @Nullable CommissionRole myRole) {
}
