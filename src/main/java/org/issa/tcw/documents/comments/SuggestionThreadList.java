package org.issa.tcw.documents.comments;

import java.util.Map;

/**
 * The comment threads on a document's suggestions (ADR 025), keyed by suggestion id, oldest thread
 * first. A thread stays when its suggestion is accepted, rejected or withdrawn: the caller tells the
 * open ones from the history by the suggestions the document still has. {@link CommentView#from()}
 * and {@link CommentView#to()} are empty; {@link CommentView#quote()} is the suggestion's text when
 * the thread was started.
 */
public record SuggestionThreadList(long documentId, long commissionId, boolean mayComment,
        Map<String, CommentView> threads) {
}
