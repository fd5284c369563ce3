package org.issa.tcw.documents.exchange;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Reading suggestion ids: {@code "<person id>:<time in ms, base 36>:<random>"} (see frontend/tcw-suggestions.ts). */
final class Suggestions {

    private Suggestions() {
    }

    static @Nullable Long author(String id) {
        int colon = id.indexOf(':');
        try {
            return colon > 0 ? Long.parseLong(id.substring(0, colon)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable Instant time(String id) {
        String[] parts = id.split(":");
        if (parts.length < 2) {
            return null;
        }
        try {
            long millis = Long.parseLong(parts[1], 36);
            return millis > 0 && millis < 32_503_680_000_000L ? Instant.ofEpochMilli(millis) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
