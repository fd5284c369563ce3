package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.documents.comments.ui.SuggestionThreads;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.documents.suggestions.SuggestionView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * The suggestions of a document, in document order, for the side column of the document page:
 * author, time, kind and text of each; reviewers accept or reject one, all of one person or all;
 * authors withdraw their own. Every action is checked again by {@link SuggestionService}; the
 * result reaches every open editor as an ordinary update, and this list is refreshed when the
 * editor sees the suggestions change. The list is read off the request thread and filled in when it
 * arrives (a progress bar until then), so that the page and its editor open at once. Plain buttons: every action is reachable by keyboard.
 */
class SuggestionList extends Div {

    private static final Logger log = LoggerFactory.getLogger(SuggestionList.class);
    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    private final SuggestionService service;
    private final long documentId;
    private final boolean reviewer;
    private final Div items = new Div();
    private final Div bulk = new Div();
    private final Div history = new Div();
    /** Shown until the first reading of the suggestions arrives. */
    private final Div loading = new Div();
    private boolean reading;
    /** The comment a notification leads to, until its card has been selected. */
    private @Nullable Long focus;
    /** The suggestion a notification leads to ({@code ?suggestion=ID}), until its card has been selected. */
    private @Nullable String focusSuggestion;
    private boolean again;
    /** Completes when the last reading has been handed to the UI (tests). */
    CompletableFuture<?> running = CompletableFuture.completedFuture(null);
    private final @Nullable SuggestionThreads threads;
    private @Nullable List<SuggestionView> shown;
    private @Nullable Object shownThreads;
    /** Whether the browser painted the page's content; until then a reading is kept, not shown. */
    private boolean painted;
    private @Nullable List<SuggestionView> unshown;

    SuggestionList(SuggestionService service, long documentId) {
        this(service, documentId, null, null);
    }

    /**
     * With {@code threads}: each suggestion carries its comment thread (and past threads are listed);
     * {@code focus}: a comment (from a notification's link) whose suggestion's card is selected and
     * scrolled to once the list is read, or null.
     */
    SuggestionList(SuggestionService service, long documentId, @Nullable SuggestionThreads threads,
            @Nullable Long focus) {
        this.focus = focus;
        this.service = service;
        this.documentId = documentId;
        this.threads = threads;
        this.reviewer = service.mayReview(documentId);
        setId("suggestions");
        addClassName("tcw-suggestion-list");
        getElement().setAttribute("role", "region");
        H3 title = new H3(getTranslation("suggestions.title"));
        getElement().setAttribute("aria-label", getTranslation("suggestions.title"));
        items.setId("suggestion-items");
        bulk.addClassName("tcw-suggestion-bulk");
        loading.setId("suggestions-loading");
        loading.addClassName("tcw-suggestion-loading");
        var bar = new ProgressBar();
        bar.setIndeterminate(true);
        loading.add(new Span(getTranslation("suggestions.loading")), bar);
        add(title, loading, bulk, items, history);
        if (threads != null) {
            threads.live(this, this::threadsChanged);
        }
        addAttachListener(e -> refresh());
    }

    /**
     * Reads the suggestions again (the server's own reading of the stored document) on a virtual
     * thread with the reader's security context, and shows them in the UI when they are there
     * (server push): the page and the editor never wait for the engine. A refresh asked for while one
     * runs is made once after it.
     */
    void refresh() {
        UI ui = getUI().orElseGet(UI::getCurrent);
        if (ui == null) {
            return;
        }
        if (reading) {
            again = true;
            return;
        }
        reading = true;
        again = false;
        SuggestionThreads t = threads;
        // the first reading brings the threads too
        SuggestionThreads toRead = t != null && !t.isRead() ? t : null;
        running = CompletableFuture.supplyAsync(() -> new Reading(service.list(documentId),
                                toRead == null ? null : toRead.read()), new DelegatingSecurityContextExecutor(EXECUTOR))
                .whenComplete((read, failure) -> ui.access(() -> {
                    reading = false;
                    if (failure == null) {
                        if (t != null && read.threads() != null) {
                            t.use(read.threads());
                        }
                        List<SuggestionView> list = read.suggestions();
                        if (painted) {
                            loading.setVisible(false);
                            show(list);
                        } else {
                            unshown = list; // after the content (contentPainted)
                        }
                    } else {
                        loading.setVisible(false);
                        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                        if (cause instanceof UserFacingException u) {
                            Feedback.error(Feedback.message(this, u));
                        } else if (!(cause instanceof AccessDeniedException)) {
                            log.error("Document {}: reading its suggestions failed", documentId, cause);
                            Feedback.error(getTranslation("error.unexpected", "-"));
                        }
                    }
                    if (again) {
                        refresh();
                    }
                }));
    }

    /** A reading of the suggestions, and of their comment threads when they were not read yet. */
    private record Reading(List<SuggestionView> suggestions,
            org.issa.tcw.documents.comments.@Nullable SuggestionThreadList threads) {
    }

    /** Whether no reading is running or waiting to be shown (tests). */
    boolean settled() {
        return !reading && running.isDone() && unshown == null;
    }

    /**
     * The browser painted the page's content: from now on a reading is shown when it arrives (one
     * that arrived before is shown now). Until then the list's items would only compete with the
     * content for the browser's first frame.
     */
    void contentPainted() {
        painted = true;
        List<SuggestionView> list = unshown;
        if (list != null) {
            unshown = null;
            loading.setVisible(false);
            show(list);
        }
    }

    /** A thread changed (or a reply box opened): the suggestions are as they were, no need to read them again. */
    private void threadsChanged() {
        List<SuggestionView> list = shown;
        if (list == null) {
            refresh();
        } else {
            show(list);
        }
    }

