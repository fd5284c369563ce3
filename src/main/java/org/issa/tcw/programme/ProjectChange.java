package org.issa.tcw.programme;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a project's change history (Hibernate Envers): who changed what when.
 *
 * @param subject {@code project} or the milestone's title
 * @param kind    ADD, MOD or DEL
 * @param changes "field: old → new" lines; the fields are translation keys' suffixes
 */
public record ProjectChange(long revision, Instant at, String username, String subject, String kind,
        List<FieldChange> changes) {

    /** One changed field, its key (e.g. {@code dueDate}) and its values as text. */
    public record FieldChange(String field, String before, String after) {
    }
}
