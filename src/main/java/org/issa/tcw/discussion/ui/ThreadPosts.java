package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.discussion.ThreadDetails;
import org.jspecify.annotations.Nullable;

/**
 * The posts of an open thread, a page at a time: which page opens (around the reader's first
 * unread post or a linked one), the first {@value #FIRST} posts sent with the first response and
 * the rest of the page attached when the browser has painted them, earlier and later pages, and
 * live posts merged in sequence order. The components it owns are placed by {@link ThreadView}.
 */
final class ThreadPosts {

    static final int PAGE = 30;
    /** Posts sent with the first response when a thread is opened. */
    static final int FIRST = 10;
    /** The DOM event the browser fires once it has painted the first posts. */
    static final String PAINTED_EVENT = "tcw-first-posts-painted";

    private final DiscussionService discussions;
    private final Supplier<ThreadDetails> thread;
    private final PostCard.Actions actions;
    private final Runnable laterShown;
    private final TreeMap<Long, PostCard> cards = new TreeMap<>();
    /** Cards of the opened page not yet attached: sent after the browser painted the first ones. */
    private final List<PostCard> deferred = new ArrayList<>();
    private final Div box = new Div();
    private final Button earlier = new Button();
    private final Button later = new Button();
    private final Button newPosts = new Button();
    private long focusSeq;

    /** {@code laterShown}: run when the reader asked for later posts (they have now seen them). */
    ThreadPosts(DiscussionService discussions, Supplier<ThreadDetails> thread, PostCard.Actions actions,
            Runnable laterShown) {
        this.discussions = discussions;
        this.thread = thread;
        this.actions = actions;
        this.laterShown = laterShown;
        box.setId("posts");
        // every post's action row, together one Tab stop (arrows inside): the reply box stays a
        // few Tabs from the title however many posts there are
        org.issa.tcw.base.ui.Keyboard.rovingGroups(box);
        box.setWidthFull();
        earlier.setId("load-earlier");
        earlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        earlier.addClickListener(e -> loadEarlier());
        later.setId("load-later");
        later.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        later.addClickListener(e -> loadLater());
        newPosts.setId("new-posts");
        newPosts.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        newPosts.addClickListener(e -> loadLater());
    }

    /** In page order: the "earlier" button, the posts, the "later" and "new posts" buttons. */
    Component[] components() {
        return new Component[] {earlier, box, later, newPosts};
    }

    /**
     * Opens the page around {@code target} (a linked post), else around the first unread post,
     * else the last page. Returns whether cards were held back for {@link #showRest()}.
     */
    boolean open(@Nullable Long target) {
        ThreadDetails t = thread.get();
        clear();
        long start = target != null ? Math.max(1, Math.min(target, t.lastSeq()))
                : t.firstUnreadSeq() > 0 ? t.firstUnreadSeq() : Math.max(1, t.lastSeq() - PAGE + 1);
        List<PostView> page = new ArrayList<>();
        List<PostView> from = discussions.postsFrom(t.id(), start, PAGE);
        if (start > 1 && from.size() < PAGE) {
            page.addAll(discussions.postsBefore(t.id(), start, PAGE - from.size()));
        }
        page.addAll(from);
        focusSeq = target != null ? start : t.firstUnreadSeq();
        openPage(page);
        PostCard card = cards.get(focusSeq);
        if (card != null && focusSeq > cards.firstKey()) {
            card.getElement().callJsFunction("scrollIntoView");
        }
        if (card != null) {
            card.addClassName("tcw-post-focus");
        }
        return !deferred.isEmpty();
    }

