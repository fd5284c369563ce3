package org.issa.tcw.documents.comments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.discussion.ui.DiscussionPanels;
import org.issa.tcw.discussion.ui.MarkdownComposer;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentCommentList;
import org.issa.tcw.documents.comments.DocumentComments;

/**
 * The cards of the {@link CommentPanel}: one per thread, with its quote, its comment and replies,
 * who resolved it, and its actions (reply, resolve / reopen); and the replies being written, which
 * outlive the cards (a card is built again when what it shows changed, its draft stays).
 */
final class CommentCards {

    private final Component owner;
    private final Supplier<Locale> locale;
    private final DocumentComments comments;
    private final DiscussionPanels discussion;
    private final Runnable render;
    private final Runnable refresh;
    private final LongConsumer activate;
    private final Map<Long, MarkdownComposer> replyDrafts = new HashMap<>();

    /**
     * @param owner    the panel (translations, error messages)
     * @param locale   the panel's locale (dates)
     * @param render   shows the list again (a reply box opened or closed)
     * @param refresh  reads the comments again (a reply sent, a thread resolved)
     * @param activate highlights a thread in the panel and in the text (its card was clicked)
     */
    CommentCards(Component owner, Supplier<Locale> locale, DocumentComments comments, DiscussionPanels discussion, Runnable render,
            Runnable refresh, LongConsumer activate) {
        this.owner = owner;
        this.locale = locale;
        this.comments = comments;
        this.discussion = discussion;
        this.render = render;
        this.refresh = refresh;
        this.activate = activate;
    }

    /** Whether a reply to thread {@code id} is being written. */
    boolean drafting(long id) {
        return replyDrafts.containsKey(id);
    }

    /** The card of thread {@code c}, as {@code data} allows the reader to act on it. */
    Div card(CommentView c, DocumentCommentList data, boolean detached) {
        var card = new Div();
        card.setId("comment-" + c.id());
        card.addClassName("tcw-comment-card");
        card.getElement().setAttribute("tabindex", "0");
        card.getElement().setAttribute("data-comment", String.valueOf(c.id()));
        if (c.resolved()) {
            card.addClassName("resolved");
        }
        if (detached) {
            card.addClassName("detached");
            var note = new Paragraph(owner.getTranslation("comments.detached"));
            note.addClassName("tcw-comment-detached");
            card.add(note);
        }
        var quote = new Paragraph(c.quote());
        quote.addClassName("tcw-comment-quote");
        card.add(quote);
        card.add(CommentEntries.entry(locale.get(), c.authorName(), c.createdAt(), c.html(), c.fromWord()));
        for (CommentView.Reply r : c.replies()) {
            var reply = CommentEntries.entry(locale.get(), r.authorName(), r.createdAt(), r.html(), r.fromWord());
            reply.addClassName("tcw-comment-reply");
            reply.setId("comment-reply-" + r.id());
            card.add(reply);
        }
        if (c.resolved() && c.resolvedBy() != null) {
            var by = new Paragraph(owner.getTranslation("comments.resolved-by", c.resolvedBy()));
            by.addClassName("tcw-comment-resolved-by");
            card.add(by);
        }
        var actions = new Div();
        actions.addClassName("tcw-comment-actions");
        if (data.mayComment()) {
            MarkdownComposer draft = replyDrafts.get(c.id());
            if (draft != null) {
                card.add(replyBox(c.id(), draft));
            } else {
                var reply = new Button(owner.getTranslation("comments.reply"), e -> {
                    replyDrafts.put(c.id(), discussion.composer(data.commissionId(), DocumentComments.MAX_BODY,
                            "comment-" + c.id() + "-reply-"));
                    render.run();
                    replyDrafts.get(c.id()).focus();
                });
                reply.setId("comment-reply-open-" + c.id());
                reply.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                actions.add(reply);
            }
        }
        if (c.mayResolve()) {
            var resolve = new Button(owner.getTranslation(c.resolved() ? "comments.reopen" : "comments.resolve"),
                    e -> Feedback.run(owner, () -> {
                        comments.setResolved(c.id(), !c.resolved());
                        refresh.run();
                    }));
            resolve.setId("comment-resolve-" + c.id());
            resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(resolve);
        }
        card.add(actions);
        card.getElement().addEventListener("click", e -> activate.accept(c.id()))
                .setFilter("!event.target.closest('button, vaadin-button, textarea, vaadin-text-area, a, vaadin-tabs')");
        card.getElement().addEventListener("keydown", e -> activate.accept(c.id()))
                .setFilter("event.key === 'Enter' && event.target === element");
        return card;
    }

    private Div replyBox(long commentId, MarkdownComposer draft) {
        var send = new Button(owner.getTranslation("comments.send-reply"), e -> {
            if (Feedback.run(owner, () -> comments.reply(commentId, draft.getValue()))) {
                replyDrafts.remove(commentId);
                refresh.run();
            }
        });
        send.setId("comment-reply-send-" + commentId);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var cancel = new Button(owner.getTranslation("comments.cancel"), e -> {
            replyDrafts.remove(commentId);
            render.run();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var box = new Div(draft, new Div(send, cancel));
        box.addClassName("tcw-comment-reply-box");
        return box;
    }
}
