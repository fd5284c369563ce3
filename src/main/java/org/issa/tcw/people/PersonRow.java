package org.issa.tcw.people;

import org.jspecify.annotations.Nullable;

/** One line of the people grid. */
public record PersonRow(long id, String username, String displayName, String email,
        @Nullable String institutionName, @Nullable String countryCode, boolean active) {
}
