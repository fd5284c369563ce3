package org.issa.tcw.documents.comments;

import java.util.function.Consumer;
import org.issa.tcw.cluster.LiveDelivery;
import org.issa.tcw.discussion.Subscription;
import org.springframework.stereotype.Component;

/** {@link CommentBroadcaster} on the application's {@link LiveDelivery}, keyed by document. */
@Component
class LiveCommentBroadcaster implements CommentBroadcaster {

    static final LiveDelivery.Channel<CommentSignal> DOCUMENT =
            new LiveDelivery.Channel<>("comments.document", CommentSignal.class);

    private final LiveDelivery live;

    LiveCommentBroadcaster(LiveDelivery live) {
        this.live = live;
    }

    @Override
    public Subscription subscribe(long documentId, Consumer<CommentSignal> listener) {
        return live.subscribe(DOCUMENT, documentId, listener, new CommentSignal(documentId, 0))::cancel;
    }

    @Override
    public void publish(CommentSignal signal) {
        live.publish(DOCUMENT, signal.documentId(), signal);
    }
}
