package org.issa.tcw.documents.suggestions;

import java.util.Set;
import org.issa.tcw.commission.CommissionRole;

/** Who may change a document only by suggesting: commission roles and people (by person id). */
public record SuggestOnlySettings(Set<CommissionRole> roles, Set<Long> personIds) {
}
