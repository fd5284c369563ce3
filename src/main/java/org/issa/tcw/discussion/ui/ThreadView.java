package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.concurrent.Executor;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.discussion.DiscussionBroadcaster;
import org.issa.tcw.discussion.DiscussionLimits;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.DiscussionSignal;
import org.issa.tcw.discussion.ModerationService;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.discussion.Reaction;
import org.issa.tcw.discussion.ReadingService;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.discussion.ThreadDetails;
import org.issa.tcw.discussion.WatchLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;

/**
 * One thread: its posts (paged by {@link ThreadPosts}), a composer to reply or quote, live updates
 * while open, and the moderators' tools (dialogs in {@link PostDialogs}).
 *
 * <p>Opening sends only the first {@value ThreadPosts#FIRST} posts from the focused one to the
 * browser; the rest of the page (already loaded, with the same queries) is attached when the
 * browser reports that it has painted those (the DOM event {@value ThreadPosts#PAINTED_EVENT},
 * {@link #showRestOfPage()}), so the first response is small (docs/benchmarks-discussion.md,
 * browser time to first paint).
 */
@Route("discussions/:id")
@PermitAll
@CssImport("./styles/discussion.css")
class ThreadView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, PostCard.Actions {

    static final int PAGE = ThreadPosts.PAGE;
    static final int FIRST = ThreadPosts.FIRST;

    /** At most this many posts are fetched at once after this node may have missed some. */
    private static final int MISSED_POSTS = 50;

    private final DiscussionService discussions;
    private final ModerationService moderation;
    private final ReadingService reading;
    private final DiscussionBroadcaster broadcaster;
    private final DiscussionLimits limits;

    private @Nullable ThreadDetails thread;
    private final ThreadPosts posts;
    private final Div header = new Div();
    private final Div composerBox = new Div();
    private @Nullable MarkdownComposer composer;
    private @Nullable PostView replyTo;
    private final Span replyingTo = new Span();
    private @Nullable Subscription subscription;
    private @Nullable SecurityContext securityContext;
    private long readUpTo;

    ThreadView(DiscussionService discussions, ModerationService moderation, ReadingService reading,
            DiscussionBroadcaster broadcaster, DiscussionLimits limits) {
        this.discussions = discussions;
        this.moderation = moderation;
        this.reading = reading;
        this.broadcaster = broadcaster;
        this.limits = limits;
        this.posts = new ThreadPosts(discussions, this::current, this, this::markRead);
        addClassName("tcw-page");
        addClassName("tcw-thread");
        header.setWidthFull();
        composerBox.setWidthFull();
        // a public, inert-allowed listener: a modal dialog may open in the moment before the event
        getElement().addEventListener(ThreadPosts.PAINTED_EVENT, e -> showRestOfPage()).allowInert();
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
        readUpTo = 0;
        add(header);
        add(posts.components());
        add(composerBox);
        refreshHeader();
        if (posts.open(target)) {
            // after the first posts are painted: an event fired from a task of the next animation frame
            getElement().executeJs("const view = this; requestAnimationFrame(() => setTimeout(() =>"
                    + " view.dispatchEvent(new CustomEvent($0))));", ThreadPosts.PAINTED_EVENT);
        }
        markRead();
        securityContext = LiveAccess.capture();
        if (getUI().isPresent()) {
            subscribe(getUI().get());
        }
    }

