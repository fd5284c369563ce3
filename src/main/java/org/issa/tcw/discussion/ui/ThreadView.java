package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.AllowInert;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.DiscussionBroadcaster;
import org.issa.tcw.discussion.DiscussionLimits;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.DiscussionSignal;
import org.issa.tcw.discussion.ModerationService;
import org.issa.tcw.discussion.PostRevisionView;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.discussion.Reaction;
import org.issa.tcw.discussion.ReadingService;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.discussion.ThreadDetails;
import org.issa.tcw.discussion.WatchLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;

/**
 * One thread: its posts, loaded a page at a time around the reader's first unread post (a thread
 * of thousands of posts opens as fast as a short one), a composer to reply or quote, live
 * updates while open, and the moderators' tools.
 *
 * <p>Opening sends only the first {@value #FIRST} posts from the focused one to the browser; the
 * rest of the page (already loaded, with the same queries) is attached when the browser asks for it
 * right after it has painted those ({@link #showRestOfPage()}), so the first response is small
 * (docs/benchmarks-discussion.md, browser time to first paint).
 */
@Route("discussions/:id")
@PermitAll
@CssImport("./styles/discussion.css")
class ThreadView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, PostCard.Actions {

    static final int PAGE = 30;
    /** Posts sent with the first response when a thread is opened. */
    static final int FIRST = 10;

    private final DiscussionService discussions;
    private final ModerationService moderation;
    private final ReadingService reading;
    private final DiscussionBroadcaster broadcaster;
    private final DiscussionLimits limits;

    private @Nullable ThreadDetails thread;
    private final TreeMap<Long, PostCard> cards = new TreeMap<>();
    /** Cards of the opened page not yet attached: sent after the browser painted the first ones. */
    private final List<PostCard> deferred = new ArrayList<>();
    private final Div header = new Div();
    private final Div postsBox = new Div();
    private final Div composerBox = new Div();
    private final Button earlier = new Button();
    private final Button later = new Button();
    private final Button newPosts = new Button();
    private @Nullable MarkdownComposer composer;
    private @Nullable PostView replyTo;
    private final Span replyingTo = new Span();
    private @Nullable Subscription subscription;
    private @Nullable SecurityContext securityContext;
    private long readUpTo;
    private long focusSeq;

    ThreadView(DiscussionService discussions, ModerationService moderation, ReadingService reading,
            DiscussionBroadcaster broadcaster, DiscussionLimits limits) {
        this.discussions = discussions;
        this.moderation = moderation;
        this.reading = reading;
        this.broadcaster = broadcaster;
        this.limits = limits;
        addClassName("tcw-page");
        addClassName("tcw-thread");
        postsBox.setId("posts");
        postsBox.setWidthFull();
        earlier.setId("load-earlier");
        earlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        earlier.addClickListener(e -> loadEarlier());
        later.setId("load-later");
        later.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        later.addClickListener(e -> loadLater());
        newPosts.setId("new-posts");
        newPosts.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        newPosts.addClickListener(e -> loadLater());
        header.setWidthFull();
        composerBox.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            thread = discussions.thread(id);
        } catch (NumberFormatException | org.springframework.security.access.AccessDeniedException e) {
            thread = null;
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        Long target = event.getLocation().getQueryParameters().getSingleParameter("post").map(ThreadView::parse)
                .orElse(null);
        removeAll();
        cards.clear();
        deferred.clear();
        postsBox.removeAll();
        readUpTo = 0;
        add(header, earlier, postsBox, later, newPosts, composerBox);
        refreshHeader();
        ThreadDetails t = thread;
        long start = target != null ? Math.max(1, Math.min(target, t.lastSeq()))
                : t.firstUnreadSeq() > 0 ? t.firstUnreadSeq() : Math.max(1, t.lastSeq() - PAGE + 1);
        List<PostView> page = new ArrayList<>();
        List<PostView> from = discussions.postsFrom(t.id(), start, PAGE);
        if (start > 1 && from.size() < PAGE) {
            page.addAll(discussions.postsBefore(t.id(), start, PAGE - from.size()));
        }
        page.addAll(from);
        long focus = target != null ? start : t.firstUnreadSeq();
        focusSeq = focus;
        openPage(page, focus);
        PostCard card = cards.get(focus);
        if (card != null && focus > cards.firstKey()) {
            card.getElement().callJsFunction("scrollIntoView");
        }
        if (card != null) {
            card.addClassName("tcw-post-focus");
        }
        markRead();
        securityContext = LiveAccess.capture();
        if (getUI().isPresent()) {
            subscribe(getUI().get());
        }
    }

