package org.issa.tcw.documents.comments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import org.issa.tcw.discussion.ui.DiscussionPanels;
import org.issa.tcw.documents.comments.CommentBroadcaster;
import org.issa.tcw.documents.comments.DocumentComments;
import org.jspecify.annotations.Nullable;

/**
 * Makes the comments panel for the document editor page (which only knows this class): every datum
 * it shows comes through {@link DocumentComments}, which checks the reader's rights.
 */
@org.springframework.stereotype.Component
public class CommentPanels {

    /**
     * The DOM event the document page makes its editor element fire once the browser painted the
     * page's first frame (the document's content): the panel's comments, and the review list,
     * follow it (ADR 028).
     */
    public static final String CONTENT_PAINTED = "tcw-content-painted";

    private final DocumentComments comments;
    private final DiscussionPanels discussion;
    private final CommentBroadcaster broadcaster;

    CommentPanels(DocumentComments comments, DiscussionPanels discussion, CommentBroadcaster broadcaster) {
        this.comments = comments;
        this.discussion = discussion;
        this.broadcaster = broadcaster;
    }

    /**
     * The panel of a document's comments, talking to its editor element ({@code <tcw-editor>});
     * {@code focus}: a comment to open highlighted (from a notification's link), or null.
     */
    public Component forDocument(long documentId, Element editor, @Nullable Long focus) {
        return new CommentPanel(comments, discussion, broadcaster, documentId, editor, focus);
    }

    /** The comment threads on the suggestions of a document, for its review list. */
    public SuggestionThreads suggestionThreads(long documentId) {
        return new SuggestionThreads(comments, discussion, broadcaster, documentId);
    }
}
