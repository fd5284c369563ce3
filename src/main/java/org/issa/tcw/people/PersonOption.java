package org.issa.tcw.people;

import org.jspecify.annotations.Nullable;

/** A person to choose in a form (e.g. a new member of a commission). */
public record PersonOption(long id, String displayName, @Nullable String institutionName) {

    public String label() {
        return institutionName == null ? displayName : displayName + " — " + institutionName;
    }
}
