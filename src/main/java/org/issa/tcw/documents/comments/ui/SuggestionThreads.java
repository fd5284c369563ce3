package org.issa.tcw.documents.comments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.discussion.ui.DiscussionPanels;
import org.issa.tcw.discussion.ui.MarkdownComposer;
import org.issa.tcw.documents.comments.CommentBroadcaster;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.documents.comments.SuggestionThreadList;
import org.jspecify.annotations.Nullable;

/**
 * The comment threads on a document's suggestions, for the review list next to the editor (which
 * only knows this class): under each suggestion its thread and a "Comment" / "Reply" box, and the
 * threads of suggestions accepted, rejected or withdrawn since, kept as history. Every datum comes
 * through {@link DocumentComments} (rights checked there); live like the comments panel: a committed
 * change to the document's comments reloads the threads and tells the list.
 */
public final class SuggestionThreads {

    private final DocumentComments comments;
    private final DiscussionPanels discussion;
    private final CommentBroadcaster broadcaster;
    private final long documentId;
    /** Composers being written, by suggestion id (kept across re-renders). */
    private final Map<String, MarkdownComposer> drafts = new HashMap<>();
    /** Null until read: the review list reads it with its suggestions, off the request thread. */
    private @Nullable SuggestionThreadList data;
    private Runnable changed = () -> { };
    private @Nullable Subscription subscription;

    SuggestionThreads(DocumentComments comments, DiscussionPanels discussion, CommentBroadcaster broadcaster,
            long documentId) {
        this.comments = comments;
        this.discussion = discussion;
        this.broadcaster = broadcaster;
        this.documentId = documentId;
    }

    /** Whether the threads have been read (else {@link #read()} them off the request thread). */
    public boolean isRead() {
        return data != null;
    }

    /** Reads the threads (any thread with the reader's security context); hand them to {@link #use}. */
    public SuggestionThreadList read() {
        return comments.suggestionThreads(documentId);
    }

    /** Shows {@code threads} (a {@link #read()}) from now on, unless newer ones were read meanwhile. */
    public void use(SuggestionThreadList threads) {
        if (data == null) {
            data = threads;
        }
    }

    private SuggestionThreadList data() {
        SuggestionThreadList d = data;
        if (d == null) {
            d = comments.suggestionThreads(documentId);
            data = d;
        }
        return d;
    }

    /**
     * Keeps the threads live while {@code host} is attached: a committed change reloads them and,
     * when they differ, runs {@code onChange} (in the UI's session).
     */
    public void live(Component host, Runnable onChange) {
        this.changed = onChange;
        host.addAttachListener(e -> {
            UI ui = e.getUI();
            Executor live = LiveAccess.in(ui);
            subscription = broadcaster.subscribe(documentId, signal -> live.execute(this::reload));
        });
        host.addDetachListener(e -> {
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
                subscription = null;
            }
        });
    }

    /** What the threads show now (for change detection by the list). */
    public Object state() {
        return java.util.List.of(data(), Set.copyOf(drafts.keySet()));
    }

    /**
     * The suggestion whose thread holds the comment {@code commentId} (its first comment or a
     * reply), or null: a notification's link names a comment, the list selects its suggestion.
     */
    public @Nullable String suggestionOf(long commentId) {
        for (Map.Entry<String, CommentView> e : data().threads().entrySet()) {
            CommentView t = e.getValue();
            if (t.id() == commentId || t.replies().stream().anyMatch(r -> r.id() == commentId)) {
                return e.getKey();
            }
        }
        return null;
    }

    private void reload() {
        SuggestionThreadList fresh = comments.suggestionThreads(documentId);
        if (!fresh.equals(data)) {
            data = fresh;
            changed.run();
        }
    }

    /** The thread of one suggestion (possibly none yet) with its "Comment" / "Reply" action. */
    public Component forSuggestion(Component owner, String suggestionId, String domId) {
        var box = new Div();
        box.addClassName("tcw-suggestion-thread");
        box.setId(domId + "-thread");
        CommentView thread = data().threads().get(suggestionId);
        if (thread != null) {
            entries(owner, box, thread);
        }
        if (!data().mayComment()) {
            return box;
        }
        MarkdownComposer draft = drafts.get(suggestionId);
        if (draft != null) {
            var send = new Button(owner.getTranslation(thread == null ? "comments.send" : "comments.send-reply"), e -> {
                if (Feedback.run(owner, () -> comments.commentOnSuggestion(documentId, suggestionId, draft.getValue()))) {
                    drafts.remove(suggestionId);
                    reloadNow();
                }
            });
            send.setId(domId + "-thread-send");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            var cancel = new Button(owner.getTranslation("comments.cancel"), e -> {
                drafts.remove(suggestionId);
                changed.run();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            var reply = new Div(draft, new Div(send, cancel));
            reply.addClassName("tcw-comment-reply-box");
            box.add(reply);
        } else {
            var open = new Button(owner.getTranslation(thread == null ? "suggestions.discuss" : "comments.reply"), e -> {
                MarkdownComposer c = discussion.composer(data().commissionId(), DocumentComments.MAX_BODY, domId + "-thread-");
                drafts.put(suggestionId, c);
                changed.run();
                c.focus();
            });
            open.setId(domId + "-thread-open");
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            box.add(open);
        }
        return box;
    }

    /**
     * The threads of suggestions that are no longer in the document (accepted, rejected or
     * withdrawn), oldest first, or null when there are none.
     */
    public @Nullable Component history(Component owner, Set<String> current) {
        Map<String, CommentView> past = new LinkedHashMap<>();
        data().threads().forEach((id, t) -> {
            if (!current.contains(id)) {
                past.put(id, t);
            }
        });
        if (past.isEmpty()) {
            return null;
        }
        var box = new Div();
        box.setId("suggestion-history");
        box.addClassName("tcw-suggestion-history");
        box.add(new Paragraph(owner.getTranslation("suggestions.history")));
        past.forEach((id, t) -> {
            var card = new Div();
            card.addClassName("tcw-suggestion-item");
            card.addClassName("closed");
            card.setId("suggestion-history-" + t.id());
            card.getElement().setAttribute("data-suggestion-id", id);
            var quote = new Paragraph(t.quote());
            quote.addClassName("tcw-comment-quote");
            var note = new Paragraph(owner.getTranslation("suggestions.history.note"));
            note.addClassName("tcw-comment-detached");
            card.add(note, quote);
            entries(owner, card, t);
            box.add(card);
        });
        return box;
    }

    private static void entries(Component owner, Div box, CommentView thread) {
        UI ui = owner.getUI().orElseGet(UI::getCurrent);
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        box.add(CommentEntries.entry(locale, thread.authorName(), thread.createdAt(), thread.html(), thread.fromWord()));
        for (CommentView.Reply r : thread.replies()) {
            Div reply = CommentEntries.entry(locale, r.authorName(), r.createdAt(), r.html(), r.fromWord());
            reply.addClassName("tcw-comment-reply");
            reply.setId("comment-reply-" + r.id());
            box.add(reply);
        }
    }

    private void reloadNow() {
        data = comments.suggestionThreads(documentId);
        changed.run();
    }
}