    /** Shows the first {@link #FIRST} posts of the page from the focused one (or the top) and defers the others. */
    private void openPage(List<PostView> page) {
        int from = 0;
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i).seq() == focusSeq) {
                from = i;
            }
        }
        int to = Math.min(page.size(), from + FIRST);
        for (int i = 0; i < page.size(); i++) {
            PostCard card = card(page.get(i));
            if (i >= from && i < to) {
                box.add(card);
            } else {
                deferred.add(card);
            }
        }
        updateButtons();
    }

    /** Attaches the cards of the opened page that were held back from the first response, in order. */
    void showRest() {
        if (deferred.isEmpty()) {
            return;
        }
        long firstShown = box.getChildren().filter(PostCard.class::isInstance).map(PostCard.class::cast)
                .mapToLong(PostCard::seq).min().orElse(Long.MAX_VALUE);
        int index = 0;
        for (PostCard card : deferred) {
            if (card.seq() < firstShown) {
                box.addComponentAtIndex(index++, card);
            } else {
                box.add(card);
            }
        }
        deferred.clear();
        PostCard focused = cards.get(focusSeq);
        if (index > 0 && focused != null) {
            // posts were inserted above the focused one: keep it where the reader sees it
            focused.getElement().callJsFunction("scrollIntoView");
        }
    }

    /** Shows a post the reader just wrote: after the last one, or the page ending with it. */
    void written(PostView post) {
        if (cards.isEmpty() || cards.lastKey() == post.seq() - 1) {
            append(List.of(post));
        } else {
            clear();
            append(discussions.postsFrom(thread.get().id(), Math.max(1, post.seq() - PAGE + 1), PAGE));
        }
        updateButtons();
        PostCard card = cards.get(post.seq());
        if (card != null) {
            card.getElement().callJsFunction("scrollIntoView");
        }
    }

    /**
     * Merges a post that someone wrote while the page is open: appended when the reader is at the
     * end, otherwise announced by the "new posts" button.
     */
    void arrived(PostView post) {
        if (cards.containsKey(post.seq())) {
            return;
        }
        if (cards.isEmpty() || cards.lastKey() >= post.seq() - 1) {
            append(List.of(post));
        } else {
            updateButtons();
            newPosts.setText(box.getTranslation("discussion.new-posts"));
            newPosts.setVisible(true);
            later.setVisible(false);
        }
    }

    boolean has(long seq) {
        return cards.containsKey(seq);
    }

    /** The last sequence number shown (0 when none). */
    long lastShown() {
        return cards.isEmpty() ? 0 : cards.lastKey();
    }

    private void loadLater() {
        append(discussions.postsFrom(thread.get().id(), lastShown() + 1, PAGE));
        laterShown.run();
    }

    private void loadEarlier() {
        if (!cards.isEmpty()) {
            prepend(discussions.postsBefore(thread.get().id(), cards.firstKey(), PAGE));
        }
    }

    private void append(List<PostView> posts) {
        showRest();
        for (PostView p : posts) {
            if (!cards.containsKey(p.seq())) {
                box.add(card(p));
            }
        }
        updateButtons();
    }

    private void prepend(List<PostView> posts) {
        showRest();
        int index = 0;
        for (PostView p : posts) {
            if (!cards.containsKey(p.seq())) {
                box.addComponentAtIndex(index++, card(p));
            }
        }
        updateButtons();
    }

    private PostCard card(PostView p) {
        ThreadDetails t = thread.get();
        PostCard card = new PostCard(p, t.readerId(), t.mayPost(), t.mayModerate(), actions);
        cards.put(p.seq(), card);
        return card;
    }

    /** Shows one post again as the reader sees it now (after an edit, reaction, hiding, …). */
    void reload(long seq, long postId) {
        PostCard card = cards.get(seq);
        if (card != null) {
            update(card, discussions.post(postId));
        }
    }

    /** Shows one post again when its id is on the page (a live change). */
    void reloadPost(long postId) {
        cards.values().stream().filter(c -> c.post().id() == postId).findFirst()
                .ifPresent(c -> update(c, discussions.post(postId)));
    }

    /** Updates the cards' buttons after the reader's rights or the thread's state changed. */
    void refresh() {
        cards.values().forEach(c -> update(c, c.post()));
    }

    private void update(PostCard card, PostView post) {
        ThreadDetails t = thread.get();
        card.update(post, t.readerId(), t.mayPost(), t.mayModerate(), actions);
    }

    void updateButtons() {
        long first = cards.isEmpty() ? 1 : cards.firstKey();
        long last = lastShown();
        earlier.setText(box.getTranslation("discussion.load-earlier", first - 1));
        earlier.setVisible(first > 1);
        long lastSeq = Math.max(thread.get().lastSeq(), last);
        later.setText(box.getTranslation("discussion.load-later", lastSeq - last));
        newPosts.setVisible(false);
        later.setVisible(last < lastSeq);
        if (cards.isEmpty()) {
            var none = new Paragraph(box.getTranslation("discussion.no-posts"));
            none.setId("no-posts");
            box.add(none);
        }
    }

    private void clear() {
        cards.clear();
        deferred.clear();
        box.removeAll();
    }
}
