package org.issa.tcw.documents.comments;

import java.util.function.Consumer;
import org.issa.tcw.discussion.Subscription;

/**
 * Delivers {@link CommentSignal}s to the open editors of a document on this node. Fed only after
 * commit ({@code CommentLiveFeed}); an interface so that a multi-node implementation (e.g.
 * PostgreSQL LISTEN/NOTIFY) can replace it without the views changing. Listeners are called on a
 * background thread and must not block.
 */
public interface CommentBroadcaster {

    /** Signals of one document's comments; close the subscription when the page goes. */
    Subscription subscribe(long documentId, Consumer<CommentSignal> listener);

    void publish(CommentSignal signal);
}
