package org.issa.tcw.documents.workflow;

import org.issa.tcw.documents.WorkingLanguage;
import org.jspecify.annotations.Nullable;

/**
 * One language version of a document family: the source ({@code source} true) or a translation of
 * it, with its stage; a translation records the version of the source it was made from and is
 * {@code stale} ("source changed since") when the source changed after that.
 */
public record LanguageVersion(long documentId, String title, WorkingLanguage language, DocumentStage stage,
        boolean source, boolean stale, @Nullable Long sourceVersionId) {
}
