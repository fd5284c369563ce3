package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.consultation.CommentTag;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.RoundSignals;
import org.issa.tcw.documents.consultation.RoundState;
import org.issa.tcw.documents.consultation.RoundView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The document page's consultation panel: the latest round (deadline, introduction, questions, a
 * link to its disposition log), "Open a consultation round" for the chair, and for participants
 * while it is open a comment on the selected text with its tag and language. It updates live
 * (another participant's comment, a disposition, the round closing or extended: {@link RoundSignals})
 * and keeps what the reader is typing.
 */
@JsModule("./tcw-late-part.ts")
class RoundPanel extends Div {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsultationService service;
    private final RoundSignals signals;
    private final long documentId;
    private final Element editor;
    final Select<CommentTag> tag = new Select<>();
    final Select<WorkingLanguage> language = new Select<>();
    final TextArea body = new TextArea();
    @Nullable Button openRound;
    @Nullable Button send;
    @Nullable Button extend;
    final DatePicker newDeadline = new DatePicker();

    RoundPanel(ConsultationService service, RoundSignals signals, long documentId, Element editor) {
        this.service = service;
        this.signals = signals;
        this.documentId = documentId;
        this.editor = editor;
        setId("consultation-panel");
        addClassName("tcw-consultation-panel");
        refresh();
        LiveAccess.whileAttached(this, listener -> signals.subscribe(documentId, listener)::cancel, this::refresh);
    }

    void refresh() {
        removeAll();
        openRound = null;
        send = null;
        extend = null;
        List<RoundView> rounds = service.rounds(documentId);
        RoundView round = rounds.isEmpty() ? null : rounds.getFirst();
        boolean mayOpen = service.mayOpen(documentId);
        setVisible(round != null || mayOpen);
        add(new H3(getTranslation("consultation.title")));
        if (mayOpen && (round == null || round.state() == RoundState.CLOSED)) {
            Button b = new Button(getTranslation("consultation.open.title"),
                    e -> new RoundDialog(service, documentId, id -> getUI().ifPresent(
                            ui -> ui.refreshCurrentRoute(false))).open());
            b.setId("consultation-open");
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            openRound = b;
            add(b);
        }
        if (round == null) {
            return;
        }
        var state = new Span(getTranslation("consultation.state." + round.state().name()));
        state.getElement().getThemeList().add(round.state() == RoundState.OPEN ? "badge success" : "badge contrast");
        state.setId("consultation-state");
        var deadline = new Span(getTranslation("consultation.until", round.deadline().toString()));
        deadline.setId("consultation-deadline");
        add(new Div(state, new Span(" "), deadline));
        var intro = new Paragraph(round.introduction());
        intro.getStyle().set("white-space", "pre-wrap");
        intro.setId("consultation-introduction");
        add(intro);
        if (!round.questions().isEmpty()) {
            var q = new Paragraph(round.questions());
            q.getStyle().set("white-space", "pre-wrap");
            q.setId("consultation-questions");
            add(new Span(getTranslation("consultation.questions")), q);
        }
        if (mayOpen) {
            newDeadline.setLabel(getTranslation("consultation.extend.title"));
            newDeadline.setId("consultation-new-deadline");
            newDeadline.setMin(round.deadline().plusDays(1));
            Button b = new Button(getTranslation("consultation.extend"), e -> {
                var chosen = newDeadline.getValue();
                if (Feedback.run(this, () -> service.extend(round.id(), chosen))) {
                    Feedback.success(getTranslation("consultation.extend.done", String.valueOf(chosen)));
                    refresh();
                }
            });
            b.setId("consultation-extend");
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            extend = b;
            var row = new Div(newDeadline, b);
            row.addClassName("tcw-consultation-extend");
            add(row);
        }
        var counts = service.summary(round.id());
        var summary = new Span(getTranslation("consultation.summary.line", counts.contributions(), counts.disposed()));
        summary.setId("consultation-panel-summary");
        add(new Div(summary));
        var log = new Anchor("consultations/" + round.id(), getTranslation("consultation.log.open"));
        log.setId("consultation-log-link");
        add(new Div(log));
        if (round.participant() && !round.mayContribute()) {
            var late = new Paragraph(getTranslation("consultation.closed", round.deadline().toString()));
            late.setId("consultation-late");
            add(late);
        }
        if (round.mayContribute()) {
            add(new Paragraph(getTranslation("consultation.participate.help")));
            tag.setLabel(getTranslation("consultation.tag"));
            CommentTag keptTag = tag.getValue(); // a live refresh keeps what the reader chose
            WorkingLanguage keptLanguage = language.getValue();
            tag.setItems(CommentTag.values());
            tag.setValue(keptTag);
            tag.setItemLabelGenerator(t -> getTranslation("consultation.tag." + t.name()));
            if (tag.getValue() == null) {
                tag.setValue(CommentTag.GENERAL);
            }
            tag.setId("consultation-tag");
            language.setLabel(getTranslation("consultation.language"));
            language.setItems(WorkingLanguage.values());
            language.setValue(keptLanguage);
            language.setItemLabelGenerator(l -> getTranslation("document.language." + l.name()));
            if (language.getValue() == null) {
                language.setValue(fromLocale());
            }
            language.setId("consultation-language");
            body.setLabel(getTranslation("consultation.comment"));
            body.setWidthFull();
            body.setId("consultation-body");
            Button b = new Button(getTranslation("consultation.comment.send"), e -> sendOnSelection(round.id()));
            b.setId("consultation-send");
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            send = b;
            add(new Div(tag, language), body, b);
        }
    }

    private WorkingLanguage fromLocale() {
        String l = getLocale() == null ? "en" : getLocale().getLanguage();
        for (WorkingLanguage w : WorkingLanguage.values()) {
            if (w.name().equalsIgnoreCase(l)) {
                return w;
            }
        }
        return WorkingLanguage.EN;
    }

    private void sendOnSelection(long roundId) {
        editor.executeJs("return this.selectionAnchor().then(a => a ? JSON.stringify(a) : '')")
                .then(String.class, json -> {
                    if (json == null || json.isEmpty()) {
                        Feedback.error(getTranslation("comments.select-first"));
                        return;
                    }
                    JsonNode a = JSON.readTree(json);
                    send(roundId, a.get("from").asString(), a.get("to").asString());
                });
    }

    /** Sends the comment on the range (the editor's anchor of the selection). */
    void send(long roundId, String from, String to) {
        if (Feedback.run(this, () -> service.comment(roundId, from, to, body.getValue(), tag.getValue(),
                language.getValue()))) {
            Feedback.success(getTranslation("consultation.comment.sent"));
            body.clear();
        }
    }
}
