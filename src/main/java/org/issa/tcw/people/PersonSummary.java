package org.issa.tcw.people;

import org.jspecify.annotations.Nullable;

/** How other features show a person: name, institution and its country. */
public record PersonSummary(long id, String displayName, @Nullable String institutionName,
        @Nullable String countryCode) {
}
