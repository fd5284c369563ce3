package org.issa.tcw.documents.workflow;

import java.util.Set;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.jspecify.annotations.Nullable;

/**
 * What the library is filtered by (null: any). {@code language} matches an entry that has a
 * published version in that language; {@code fromYear}/{@code toYear} the year of publication
 * (UTC, e.g. a triennium's span); {@code documentIds} restricts to those documents (e.g. the
 * deliverables of a priority, as the programme knows them).
 */
public record LibraryQuery(@Nullable String commissionCode, @Nullable DocumentKind kind,
        @Nullable WorkingLanguage language, @Nullable Integer fromYear, @Nullable Integer toYear,
        @Nullable Set<Long> documentIds) {

    public static final LibraryQuery ALL = new LibraryQuery(null, null, null, null, null, null);

    public static LibraryQuery ofCommission(String code) {
        return new LibraryQuery(code, null, null, null, null, null);
    }
}