    private void show(List<SuggestionView> list) {
        Object threadState = threads == null ? null : threads.state();
        if (list.equals(shown) && java.util.Objects.equals(threadState, shownThreads)) {
            return; // nothing changed: keep the buttons (and the keyboard focus) where they are
        }
        shown = list;
        shownThreads = threadState;
        items.removeAll();
        bulk.removeAll();
        history.removeAll();
        if (threads != null) {
            var past = threads.history(this, list.stream().map(SuggestionView::id).collect(Collectors.toSet()));
            if (past != null) {
                history.add(past);
            }
        }
        if (list.isEmpty()) {
            var empty = new Paragraph(getTranslation("suggestions.empty"));
            empty.setId("suggestions-empty");
            items.add(empty);
            selectFocused(list);
            return;
        }
        if (reviewer) {
            bulk.add(button("accept-all", getTranslation("suggestions.accept-all"), true,
                    () -> service.review(documentId, true, null, null)));
            bulk.add(button("reject-all", getTranslation("suggestions.reject-all"), false,
                    () -> service.review(documentId, false, null, null)));
            Map<Long, String> authors = new LinkedHashMap<>();
            list.forEach(s -> {
                if (s.authorId() != null) {
                    authors.putIfAbsent(s.authorId(), s.authorName() == null ? "#" + s.authorId() : s.authorName());
                }
            });
            authors.forEach((id, name) -> {
                bulk.add(button("accept-all-" + id, getTranslation("suggestions.accept-all-of", name), true,
                        () -> service.review(documentId, true, null, id)));
                bulk.add(button("reject-all-" + id, getTranslation("suggestions.reject-all-of", name), false,
                        () -> service.review(documentId, false, null, id)));
            });
        }
        int i = 0;
        for (SuggestionView s : list) {
            items.add(item(s, i++));
        }
        selectFocused(list);
    }

    /**
     * Selects and scrolls to the card of the suggestion a notification leads to (named by its link,
     * or the one whose thread holds the comment it leads to; its history card if the suggestion is
     * gone), once.
     */
    private void selectFocused(List<SuggestionView> list) {
        Long comment = focus;
        String suggestionId = focusSuggestion;
        focusSuggestion = null;
        if (suggestionId == null) {
            if (comment == null || threads == null) {
                return;
            }
            suggestionId = threads.suggestionOf(comment);
        }
        focus = null;
        if (suggestionId == null) {
            return;
        }
        String wanted = suggestionId;
        Stream.concat(items.getChildren(), history.getChildren().flatMap(Component::getChildren))
                .filter(card -> wanted.equals(card.getElement().getAttribute("data-suggestion-id")))
                .findFirst().ifPresent(card -> {
                    card.getElement().getClassList().add("active");
                    card.getElement().setAttribute("aria-current", "true");
                    card.getElement().setAttribute("tabindex", "-1");
                    card.getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus({preventScroll: true})");
                });
    }

    /** Selects and scrolls to this suggestion's card once the list is read (a notification's link). */
    void focusSuggestion(@Nullable String suggestionId) {
        this.focusSuggestion = suggestionId;
    }

    private Div item(SuggestionView s, int index) {
        var card = new Div();
        card.addClassName("tcw-suggestion-item");
        card.setId("suggestion-" + index);
        card.getElement().setAttribute("data-suggestion-id", s.id());
        String who = s.authorName() == null ? getTranslation("suggestions.unknown-author") : s.authorName();
        var head = new Div(new Span(who));
        head.addClassName("tcw-suggestion-head");
        if (s.madeAt() > 0) {
            var when = new Span(" · " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(getLocale()).withZone(UserZone.current()).format(Instant.ofEpochMilli(s.madeAt())));
            head.add(when);
        }
        String kinds = s.kinds().stream().map(k -> getTranslation("suggestions.kind." + k))
                .collect(Collectors.joining(", "));
        var kind = new Span(kinds);
        kind.addClassName("tcw-suggestion-kind");
        var text = new Div(new Span(excerpt(s.text())));
        text.addClassName("tcw-suggestion-text");
        card.add(head, kind, text);
        var actions = new Div();
        actions.addClassName("tcw-suggestion-actions");
        List<String> one = List.of(s.id());
        if (reviewer) {
            actions.add(button("accept-" + index, getTranslation("suggestions.accept"), true,
                    () -> service.review(documentId, true, one, null)));
            actions.add(button("reject-" + index, getTranslation("suggestions.reject"), false,
                    () -> service.review(documentId, false, one, null)));
        }
        if (s.mine()) {
            actions.add(button("withdraw-" + index, getTranslation("suggestions.withdraw"), false,
                    () -> service.withdraw(documentId, one)));
        }
        card.add(actions);
        if (threads != null) {
            card.add(threads.forSuggestion(this, s.id(), "suggestion-" + index));
        }
        return card;
    }

    private static String excerpt(@Nullable String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 140 ? t.substring(0, 140) + "…" : t;
    }

    /** An action that reports "done" or "nothing to change", and refreshes the list. */
    private Button button(String id, String label, boolean primary, java.util.function.BooleanSupplier action) {
        var b = new Button(label);
        b.setId("suggestion-" + id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, primary ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        b.addClickListener(e -> {
            boolean[] changed = {false};
            if (Feedback.run(this, () -> changed[0] = action.getAsBoolean())) {
                Feedback.success(getTranslation(changed[0] ? "suggestions.done" : "suggestions.nothing"));
            }
            refresh();
        });
        return b;
    }
}
