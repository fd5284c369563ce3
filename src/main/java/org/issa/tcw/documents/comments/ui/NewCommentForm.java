package org.issa.tcw.documents.comments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.LongConsumer;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.discussion.ui.DiscussionPanels;
import org.issa.tcw.discussion.ui.MarkdownComposer;
import org.issa.tcw.documents.comments.DocumentComments;
import org.jspecify.annotations.Nullable;

/**
 * The form of a new comment on the selected text, at the top of the {@link CommentPanel}: the
 * quoted text, a Markdown composer with mentions, send and cancel. Hidden while no comment is
 * being written.
 */
class NewCommentForm extends Div {

    /** The selected range (base64 Yjs relative positions, as the editor made them) and its text. */
    record Anchor(String from, String to, String quote) {
    }

    private final DocumentComments comments;
    private final DiscussionPanels discussion;
    private final long documentId;
    private final LongConsumer sent;
    private final Runnable closed;
    private final Paragraph quote = new Paragraph();
    private @Nullable MarkdownComposer composer;
    private @Nullable Anchor pending;

    /**
     * @param sent   told the new comment's id once it is stored (the form is closed by then)
     * @param closed told whenever the form closes (sent or cancelled)
     */
    NewCommentForm(DocumentComments comments, DiscussionPanels discussion, long documentId, LongConsumer sent,
            Runnable closed) {
        this.comments = comments;
        this.discussion = discussion;
        this.documentId = documentId;
        this.sent = sent;
        this.closed = closed;
        setId("comment-form");
        addClassName("tcw-comment-form");
        setVisible(false);
        quote.setId("comment-form-quote");
        quote.addClassName("tcw-comment-quote");
    }

    /** Opens the form for a comment on {@code anchor}, mentions checked in the commission's. */
    void open(Anchor anchor, long commissionId) {
        pending = anchor;
        removeAll();
        quote.setText(anchor.quote().length() > 300 ? anchor.quote().substring(0, 299) + "…" : anchor.quote());
        MarkdownComposer c = discussion.composer(commissionId, DocumentComments.MAX_BODY, "comment-");
        composer = c;
        var send = new Button(getTranslation("comments.send"), e -> send());
        send.setId("comment-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var cancel = new Button(getTranslation("comments.cancel"), e -> close());
        cancel.setId("comment-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(quote, c, new Div(send, cancel));
        setVisible(true);
        c.focus();
    }

    private void send() {
        Anchor anchor = pending;
        MarkdownComposer c = composer;
        if (anchor == null || c == null) {
            return;
        }
        long[] id = new long[1];
        if (Feedback.run(this, () -> id[0] = comments.comment(documentId, anchor.from(), anchor.to(), c.getValue()))) {
            close();
            sent.accept(id[0]);
        }
    }

    private void close() {
        pending = null;
        composer = null;
        removeAll();
        setVisible(false);
        closed.run();
    }
}
