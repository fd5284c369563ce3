package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.issa.tcw.cluster.LiveDelivery;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.ContributionRow;
import org.issa.tcw.documents.consultation.Disposition;
import org.issa.tcw.documents.consultation.DispositionLogFile;
import org.issa.tcw.documents.consultation.RoundSignals;
import org.issa.tcw.documents.consultation.RoundSummary;
import org.issa.tcw.documents.consultation.RoundView;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A round's page: what was asked, the summary (contributions per institution and region), the
 * disposition grid (the chair, vice-chairs and secretariat dispose of each comment) and the
 * disposition log as XLSX or PDF in the reader's language.
 */
@Route("consultations/:id")
@PermitAll
class ConsultationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ConsultationService service;
    private final RoundSignals signals;
    private LiveDelivery.@Nullable Registration subscription;
    private String title = "";
    final Grid<ContributionRow> grid = new Grid<>();
    final Div summary = new Div();
    long roundId;
    RoundView round;

    @SuppressWarnings("NullAway.Init") // set in beforeEnter
    ConsultationView(ConsultationService service, RoundSignals signals) {
        this.service = service;
        this.signals = signals;
        addClassName("tcw-page");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            roundId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            round = service.round(roundId);
        } catch (NumberFormatException | org.issa.tcw.base.NotFoundException e) {
            throw new NotFoundException();
        } catch (AccessDeniedException e) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class,
                    getTranslation("consultation.refused"));
            return;
        }
        title = getTranslation("consultation.log.title") + " · " + round.documentTitle();
        removeAll();
        var heading = new H2(getTranslation("consultation.log.title"));
        var document = new Anchor("documents/" + round.documentId(), round.documentTitle());
        document.setId("consultation-document");
        var state = new Span(getTranslation("consultation.state." + round.state().name()) + " · "
                + getTranslation("consultation.until", round.deadline().toString()) + " · "
                + getTranslation("consultation.audience." + round.audience().name()) + " · "
                + getTranslation("consultation.participants") + ": " + round.participants());
        state.setId("consultation-round-state");
        var intro = new Paragraph(round.introduction());
        intro.getStyle().set("white-space", "pre-wrap");
        var exports = new HorizontalLayout(download(false), download(true));
        add(heading, document, state, intro, exports, summary);
        grid.setId("disposition-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(ContributionRow::authorName).setHeader(getTranslation("consultation.log.author"))
                .setKey("author").setAutoWidth(true);
        grid.addColumn(r -> r.institution() == null ? "" : r.institution())
                .setHeader(getTranslation("consultation.log.institution")).setKey("institution");
        grid.addColumn(r -> getTranslation("consultation.tag." + r.tag().name()) + " · "
                + getTranslation("document.language." + r.language().name()))
                .setHeader(getTranslation("consultation.log.tag")).setKey("tag");
        grid.addColumn(ContributionRow::quote).setHeader(getTranslation("consultation.log.quote")).setKey("quote")
                .setFlexGrow(2);
        grid.addColumn(ContributionRow::text).setHeader(getTranslation("consultation.log.comment")).setKey("text")
                .setFlexGrow(3);
        grid.addColumn(r -> r.disposition() == null ? getTranslation("consultation.disposition.none")
                : getTranslation("consultation.disposition." + r.disposition().name()))
                .setHeader(getTranslation("consultation.log.disposition")).setKey("disposition");
        grid.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader(getTranslation("consultation.log.reason"))
                .setKey("reason").setFlexGrow(2);
        if (round.mayManage()) {
            grid.addComponentColumn(r -> {
                var b = new Button(getTranslation("consultation.dispose"), e -> dispose(r));
                b.setId("dispose");
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return b;
            }).setKey("action").setAutoWidth(true);
        }
        add(grid);
        refresh();
        subscribe(event.getUI());
    }

    /** Live: another participant's comment or another person's disposition shows at once ({@link RoundSignals}). */
    private void subscribe(UI ui) {
        if (subscription != null) {
            subscription.cancel();
        }
        Executor live = LiveAccess.in(ui);
        subscription = signals.subscribe(round.documentId(), () -> live.execute(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        super.onDetach(event);
    }

    void refresh() {
        List<ContributionRow> rows = service.log(roundId);
        grid.setItems(rows);
        RoundSummary s = service.summary(roundId);
        summary.removeAll();
        summary.setId("consultation-summary");
        summary.add(new Paragraph(getTranslation("consultation.summary.line", s.contributions(), s.disposed())));
        summary.add(new Paragraph(getTranslation("consultation.summary.per-institution") + ": "
                + s.perInstitution().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))));
        summary.add(new Paragraph(getTranslation("consultation.summary.per-region") + ": "
                + s.perRegion().entrySet().stream().map(e -> getTranslation("region." + e.getKey().name()) + " "
                        + e.getValue()).collect(Collectors.joining(", "))));
    }

    /** The disposition of one comment: what, and why (required for a rejection). */
    void dispose(ContributionRow row) {
        var dialog = new Dialog();
        dialog.setId("dispose-dialog");
        dialog.setHeaderTitle(getTranslation("consultation.dispose"));
        var quote = new Paragraph(row.authorName() + ": " + row.text());
        var disposition = new Select<Disposition>();
        disposition.setId("dispose-disposition");
        disposition.setLabel(getTranslation("consultation.log.disposition"));
        disposition.setItems(Disposition.values());
        disposition.setItemLabelGenerator(d -> getTranslation("consultation.disposition." + d.name()));
        if (row.disposition() != null) {
            disposition.setValue(row.disposition());
        }
        var reason = new TextArea(getTranslation("consultation.log.reason"));
        reason.setId("dispose-reason");
        reason.setWidthFull();
        reason.setValue(row.reason() == null ? "" : row.reason());
        if (row.suggestionId() != null) {
            dialog.add(new Paragraph(getTranslation("consultation.dispose.suggestion")));
        }
        dialog.add(quote, disposition, reason);
        var save = new Button(getTranslation("common.save"), e -> {
            if (Feedback.run(this, () -> service.dispose(roundId, row.commentId(), disposition.getValue(),
                    reason.getValue()))) {
                dialog.close();
                refresh();
            }
        });
        save.setId("dispose-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    private Anchor download(boolean pdf) {
        Locale locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        long id = roundId;
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            DispositionLogFile file = service.export(id, pdf, locale);
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), file.mimeType(),
                    file.content().length);
        }), getTranslation(pdf ? "consultation.export.pdf" : "consultation.export.xlsx"));
        link.setId(pdf ? "export-pdf" : "export-xlsx");
        link.getElement().setAttribute("download", true);
        return link;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
