package org.issa.tcw.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.mail.MailAdminService;
import org.issa.tcw.mail.OutboxRow;
import org.jspecify.annotations.Nullable;

/** The outbox for administrators and the secretariat: counts, queue and failures (retry), sent e-mails. */
@Route("admin/mail")
@Menu(title = "mail.admin.menu", order = 190, icon = "tcw:envelope")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class MailAdminView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 200;

    final Grid<OutboxRow> pending = new Grid<>();
    final Grid<OutboxRow> sent = new Grid<>();
    final Paragraph counts = new Paragraph();
    private final MailAdminService service;

    MailAdminView(MailAdminService service) {
        this.service = service;
        addClassName("tcw-page");
        setSizeFull();
        var heading = new H2(getTranslation("mail.admin.title"));
        heading.setId("mail-admin-title");
        counts.setId("mail-counts");
        var refresh = new Button(getTranslation("mail.admin.refresh"), e -> refresh());
        refresh.setId("mail-refresh");
        var retryAll = new Button(getTranslation("mail.admin.retry-all"), e -> {
            int[] n = new int[1];
            if (Feedback.run(this, () -> n[0] = service.retryAllFailed())) {
                Feedback.success(getTranslation("mail.admin.retried", n[0]));
                refresh();
            }
        });
        retryAll.setId("mail-retry-all");

        pending.setId("mail-pending");
        pending.addColumn(OutboxRow::recipient).setHeader(getTranslation("mail.admin.recipient")).setAutoWidth(true);
        pending.addColumn(OutboxRow::subject).setHeader(getTranslation("mail.admin.subject")).setFlexGrow(1);
        pending.addColumn(OutboxRow::status).setHeader(getTranslation("mail.admin.status")).setKey("status")
                .setAutoWidth(true);
        pending.addColumn(OutboxRow::attempts).setHeader(getTranslation("mail.admin.attempts")).setAutoWidth(true);
        pending.addColumn(r -> when(r.nextAttemptAt())).setHeader(getTranslation("mail.admin.next")).setAutoWidth(true);
        pending.addColumn(r -> r.lastError() == null ? "" : r.lastError()).setHeader(getTranslation("mail.admin.error"))
                .setFlexGrow(1);
        pending.addComponentColumn(r -> {
            var retry = new Button(getTranslation("mail.admin.retry"), e -> {
                if (Feedback.run(this, () -> service.retry(r.id()))) {
                    refresh();
                }
            });
            retry.setId("mail-retry");
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.setVisible("FAILED".equals(r.status()));
            return retry;
        }).setKey("retry").setAutoWidth(true);
        pending.setAllRowsVisible(true);

        sent.setId("mail-sent");
        sent.addColumn(OutboxRow::recipient).setHeader(getTranslation("mail.admin.recipient")).setAutoWidth(true);
        sent.addColumn(OutboxRow::subject).setHeader(getTranslation("mail.admin.subject")).setFlexGrow(1);
        sent.addColumn(r -> when(r.sentAt())).setHeader(getTranslation("mail.admin.sent-at")).setAutoWidth(true);
        sent.addComponentColumn(r -> {
            var show = new Button(getTranslation("mail.admin.show"), e -> show(r));
            show.setId("mail-show");
            show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return show;
        }).setKey("show").setAutoWidth(true);
        sent.setHeight("400px");

        add(heading, new HorizontalLayout(refresh, retryAll), counts, new H3(getTranslation("mail.admin.pending")),
                pending, new H3(getTranslation("mail.admin.sent")), sent);
        refresh();
    }

    void refresh() {
        var c = service.counts();
        counts.setText(getTranslation("mail.admin.counts", c.getOrDefault("QUEUED", 0L), c.getOrDefault("SENDING", 0L),
                c.getOrDefault("FAILED", 0L), c.getOrDefault("SKIPPED", 0L), c.getOrDefault("SENT", 0L)));
        pending.setItems(service.pending(SHOWN));
        sent.setItems(service.sent(SHOWN));
    }

    private void show(OutboxRow row) {
        var dialog = new Dialog();
        dialog.setId("mail-text");
        dialog.setHeaderTitle(row.subject());
        var text = new Pre(service.text(row.id()));
        text.getStyle().set("white-space", "pre-wrap");
        dialog.add(new Paragraph(row.recipient() + " · " + row.messageId()), text);
        dialog.getFooter().add(new Button(getTranslation("mail.admin.close"), e -> dialog.close()));
        dialog.setWidth("720px");
        dialog.open();
    }

    private String when(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).format(instant.atZone(UserZone.of(this)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.admin.title");
    }
}
