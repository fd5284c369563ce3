package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.ui.DiscussionPanels;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentHeader;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.comments.ui.CommentPanels;
import org.issa.tcw.documents.consultation.ui.ConsultationPanels;
import org.issa.tcw.documents.exchange.ui.ExchangeControls;
import org.issa.tcw.documents.versions.ui.VersionPanels;
import org.issa.tcw.documents.workflow.ui.WorkflowPanels;
import org.jspecify.annotations.Nullable;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * A document open in the co-authoring editor. Those who may only read it (observers, the
 * secretariat's read-only roles) get the same live view without the toolbar; the relay refuses
 * their changes anyway.
 */
@Route("documents/:id")
@PermitAll
class DocumentEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DocumentService documents;
    private final DocumentCollaboration collaboration;
    private final EditorSockets editorSockets;
    private final CurrentUser currentUser;
    private String title = "";
    CollaborativeEditor editor;
    H2 heading;

    private final DiscussionPanels discussionPanels;
    private final CommentPanels commentPanels;
    private final VersionPanels versionPanels;
    private final SuggestionService suggestions;
    private final DocumentPageDialogs dialogs;
    private final CommissionService commissions;
    private final ExchangeControls exchange;
    private final ConsultationPanels consultationPanels;
    private final WorkflowPanels workflowPanels;
    SuggestionList suggestionList;
    /** The column next to the editor: suggestions, comments and the History (versions). */
    Div side;

    @SuppressWarnings("NullAway.Init") // the fields are set in beforeEnter, before anything uses them
    DocumentEditorView(DocumentService documents, DocumentCollaboration collaboration, CurrentUser currentUser,
            DiscussionPanels discussionPanels, CommentPanels commentPanels, SuggestionService suggestions,
            DocumentPageDialogs dialogs, CommissionService commissions, ExchangeControls exchange,
            VersionPanels versionPanels, WorkflowPanels workflowPanels, ConsultationPanels consultationPanels,
            EditorSockets editorSockets) {
        this.editorSockets = editorSockets;
        this.consultationPanels = consultationPanels;
        this.workflowPanels = workflowPanels;
        this.exchange = exchange;
        this.discussionPanels = discussionPanels;
        this.versionPanels = versionPanels;
        this.commentPanels = commentPanels;
        this.suggestions = suggestions;
        this.dialogs = dialogs;
        this.commissions = commissions;
        this.documents = documents;
        this.collaboration = collaboration;
        this.currentUser = currentUser;
        addClassName("tcw-page");
        setWidthFull();
        setMaxWidth("96rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        DocumentHeader header;
        try {
            header = documents.open(id);
        } catch (AccessDeniedException e) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class, getTranslation("document.refused.read"));
            return;
        } catch (org.issa.tcw.base.NotFoundException e) {
            throw new NotFoundException();
        }
        title = header.title();
        removeAll();
        heading = new H2(header.title());
        heading.setId("document-title");
        var commission = new com.vaadin.flow.component.html.Anchor("commissions/" + header.commissionCode() + "/documents",
                header.commissionCode() + " · " + header.commissionName());
        commission.setId("document-commission");
        var kind = badge(getTranslation("document.kind." + header.kind().name()));
        var language = badge(getTranslation("document.language." + header.language().name()));
        var meta = new HorizontalLayout(commission, kind, language);
        meta.setAlignItems(FlexComponent.Alignment.CENTER);
        var top = new HorizontalLayout(heading);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(heading);
        top.add(exchange.download(header.id()));
        if (header.editable()) {
            top.add(exchange.replaceFromWord(header.id()));
        }
        if (header.editable()) {
            var details = new Button(getTranslation("document.details"), e -> openDetails(header.id()));
            details.setId("details");
            details.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            top.add(details);
        }
        if (suggestions.mayReview(header.id())) {
            var settings = new Button(getTranslation("suggestions.settings"), e -> dialogs.suggestOnly(header.id(),
                    commissions.details(header.commissionCode()).map(d -> d.members()).orElse(java.util.List.of())));
            settings.setId("suggest-only-settings");
            settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            top.add(settings);
        }
        if (header.deletable()) {
            var delete = new Button(getTranslation("common.delete"), e -> ConfirmDelete.open(this, header.title(),
                    () -> {
                        if (Feedback.run(this, () -> documents.delete(header.id()))) {
                            Feedback.success(getTranslation("documents.deleted"));
                            getUI().ifPresent(ui -> ui.navigate("commissions/" + header.commissionCode() + "/documents"));
                        }
                    }));
            delete.setId("delete");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            top.add(delete);
        }
        add(top, meta);
        // the stage decides who may type: after a step the page is built again (the editor joins anew)
        add(workflowPanels.stepper(header.id(), () -> getUI().ifPresent(ui -> ui.refreshCurrentRoute(false))));
        add(workflowPanels.languages(header.id()));
        if (!header.editable()) {
            var note = new Paragraph(getTranslation("document.read-only-note", header.commissionCode()));
            note.setId("read-only-note");
            add(note);
        }
        editor = new CollaborativeEditor(collaboration, editorSockets, header.id(), currentUser.require().displayName());
        editor.getElement().getStyle().set("width", "100%");
        // the stored HTML is painted at once (one read of the document's row, no engine call)
        editor.preview(documents.text(header.id()).html());
        editor.find(findTerms(event));
        Long focused = focusedComment(event);
        suggestionList = new SuggestionList(suggestions, header.id(), commentPanels.suggestionThreads(header.id()),
                focused);
        suggestionList.focusSuggestion(event.getLocation().getQueryParameters().getSingleParameter("suggestion")
                .filter(s -> s.length() <= 80).orElse(null));
        editor.suggestions(suggestions, currentUser.require().personId(), suggestionList::refresh);
        side = new Div(suggestionList, commentPanels.forDocument(header.id(), editor.getElement(), focused));
        side.setId("document-side");
        side.addClassName("tcw-document-side");
        var main = new Div(editor);
        main.addClassName("tcw-document-main");
        var columns = new Div(main, side);
        columns.addClassName("tcw-document-columns");
        columns.setWidthFull();
        add(columns);
        // The comments (cards and the editor's 500 anchors) and the review list are not needed for the
        // first frame: they are filled in once the browser painted it, i.e. the content (ADR 028). A
        // tab in the background paints no frame: after a second they come anyway. The consultation
        // and History panels and the discussion panel are not even built before that frame (ADR 092):
        // their fields, pickers and menus would only make the first response larger and the browser's
        // first frame later.
        Long compare = queryId(event, "compare");
        var built = new java.util.concurrent.atomic.AtomicBoolean();
        Div sideColumn = side;
        editor.getElement().addEventListener(CommentPanels.CONTENT_PAINTED, e -> {
            suggestionList.contentPainted();
            if (built.compareAndSet(false, true)) {
                sideColumn.addComponentAsFirst(consultationPanels.forDocument(header.id(), editor.getElement()));
                sideColumn.add(versionPanels.forDocument(header.id(), compare));
                add(discussionPanels.forAnchor(header.commissionId(), header.commissionCode(),
                        new Anchor(AnchorType.DOCUMENT, header.id(), header.title())));
            }
        });
        editor.getElement().executeJs("const el = this; let sent = false;"
                + " const fire = () => { if (!sent) { sent = true; el.dispatchEvent(new CustomEvent($0)); } };"
                + " requestAnimationFrame(() => setTimeout(fire, 0)); setTimeout(fire, 1000);",
                CommentPanels.CONTENT_PAINTED);
    }

    /** The most words of {@code ?find=} taken, and their longest length (a link from the search). */
    static final int FIND_MAX = 5;
    static final int FIND_MAX_LENGTH = 100;

    /**
     * {@code ?find=word&find=...}: the words a search hit matched, marked in the text and scrolled to
     * (only compared as text in the browser; at most {@link #FIND_MAX} words of {@link #FIND_MAX_LENGTH}).
     */
    static java.util.List<String> findTerms(BeforeEnterEvent event) {
        return event.getLocation().getQueryParameters().getParameters().getOrDefault("find", java.util.List.of())
                .stream().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= FIND_MAX_LENGTH).distinct()
                .limit(FIND_MAX).toList();
    }

    /** {@code ?comment=ID}: the comment a notification leads to. */
    private static @Nullable Long focusedComment(BeforeEnterEvent event) {
        return queryId(event, "comment");
    }

    /**
     * A number in the query: {@code ?comment=ID} (the comment a notification leads to),
     * {@code ?compare=ID} (a version to compare with the current text, e.g. from a stale translation).
     */
    private static @Nullable Long queryId(BeforeEnterEvent event, String name) {
        try {
            return event.getLocation().getQueryParameters().getSingleParameter(name).map(Long::parseLong)
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void openDetails(long id) {
        dialogs.details(documents.load(id), form -> Feedback.run(this, () -> {
            documents.describe(form);
            Feedback.success(getTranslation("common.saved"));
            title = form.getTitle().trim();
            heading.setText(title);
        }));
    }

    private static Span badge(String text) {
        var span = new Span(text);
        span.getElement().getThemeList().add("badge");
        return span;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
