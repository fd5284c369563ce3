package org.issa.tcw.documents.comments.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.discussion.ui.DiscussionPanels;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.documents.comments.CommentBroadcaster;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentCommentList;
import org.issa.tcw.documents.comments.DocumentComments;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The comments of a document, in the side column next to its editor: the threads in the order of
 * their text (the editor tells it, see frontend/tcw-comments.ts; detached ones last), each with its
 * replies, a reply box and resolve / reopen; a filter open / resolved / all; the "Comment" button
 * (also Ctrl+Alt+M and the editor's toolbar) for the selected text. Live: every committed change to
 * the document's comments refreshes every open panel. The panel keeps the list (reading, filter,
 * order, batches); {@link CommentCards} builds the cards and keeps the replies being written,
 * {@link NewCommentForm} is the form of a new comment.
 *
 * <p>The panel is filled in after the document's content is on the screen (ADR 028): the page's
 * first response carries no comment (neither cards nor the editor's anchors); when the editor's
 * element reports {@link CommentPanels#CONTENT_PAINTED} (the browser painted the frame with the content), the
 * comments are read on a virtual thread with the reader's security context and shown with
 * {@code UI.access} over push. Until then the list says it is loading ({@code aria-busy}).
 */
@CssImport("./tcw-comments.css")
public class CommentPanel extends Div {

    /** Which comments the panel lists. */
    enum Filter {
        OPEN, RESOLVED, ALL
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(CommentPanel.class);
    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    /** Cards rendered per round trip. */
    static final int BATCH = 40;

    private final DocumentComments comments;
    private final DiscussionPanels discussion;
    private final CommentBroadcaster broadcaster;
    private final long documentId;
    private final Element editor;
    private final NewCommentForm form;
    private final CommentCards cardMaker;
    private final Div list = new Div();
    private final Button add;
    private final RadioButtonGroup<Filter> filter = new RadioButtonGroup<>();
    /** The cards shown, and what each showed when it was built. */
    private final Map<Long, Div> cards = new HashMap<>();
    private final Map<Long, List<Object>> cardStates = new HashMap<>();
    /** Null until the first reading arrived (after the content was painted). */
    private @Nullable DocumentCommentList data;
    private final Paragraph loading = new Paragraph();
    private boolean reading;
    /** Ids in the order of the document (from the editor); detached ones among them last. */
    private List<Long> order = List.of();
    private Set<Long> detached = Set.of();
    private @Nullable Long active;
    private @Nullable Subscription subscription;
    /** How many cards are rendered now (grows by {@link #BATCH} per round trip). */
    private int limit = BATCH;
    private int remaining;
    private boolean moreRequested;

    public CommentPanel(DocumentComments comments, DiscussionPanels discussion, CommentBroadcaster broadcaster,
            long documentId, Element editor, @Nullable Long focus) {
        this.comments = comments;
        this.discussion = discussion;
        this.broadcaster = broadcaster;
        this.documentId = documentId;
        this.editor = editor;
        this.active = focus;
        setId("comment-panel");
        addClassName("tcw-comment-panel");

        var title = new H3(getTranslation("comments.title"));
        add = new Button(getTranslation("comments.add"), e -> startComment());
        add.setId("comment-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.setTooltipText(getTranslation("comments.add.hint"));
        add.setVisible(false); // until the reading says whether this reader may comment
        var top = new Div(title, add);
        top.addClassName("tcw-comment-top");

        filter.setId("comment-filter");
        filter.setAriaLabel(getTranslation("comments.filter"));
        filter.setItems(Filter.values());
        filter.setItemLabelGenerator(f -> getTranslation("comments.filter." + f.name()));
        filter.setValue(Filter.OPEN);
        filter.addValueChangeListener(e -> render());

        form = new NewCommentForm(comments, discussion, documentId, id -> {
            active = id;
            refresh();
            activate(id, true);
        }, add::focus);
        cardMaker = new CommentCards(this, this::getLocale, comments, discussion, this::render, this::refresh,
                id -> activate(id, true));

        list.setId("comment-list");
        list.addClassName("tcw-comment-list");
        list.getElement().setAttribute("aria-busy", "true");
        loading.setId("comments-loading");
        loading.setText(getTranslation("comments.loading"));
        list.add(loading);
        add(top, form, list); // the filter follows the first reading (ADR 092)
        editor.addEventListener(CommentPanels.CONTENT_PAINTED, e -> load());

        editor.addEventListener("comment-order", e -> {
            List<Long> nextOrder = ids(e.getEventData().get("event.detail.order").asString());
            Set<Long> nextDetached = new HashSet<>(ids(e.getEventData().get("event.detail.detached").asString()));
            if (!nextOrder.equals(order) || !nextDetached.equals(detached)) {
                order = nextOrder;
                detached = nextDetached;
                render();
            }
        }).addEventData("event.detail.order").addEventData("event.detail.detached");
        editor.addEventListener("comment-clicked",
                e -> activate((long) e.getEventData().get("event.detail.id").asDouble(), false))
                .addEventData("event.detail.id");
        editor.addEventListener("comment-requested", e -> startComment());
        editor.addEventListener("comment-reanchor", e -> reanchor((long) e.getEventData().get("event.detail.id").asDouble(),
                e.getEventData().get("event.detail.from").asString(), e.getEventData().get("event.detail.to").asString()))
                .addEventData("event.detail.id").addEventData("event.detail.from").addEventData("event.detail.to");
    }

    /**
     * The first reading, off the request thread (the content is on the screen by now): the comments
     * and the reader's rights, then the anchors to the editor and the first cards.
     */
    private void load() {
        if (data != null || reading) {
            return;
        }
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return;
        }
        reading = true;
        CompletableFuture.supplyAsync(() -> comments.list(documentId), new DelegatingSecurityContextExecutor(EXECUTOR))
                .whenComplete((fresh, failure) -> ui.access(() -> {
                    reading = false;
                    if (failure == null) {
                        loaded(fresh);
                    } else {
                        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                        if (!(cause instanceof AccessDeniedException)) {
                            log.error("Document {}: reading its comments failed", documentId, cause);
                            Feedback.error(getTranslation("error.unexpected", "-"));
                        }
                    }
                }));
    }

    private void loaded(DocumentCommentList fresh) {
        if (filter.getParent().isEmpty()) {
            addComponentAtIndex(1, filter);
        }
        list.remove(loading);
        list.getElement().removeAttribute("aria-busy");
        add.setVisible(fresh.mayComment());
        show(fresh);
        Long focus = active;
        if (focus != null) {
            activate(focus, true);
        }
    }

    /** Whether the first reading has been shown (tests). */
    boolean loaded() {
        return data != null;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Executor live = LiveAccess.in(ui);
        subscription = broadcaster.subscribe(documentId, signal -> live.execute(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        super.onDetach(event);
    }

    /** Reads the comments again (a change was committed, by anyone). */
    void refresh() {
        if (data == null) {
            load(); // not read yet: the first reading shows what is committed now
            return;
        }
        show(comments.list(documentId));
    }

    private void show(DocumentCommentList fresh) {
        data = fresh;
        ArrayNode anchors = JSON.createArrayNode();
        for (CommentView c : fresh.comments()) {
            ObjectNode a = anchors.addObject();
            a.put("id", c.id());
            a.put("from", c.from());
            a.put("to", c.to());
            a.put("resolved", c.resolved());
            a.put("quote", c.quote());
        }
        editor.callJsFunction("setComments", anchors.toString());
        render();
    }

    /**
     * The editor found a detached comment's text where it was (its paragraph was joined to the one
     * before): the server moves the anchor if it agrees. Every open editor notices the same
     * detachment, so refusals (someone else moved it first, or the text is not the quote) are
     * expected and silent.
     */
    private void reanchor(long id, String from, String to) {
        DocumentCommentList data = this.data;
        if (data == null || !data.mayComment()) {
            return;
        }
        try {
            comments.reanchor(id, from, to);
        } catch (UserFacingException | AccessDeniedException refused) {
            // already moved by another editor, or not its text: the comment stays as it is
        }
    }

    // ---------- a new comment ----------

    private void startComment() {
        DocumentCommentList data = this.data;
        if (data == null || !data.mayComment()) {
            return;
        }
        editor.executeJs("return this.selectionAnchor().then(a => a ? JSON.stringify(a) : '')")
                .then(String.class, json -> {
                    if (json == null || json.isEmpty()) {
                        Feedback.error(getTranslation("comments.select-first"));
                        return;
                    }
                    JsonNode a = JSON.readTree(json);
                    form.open(new NewCommentForm.Anchor(a.get("from").asString(), a.get("to").asString(),
                            a.get("quote").asString()), data.commissionId());
                });
    }

    // ---------- the list ----------

    /**
     * Shows the listed comments. Cheap with hundreds of comments: a card is built only when what it
     * shows changed, the children are touched only where they differ, and only the first
     * {@link #limit} cards are rendered at once; the rest follow in batches of {@link #BATCH}, one
     * round trip each, after the browser painted the previous ones (see {@link #moreComments()}), so
     * the document's content is never held up by the side panel.
     */
    private void render() {
        DocumentCommentList data = this.data;
        if (data == null) {
            return; // not read yet
        }
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        List<CommentView> shown = new ArrayList<>();
        Filter f = filter.getValue() == null ? Filter.OPEN : filter.getValue();
        for (CommentView c : data.comments()) {
            if (f == Filter.ALL || (f == Filter.RESOLVED) == c.resolved()) {
                shown.add(c);
            }
        }
        // known places first (the editor's order), then comments the editor has not placed yet
        shown.sort(Comparator.comparing((CommentView c) -> rank.getOrDefault(c.id(), Integer.MAX_VALUE))
                .thenComparing(CommentView::id));
        if (active != null) {
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).id() == active) {
                    limit = Math.max(limit, i + 1);
                }
            }
        }
        // a card is built again only when what it shows changed (a reply being written stays as it is)
        List<Component> next = new ArrayList<>();
        Map<Long, Div> kept = new HashMap<>();
        for (CommentView c : shown.subList(0, Math.min(limit, shown.size()))) {
            List<Object> state = List.of(c, detached.contains(c.id()), cardMaker.drafting(c.id()));
            Div card = cards.get(c.id());
            if (card == null || !state.equals(cardStates.get(c.id()))) {
                card = cardMaker.card(c, data, detached.contains(c.id()));
                cardStates.put(c.id(), state);
            }
            card.getElement().getClassList().set("active", Long.valueOf(c.id()).equals(active));
            kept.put(c.id(), card);
            next.add(card);
        }
        cards.keySet().retainAll(kept.keySet());
        cards.putAll(kept);
        cardStates.keySet().retainAll(kept.keySet());
        if (shown.isEmpty()) {
            var none = new Paragraph(getTranslation(data.comments().isEmpty() ? "comments.none" : "comments.none-here"));
            none.setId("comment-none");
            next.add(none);
        }
        replaceChildren(next);
        remaining = shown.size() - Math.min(limit, shown.size());
        if (remaining > 0 && !moreRequested) {
            moreRequested = true;
            // after the browser painted what it has (the editor's content first), ask for the next batch
            getElement().executeJs("const el = this; requestAnimationFrame(() => setTimeout(() => "
                    + "el.$server && el.$server.moreComments(), 0))");
        }
    }

    /** Makes the list's children exactly {@code next}, moving, adding and removing only what differs. */
    private void replaceChildren(List<Component> next) {
        List<Component> now = list.getChildren().toList();
        if (now.equals(next)) {
            return;
        }
        Set<Component> wanted = new HashSet<>(next);
        for (Component c : now) {
            if (!wanted.contains(c)) {
                list.remove(c);
            }
        }
        Element el = list.getElement();
        for (int i = 0; i < next.size(); i++) {
            Element want = next.get(i).getElement();
            if (i < el.getChildCount() && el.getChild(i).equals(want)) {
                continue;
            }
            el.insertChild(i, want); // moves it when it is further down
        }
    }

    /** The next batch of cards (the browser asks once it painted the previous one). */
    @ClientCallable
    void moreComments() {
        moreRequested = false;
        if (remaining > 0) {
            limit += BATCH;
            render();
        }
    }

    /** Highlights a comment in the panel and, when asked, its range in the text. */
    void activate(long id, boolean inText) {
        active = id;
        DocumentCommentList data = this.data;
        if (data == null) {
            return; // shown (and put into view) when the comments have been read
        }
        boolean resolved = data.comments().stream().anyMatch(c -> c.id() == id && c.resolved());
        if (resolved && filter.getValue() == Filter.OPEN) {
            filter.setValue(Filter.ALL);
        }
        if (!cards.containsKey(id)) {
            render(); // not rendered yet (further down than the batches so far): now it is
        }
        list.getChildren().forEach(card -> card.getElement().getClassList()
                .set("active", card.getId().map(("comment-" + id)::equals).orElse(false)));
        list.getChildren().filter(card -> card.getId().map(("comment-" + id)::equals).orElse(false)).findFirst()
                .ifPresent(card -> card.getElement().executeJs("this.scrollIntoView({block: 'nearest'})"));
        if (inText) {
            editor.callJsFunction("focusComment", (double) id);
        }
    }

    private static List<Long> ids(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
    }

    // ---------- for tests ----------

    /** The ids of the listed comments, top to bottom. */
    List<Long> listed() {
        return list.getChildren().filter(c -> c.getId().orElse("").matches("comment-\\d+"))
                .map(c -> Long.parseLong(c.getId().orElseThrow().substring("comment-".length()))).toList();
    }

    Filter filter() {
        return filter.getValue();
    }

    void filter(Filter value) {
        filter.setValue(value);
    }

    /** As if the editor reported the order of the comments' text. */
    void ordered(List<Long> ids, Set<Long> detachedIds) {
        order = List.copyOf(ids);
        detached = Set.copyOf(detachedIds);
        render();
    }

    @Nullable Long active() {
        return active;
    }
}
