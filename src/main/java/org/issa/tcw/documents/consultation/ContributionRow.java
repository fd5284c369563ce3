package org.issa.tcw.documents.consultation;

import java.time.Instant;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.people.Region;
import org.jspecify.annotations.Nullable;

/**
 * One line of the disposition log: a participant's comment in a round, the text it was on, and
 * what the commission did with it.
 *
 * @param suggestionId the suggestion the comment is on, if any (accepted or rejected with it)
 */
public record ContributionRow(long commentId, long authorId, String authorName, @Nullable String institution,
        @Nullable Region region, Instant createdAt, CommentTag tag, WorkingLanguage language, String quote,
        String text, @Nullable String suggestionId, @Nullable Disposition disposition, @Nullable String reason,
        @Nullable String disposedBy, @Nullable Instant disposedAt) {
}