    /**
     * Shows the first {@link #FIRST} posts of the page from the focused one (or from the top when
     * none is focused) and keeps the others for {@link #showRestOfPage()}.
     */
    private void openPage(List<PostView> page, long focus) {
        ThreadDetails t = current();
        int from = 0;
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i).seq() == focus) {
                from = i;
            }
        }
        int to = Math.min(page.size(), from + FIRST);
        for (int i = 0; i < page.size(); i++) {
            PostView p = page.get(i);
            PostCard card = new PostCard(p, t.readerId(), t.mayPost(), t.mayModerate(), this);
            cards.put(p.seq(), card);
            if (i >= from && i < to) {
                postsBox.add(card);
            } else {
                deferred.add(card);
            }
        }
        updateButtons();
        if (!deferred.isEmpty()) {
            // after the first posts are painted: a task posted from the next animation frame
            getElement().executeJs("const view = this;"
                    + " requestAnimationFrame(() => setTimeout(() => view.$server.showRestOfPage()));");
        }
    }

    /**
     * Attaches the cards of the opened page that were held back from the first response. Allowed
     * while a modal dialog makes the view inert (one may open in the moment before the call).
     */
    @ClientCallable
    @AllowInert
    public void showRestOfPage() {
        if (deferred.isEmpty()) {
            return;
        }
        long firstShown = postsBox.getChildren().filter(PostCard.class::isInstance).map(PostCard.class::cast)
                .mapToLong(PostCard::seq).min().orElse(Long.MAX_VALUE);
        int index = 0;
        for (PostCard card : deferred) {
            if (card.seq() < firstShown) {
                postsBox.addComponentAtIndex(index++, card);
            } else {
                postsBox.add(card);
            }
        }
        deferred.clear();
        PostCard focused = cards.get(focusSeq);
        if (index > 0 && focused != null) {
            // posts were inserted above the focused one: keep it where the reader sees it
            focused.getElement().callJsFunction("scrollIntoView");
        }
    }

    private void refreshHeader() {
        ThreadDetails t = current();
        header.removeAll();
        var back = new RouterLink(getTranslation("discussion.back-to-list", t.commissionCode()),
                CommissionDiscussionsView.class, new RouteParameters("code", t.commissionCode()));
        back.setId("back-to-list");
        var title = new H2(t.title());
        title.setId("thread-title");
        var badges = new HorizontalLayout();
        badges.setSpacing(true);
        if (t.pinned()) {
            badges.add(badge("discussion.pinned", "pinned-badge"));
        }
        if (t.locked()) {
            badges.add(badge("discussion.locked", "locked-badge"));
        }
        if (t.anchorLabel() != null && t.anchorType() != null) {
            var anchor = new Span(getTranslation("discussion.anchor." + t.anchorType().name(), t.anchorLabel()));
            anchor.setId("anchor-label");
            anchor.getElement().getThemeList().add("badge");
            badges.add(anchor);
        }
        var toolbar = new HorizontalLayout();
        toolbar.setAlignItems(Alignment.BASELINE);
        Select<WatchLevel> watch = WatchLevels.select(this, "watch-level", "discussion.watch.thread");
        watch.setValue(t.watchLevel());
        watch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                Feedback.run(this, () -> reading.watch(t.id(), e.getValue()));
            }
        });
        toolbar.add(watch);
        if (t.mayModerate()) {
            toolbar.add(tool("pin", t.pinned() ? "discussion.unpin" : "discussion.pin",
                    () -> moderation.pin(t.id(), !t.pinned())));
            toolbar.add(tool("lock", t.locked() ? "discussion.unlock" : "discussion.lock",
                    () -> moderation.lock(t.id(), !t.locked())));
            var move = new Button(getTranslation("discussion.move"), e -> openMove());
            move.setId("move");
            move.addThemeVariants(ButtonVariant.LUMO_SMALL);
            toolbar.add(move);
        }
        header.add(back, title, badges, toolbar);
        refreshComposer();
    }

    private Button tool(String id, String key, Runnable action) {
        var b = new Button(getTranslation(key), e -> {
            if (Feedback.run(this, action)) {
                thread = discussions.thread(current().id());
                refreshHeader();
                refreshCards();
            }
        });
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void refreshComposer() {
        ThreadDetails t = current();
        composerBox.removeAll();
        if (t.locked()) {
            var note = new Paragraph(getTranslation("discussion.thread.locked"));
            note.setId("locked-note");
            composerBox.add(note);
        }
        if (!t.mayPost()) {
            composer = null;
            return;
        }
        String draft = composer == null ? "" : composer.getValue();
        composer = new MarkdownComposer(discussions, t.commissionId(), limits.maxPostLength(), "");
        composer.setValue(draft);
        replyingTo.setId("replying-to");
        var cancelReply = new Button(getTranslation("common.cancel"), e -> setReplyTo(null));
        cancelReply.setId("cancel-reply");
        cancelReply.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var replyLine = new HorizontalLayout(replyingTo, cancelReply);
        replyLine.setAlignItems(Alignment.BASELINE);
        replyLine.setVisible(replyTo != null);
        replyLine.setId("reply-line");
        var send = new Button(getTranslation("discussion.send"), e -> send());
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        composerBox.add(replyLine, composer, send);
        setReplyTo(replyTo);
    }

    private void send() {
        ThreadDetails t = current();
        MarkdownComposer c = composer;
        if (c == null) {
            return;
        }
        PostView[] written = new PostView[1];
        Long replyToId = replyTo == null ? null : replyTo.id();
        if (Feedback.run(this, () -> written[0] = discussions.reply(t.id(), c.getValue(), replyToId))) {
            c.clear();
            setReplyTo(null);
            PostView post = written[0];
            if (cards.isEmpty() || cards.lastKey() == post.seq() - 1) {
                append(List.of(post));
            } else {
                reloadAround(post.seq());
            }
            thread = discussions.thread(t.id());
            updateButtons();
            PostCard card = cards.get(post.seq());
            if (card != null) {
                card.getElement().callJsFunction("scrollIntoView");
            }
        }
    }

    private void reloadAround(long seq) {
        cards.clear();
        deferred.clear();
        postsBox.removeAll();
        append(discussions.postsFrom(current().id(), Math.max(1, seq - PAGE + 1), PAGE));
    }

    private void append(List<PostView> posts) {
        showRestOfPage();
        ThreadDetails t = current();
        for (PostView p : posts) {
            if (!cards.containsKey(p.seq())) {
                PostCard card = new PostCard(p, t.readerId(), t.mayPost(), t.mayModerate(), this);
                cards.put(p.seq(), card);
                postsBox.add(card);
            }
        }
        updateButtons();
    }

    private void prepend(List<PostView> posts) {
        showRestOfPage();
        ThreadDetails t = current();
        int index = 0;
        for (PostView p : posts) {
            if (!cards.containsKey(p.seq())) {
                PostCard card = new PostCard(p, t.readerId(), t.mayPost(), t.mayModerate(), this);
                cards.put(p.seq(), card);
                postsBox.addComponentAtIndex(index++, card);
            }
        }
        updateButtons();
    }

    private void loadEarlier() {
        if (!cards.isEmpty()) {
            prepend(discussions.postsBefore(current().id(), cards.firstKey(), PAGE));
        }
    }

    private void loadLater() {
        long from = cards.isEmpty() ? 1 : cards.lastKey() + 1;
        append(discussions.postsFrom(current().id(), from, PAGE));
        markRead();
    }

    private void updateButtons() {
        ThreadDetails t = current();
        long first = cards.isEmpty() ? 1 : cards.firstKey();
        long last = cards.isEmpty() ? 0 : cards.lastKey();
        earlier.setText(getTranslation("discussion.load-earlier", first - 1));
        earlier.setVisible(first > 1);
        long lastSeq = Math.max(t.lastSeq(), last);
        later.setText(getTranslation("discussion.load-later", lastSeq - last));
        newPosts.setVisible(false);
        later.setVisible(last < lastSeq);
        if (cards.isEmpty()) {
            var none = new Paragraph(getTranslation("discussion.no-posts"));
            none.setId("no-posts");
            postsBox.add(none);
        }
    }

    private void markRead() {
        if (!cards.isEmpty() && cards.lastKey() > readUpTo) {
            readUpTo = cards.lastKey();
            reading.markRead(current().id(), readUpTo);
        }
    }

    private void refreshCards() {
        ThreadDetails t = current();
        cards.values().forEach(c -> c.update(c.post(), t.readerId(), t.mayPost(), t.mayModerate(), this));
    }

    private void setReplyTo(@Nullable PostView post) {
        replyTo = post;
        replyingTo.setText(post == null ? ""
                : getTranslation("discussion.replying-to", post.seq(), post.authorName()));
        replyingTo.getParent().ifPresent(p -> p.setVisible(post != null));
    }

    // --- live updates

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        securityContext = LiveAccess.capture();
        subscribe(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }

    private void subscribe(UI ui) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        ThreadDetails t = thread;
        if (t == null) {
            return;
        }
        SecurityContext context = securityContext == null ? LiveAccess.capture() : securityContext;
        Executor live = LiveAccess.in(ui, context);
        subscription = broadcaster.subscribeThread(t.id(), signal -> live.execute(() -> on(signal)));
    }

    /** A committed change of this thread, made by anyone (this reader included). */
    void on(DiscussionSignal signal) {
        ThreadDetails t = thread;
        if (t == null || signal.threadId() != t.id()) {
            return;
        }
        switch (signal.kind()) {
            case POST_CREATED -> {
                PostView post = signal.post();
                if (post == null || cards.containsKey(post.seq())) {
                    return;
                }
                boolean atEnd = cards.isEmpty() || cards.lastKey() >= post.seq() - 1;
                thread = new ThreadDetails(t.id(), t.commissionId(), t.commissionCode(), t.title(), t.anchorType(),
                        t.anchorId(), t.anchorLabel(), t.pinned(), t.locked(), Math.max(t.lastSeq(), post.seq()),
                        t.firstUnreadSeq(), t.watchLevel(), t.mayPost(), t.mayModerate(), t.readerId(), t.version());
                if (atEnd) {
                    append(List.of(post));
                } else {
                    updateButtons();
                    newPosts.setText(getTranslation("discussion.new-posts"));
                    newPosts.setVisible(true);
                    later.setVisible(false);
                }
            }
            case POST_CHANGED -> {
                Long postId = signal.postId();
                cards.values().stream().filter(c -> postId != null && c.post().id() == postId).findFirst()
                        .ifPresent(c -> c.update(discussions.post(postId), t.readerId(), t.mayPost(),
                                t.mayModerate(), this));
            }
            case THREAD_CHANGED -> {
                thread = discussions.thread(t.id());
                refreshHeader();
                refreshCards();
            }
        }
    }

    // --- actions of the post cards

    @Override
    public void reply(PostView post) {
        setReplyTo(post);
        if (composer != null) {
            composer.focus();
        }
    }

    @Override
    public void quote(PostView post) {
        setReplyTo(post);
        if (composer != null) {
            composer.quote(post.authorName(), post.source());
        }
    }

    @Override
    public void edit(PostView post) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("discussion.edit.title"));
        var text = new TextArea(getTranslation("discussion.post"));
        text.setId("edit-body");
        text.setWidth("40rem");
        text.setMaxLength(limits.maxPostLength());
        text.setValue(post.source());
        var save = new Button(getTranslation("common.save"), e -> {
            if (Feedback.run(this, () -> discussions.edit(post.id(), post.version(), text.getValue()))) {
                dialog.close();
                reloadCard(post.seq(), post.id());
            }
        });
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(text);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    @Override
    public void delete(PostView post) {
        ConfirmDelete.open(this, getTranslation("discussion.post.this"), () -> {
            if (Feedback.run(this, () -> discussions.delete(post.id()))) {
                reloadCard(post.seq(), post.id());
            }
        });
    }

    @Override
    public void react(PostView post, Reaction reaction) {
        if (Feedback.run(this, () -> discussions.react(post.id(), reaction))) {
            reloadCard(post.seq(), post.id());
        }
    }

    @Override
    public void hide(PostView post) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("discussion.hide.title"));
        var reason = new TextField(getTranslation("discussion.hide.reason"));
        reason.setId("hide-reason");
        reason.setWidth("30rem");
        reason.setMaxLength(ModerationService.MAX_REASON);
        var confirm = new Button(getTranslation("discussion.hide"), e -> {
            if (Feedback.run(this, () -> moderation.hide(post.id(), reason.getValue()))) {
                dialog.close();
                reloadCard(post.seq(), post.id());
            }
        });
        confirm.setId("hide-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public void show(PostView post) {
        if (Feedback.run(this, () -> moderation.show(post.id()))) {
            reloadCard(post.seq(), post.id());
        }
    }

    @Override
    public void history(PostView post) {
        List<PostRevisionView> revisions = moderation.history(post.id());
        var dialog = new Dialog();
        dialog.setId("history-dialog");
        dialog.setHeaderTitle(getTranslation("discussion.history.title", post.seq()));
        var list = new VerticalLayout();
        for (PostRevisionView r : revisions) {
            var when = new Span(getTranslation("discussion.history.revision",
                    PostCard.format(r.writtenAt(), getLocale()), PostCard.format(r.replacedAt(), getLocale())));
            var body = new Pre(r.body());
            body.addClassName("tcw-revision");
            list.add(when, body);
        }
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private void openMove() {
        ThreadDetails t = current();
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("discussion.move.title"));
        Select<AnchorType> type = new Select<>();
        type.setId("move-type");
        type.setLabel(getTranslation("discussion.move.type"));
        type.setItems(AnchorType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("discussion.move.none"));
        type.setItemLabelGenerator(a -> a == null ? getTranslation("discussion.move.none")
                : getTranslation("discussion.anchor-type." + a.name()));
        type.setValue(t.anchorType());
        var anchorId = new IntegerField(getTranslation("discussion.move.id"));
        anchorId.setId("move-id");
        anchorId.setMin(1);
        if (t.anchorId() != null) {
            anchorId.setValue(t.anchorId().intValue());
        }
        var confirm = new Button(getTranslation("discussion.move"), e -> {
            boolean ok = Feedback.run(this, () -> {
                AnchorType chosen = type.getValue();
                if (chosen != null && anchorId.getValue() == null) {
                    throw new org.issa.tcw.base.UserFacingException("validation.required",
                            new org.issa.tcw.base.Checks.FieldName("discussion.move.id"));
                }
                // the server checks the anchor and takes its label from the record
                moderation.move(t.id(), chosen == null ? null : Anchor.to(chosen, anchorId.getValue()));
            });
            if (ok) {
                dialog.close();
                thread = discussions.thread(t.id());
                refreshHeader();
            }
        });
        confirm.setId("move-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(type, anchorId));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void reloadCard(long seq, long postId) {
        ThreadDetails t = current();
        PostCard card = cards.get(seq);
        if (card != null) {
            card.update(discussions.post(postId), t.readerId(), t.mayPost(), t.mayModerate(), this);
        }
    }

    private Span badge(String key, String id) {
        var s = new Span(getTranslation(key));
        s.getElement().getThemeList().add("badge contrast");
        s.setId(id);
        return s;
    }

    private ThreadDetails current() {
        ThreadDetails t = thread;
        if (t == null) {
            throw new IllegalStateException("No thread");
        }
        return t;
    }

    private static @Nullable Long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return (thread == null ? getTranslation("discussion.title.plural") : thread.title()) + " · "
                + getTranslation("app.title");
    }
}
