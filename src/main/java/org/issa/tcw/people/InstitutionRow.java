package org.issa.tcw.people;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line of the institutions grid. */
public record InstitutionRow(long id, String name, @Nullable String acronym, String countryCode, Region region,
        MembershipType membershipType, List<String> emailDomains, @Nullable String idpAlias) {
}