    /** Attaches the cards of the opened page that were held back from the first response. */
    void showRestOfPage() {
        posts.showRest();
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
        toolbar.setId("thread-toolbar");
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setWrap(true);
        Select<WatchLevel> watch = WatchLevels.select(this, "watch-level", "discussion.watch.thread");
        watch.setValue(t.watchLevel());
        watch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                Feedback.run(this, () -> reading.watch(t.id(), e.getValue()));
            }
        });
        toolbar.add(watch);
        if (t.mayModerate()) {
            var move = new Button(getTranslation("discussion.move"),
                    e -> PostDialogs.move(this, moderation, t, this::threadChanged));
            move.setId("move");
            move.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var pin = tool("pin", t.pinned() ? "discussion.unpin" : "discussion.pin",
                    () -> moderation.pin(t.id(), !t.pinned()));
            var lock = tool("lock", t.locked() ? "discussion.unlock" : "discussion.lock",
                    () -> moderation.lock(t.id(), !t.locked()));
            for (Button b : new Button[] {pin, lock, move}) {
                b.addClassName("tcw-wide-only");
            }
            toolbar.add(pin, lock, move, moderationMenu(pin, lock, move));
        }
        header.add(back, title, badges, toolbar);
        refreshComposer();
    }

    /** On a phone the moderators' buttons are one menu (CSS shows either the buttons or the menu). */
    private MenuBar moderationMenu(Button... tools) {
        var menu = new MenuBar();
        menu.setId("moderation-menu");
        menu.addClassName("tcw-narrow-only");
        menu.addThemeVariants(com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_SMALL);
        var root = menu.addItem(getTranslation("discussion.moderate"));
        for (Button tool : tools) {
            root.getSubMenu().addItem(tool.getText(), e -> tool.click());
        }
        return menu;
    }

    private Button tool(String id, String key, Runnable action) {
        var b = new Button(getTranslation(key), e -> {
            if (Feedback.run(this, action)) {
                threadChanged();
            }
        });
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** Reads the thread again and shows what changed (pinned, locked, moved, the reader's rights). */
    private void threadChanged() {
        thread = discussions.thread(current().id());
        refreshHeader();
        posts.refresh();
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
            thread = discussions.thread(t.id());
            posts.written(written[0]);
        }
    }

    private void markRead() {
        long last = posts.lastShown();
        if (last > readUpTo) {
            readUpTo = last;
            reading.markRead(current().id(), readUpTo);
        }
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
        var signals = broadcaster.subscribeThread(t.id(), signal -> live.execute(() -> on(signal)));
        var resumes = broadcaster.onResume(() -> live.execute(this::resumed));
        subscription = () -> {
            signals.cancel();
            resumes.cancel();
        };
    }

    /** A committed change of this thread, made by anyone (this reader included). */
    void on(DiscussionSignal signal) {
        ThreadDetails t = thread;
        if (t == null || signal.threadId() != t.id()) {
            return;
        }
        switch (signal.kind()) {
            case POST_CREATED -> {
                Long postId = signal.postId();
                // from another node of a cluster the signal carries the post's id only
                PostView post = signal.post() != null ? signal.post()
                        : postId != null ? discussions.post(postId) : null;
                if (post == null || posts.has(post.seq())) {
                    return;
                }
                thread = new ThreadDetails(t.id(), t.commissionId(), t.commissionCode(), t.title(), t.anchorType(),
                        t.anchorId(), t.anchorLabel(), t.pinned(), t.locked(), Math.max(t.lastSeq(), post.seq()),
                        t.firstUnreadSeq(), t.watchLevel(), t.mayPost(), t.mayModerate(), t.readerId(), t.version());
                posts.arrived(post);
            }
            case POST_CHANGED -> {
                Long postId = signal.postId();
                if (postId != null) {
                    posts.reloadPost(postId);
                }
            }
            case THREAD_CHANGED -> threadChanged();
        }
    }

    /** This node may have missed signals from other nodes: read the thread and its new posts again. */
    private void resumed() {
        ThreadDetails t = thread;
        if (t == null) {
            return;
        }
        threadChanged();
        for (PostView post : discussions.postsFrom(t.id(), posts.lastShown() + 1, MISSED_POSTS)) {
            on(new DiscussionSignal(DiscussionSignal.Kind.POST_CREATED, t.commissionId(), t.id(), post.id(), post));
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
        PostDialogs.edit(this, discussions, limits.maxPostLength(), post, () -> posts.reload(post.seq(), post.id()));
    }

    @Override
    public void delete(PostView post) {
        ConfirmDelete.open(this, getTranslation("discussion.post.this"), () -> {
            if (Feedback.run(this, () -> discussions.delete(post.id()))) {
                posts.reload(post.seq(), post.id());
            }
        });
    }

    @Override
    public void react(PostView post, Reaction reaction) {
        if (Feedback.run(this, () -> discussions.react(post.id(), reaction))) {
            posts.reload(post.seq(), post.id());
        }
    }

    @Override
    public void hide(PostView post) {
        PostDialogs.hide(this, moderation, post, () -> posts.reload(post.seq(), post.id()));
    }

    @Override
    public void show(PostView post) {
        if (Feedback.run(this, () -> moderation.show(post.id()))) {
            posts.reload(post.seq(), post.id());
        }
    }

    @Override
    public void history(PostView post) {
        PostDialogs.history(this, getLocale(), moderation, post);
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
