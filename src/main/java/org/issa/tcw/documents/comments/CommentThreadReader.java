package org.issa.tcw.documents.comments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.issa.tcw.documents.DocumentAccess;
import org.issa.tcw.documents.comments.domain.DocumentComment;
import org.issa.tcw.documents.comments.domain.DocumentCommentRepository;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The reading side of {@link DocumentComments}: a document's threads as the reader sees them, with
 * their replies and the names of their authors (three queries, whatever their number). Called only
 * by {@link DocumentComments}, which checks the reader's rights first.
 */
@Component
class CommentThreadReader {

    private final DocumentCommentRepository comments;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final DocumentAccess documentAccess;

    CommentThreadReader(DocumentCommentRepository comments, PersonService people, CurrentUser currentUser,
            DocumentAccess documentAccess) {
        this.comments = comments;
        this.people = people;
        this.currentUser = currentUser;
        this.documentAccess = documentAccess;
    }

    /**
     * The threads of a document, either those on text ranges or those on suggestions, with their
     * replies; only those of the authors a grant limits the reader to (e.g. a consultation
     * participant's own institution), if it does.
     */
    void threads(long documentId, long commissionId, boolean review, boolean comment, boolean onSuggestions,
            BiConsumer<DocumentComment, CommentView> out) {
        Long me = currentUser.personId().orElse(null);
        Set<Long> visible = documentAccess.visibleAuthors(documentId, commissionId);
        List<DocumentComment> all = comments.findByDocumentIdOrderByIdAsc(documentId);
        Set<Long> roots = new HashSet<>();
        Set<Long> persons = new HashSet<>();
        for (DocumentComment c : all) {
            if (c.getParentId() == null && (c.getSuggestionId() != null) == onSuggestions
                    && (visible == null || visible.contains(c.getAuthorId()))) {
                roots.add(c.getId());
            }
        }
        for (DocumentComment c : all) {
            if (roots.contains(c.getParentId() == null ? c.getId() : c.getParentId())) {
                persons.add(c.getAuthorId());
                if (c.getResolvedBy() != null) {
                    persons.add(c.getResolvedBy());
                }
            }
        }
        Map<Long, PersonSummary> names = persons.isEmpty() ? Map.of() : people.summaries(persons);
        Map<Long, List<CommentView.Reply>> replies = new LinkedHashMap<>();
        for (DocumentComment c : all) {
            if (c.getParentId() != null && roots.contains(c.getParentId())) {
                replies.computeIfAbsent(c.getParentId(), k -> new ArrayList<>()).add(new CommentView.Reply(c.getId(),
                        shownAuthor(names, c), shownDate(c), c.getHtml(), c.getWordAuthor() != null));
            }
        }
        for (DocumentComment c : all) {
            if (c.getParentId() == null && roots.contains(c.getId())) {
                boolean mayResolve = review || (comment && me != null && me == c.getAuthorId());
                out.accept(c, new CommentView(c.getId(), c.getAuthorId(), shownAuthor(names, c),
                        shownDate(c), c.getHtml(), nonNull(c.getAnchorFrom()), nonNull(c.getAnchorTo()),
                        nonNull(c.getQuote()), c.getResolvedBy() == null ? null : name(names, c.getResolvedBy()),
                        c.getResolvedAt(), mayResolve, List.copyOf(replies.getOrDefault(c.getId(), List.of())),
                        c.getWordAuthor() != null));
            }
        }
    }

    /** The Word author's name for a comment imported from Word, otherwise its author's. */
    private static String shownAuthor(Map<Long, PersonSummary> names, DocumentComment c) {
        String word = c.getWordAuthor();
        return word != null ? word : name(names, c.getAuthorId());
    }

    private static Instant shownDate(DocumentComment c) {
        Instant word = c.getWordDate();
        return word != null ? word : c.getCreatedAt();
    }

    /** The display name of person {@code id} among {@code names}, "?" when unknown. */
    static String name(Map<Long, PersonSummary> names, long id) {
        PersonSummary p = names.get(id);
        return p == null ? "?" : p.displayName();
    }

    static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
