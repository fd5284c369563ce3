package org.issa.tcw.documents.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.comments.domain.DocumentComment;
import org.issa.tcw.documents.comments.domain.DocumentCommentRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores the comments of a Word file just imported into a document (docs/adr/090): called only by
 * {@link DocumentComments#importFromWord}, which checks the importer's right to comment first.
 */
@Component
class WordCommentImport {

    private final DocumentCommentRepository comments;
    private final DocumentService documents;
    private final DiscussionService discussions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WordCommentImport(DocumentCommentRepository comments, DocumentService documents, DiscussionService discussions,
            ApplicationEventPublisher events, Clock clock) {
        this.comments = comments;
        this.documents = documents;
        this.discussions = discussions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores {@code imported} as person {@code me}'s comments on the document: a thread's first
     * comment only with a valid anchor on the document's text (else it is left out with its
     * replies), replies in their thread, threads Word marked done resolved, bodies as Markdown
     * without mentions.
     */
    ImportedComments store(long documentId, long me, List<ImportedComment> imported) {
        Map<String, ImportedComment> byKey = new LinkedHashMap<>();
        imported.forEach(c -> byKey.putIfAbsent(c.key(), c));
        Map<String, DocumentComment> roots = new HashMap<>();
        Instant now = clock.instant();
        int stored = 0;
        for (ImportedComment c : byKey.values()) {
            String from = c.from();
            String to = c.to();
            if (rootKey(c, byKey).equals(c.key()) && from != null && to != null
                    && from.length() <= CommentAnchors.MAX_ANCHOR && to.length() <= CommentAnchors.MAX_ANCHOR) {
                YjsEngine.AnchorRange range = documents.anchorRange(documentId, from, to);
                if (range.valid() && !range.text().isBlank()) {
                    String body = importedBody(c.text());
                    DocumentComment root = comments.save(DocumentComment.anchored(documentId, me, body,
                            discussions.preview(body), from, to, CommentAnchors.quote(range.text()), now)
                            .fromWord(c.author(), c.date()));
                    if (c.done()) {
                        root.resolve(me, now);
                    }
                    roots.put(c.key(), root);
                    stored++;
                }
            }
        }
        comments.flush();
        for (ImportedComment c : byKey.values()) {
            DocumentComment root = roots.get(rootKey(c, byKey));
            if (root != null && !roots.containsKey(c.key())) {
                String body = importedBody(c.text());
                comments.save(DocumentComment.reply(root, me, body, discussions.preview(body), now)
                        .fromWord(c.author(), c.date()));
                stored++;
            }
        }
        comments.flush();
        roots.values().forEach(r -> events.publishEvent(new CommentSignal(documentId, r.getId())));
        return new ImportedComments(stored, byKey.size() - stored);
    }

    /** The key of the first comment of {@code c}'s thread (following replies up; a cycle ends it). */
    private static String rootKey(ImportedComment c, Map<String, ImportedComment> byKey) {
        ImportedComment at = c;
        for (int depth = 0; depth < byKey.size(); depth++) {
            String parent = at.parentKey();
            ImportedComment up = parent == null ? null : byKey.get(parent);
            if (up == null) {
                return at.key();
            }
            at = up;
        }
        return c.key();
    }

    private static String importedBody(String text) {
        String body = text.replace("\u0000", "").strip();
        body = body.isEmpty() ? "…" : body;
        return body.length() <= DocumentComments.MAX_BODY ? body : body.substring(0, DocumentComments.MAX_BODY - 1) + "…";
    }
}
