package org.issa.tcw.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.mail.Delivery;
import org.issa.tcw.mail.MailKind;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.mail.MailPreferenceService;
import org.issa.tcw.mail.MailPreferences;

/**
 * My e-mail preferences (user menu → Notifications): for each kind immediately, daily, weekly or
 * off; a global pause; the hour of the digest in my time zone (my browser's until I save).
 */
@Route("settings/notifications")
@PermitAll
class NotificationSettingsView extends VerticalLayout implements HasDynamicTitle {

    final Map<MailKind, Select<Delivery>> deliveries = new EnumMap<>(MailKind.class);
    final Checkbox paused = new Checkbox();
    final Select<Integer> hour = new Select<>();
    final ComboBox<String> zone = new ComboBox<>();
    final Button save = new Button();

    private final MailPreferenceService service;

    NotificationSettingsView(MailPreferenceService service, CurrentUser currentUser) {
        this.service = service;
        addClassName("tcw-page");
        MailPreferences mine = service.mine();
        var heading = new H2(getTranslation("mail.settings.title"));
        heading.setId("mail-settings-title");
        var intro = new Paragraph(getTranslation("mail.settings.intro", mine.email()));
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (MailKind kind : MailKind.values()) {
            if (kind == MailKind.WEEKLY_OVERVIEW && !currentUser.require().isSecretariat()) {
                continue; // only the secretariat receives it
            }
            var select = new Select<Delivery>();
            select.setId("mail-delivery-" + kind.name());
            select.setLabel(getTranslation("mail.kind." + kind.name()));
            select.setItems(kind.choices());
            select.setItemLabelGenerator(d -> getTranslation("mail.delivery." + d.name()));
            select.setValue(mine.delivery(kind));
            deliveries.put(kind, select);
            form.add(select);
        }
        paused.setLabel(getTranslation("mail.settings.paused"));
        paused.setId("mail-paused");
        paused.setValue(mine.paused());
        hour.setLabel(getTranslation("mail.settings.hour"));
        hour.setId("mail-hour");
        hour.setItems(IntStream.range(0, 24).boxed().toList());
        hour.setItemLabelGenerator(h -> String.format("%02d:00", h));
        hour.setValue(mine.morningHour());
        zone.setLabel(getTranslation("mail.settings.zone"));
        zone.setId("mail-zone");
        List<String> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC"))
                .sorted().toList();
        zone.setItems(zones);
        zone.setValue(service.saved() ? mine.timeZone() : UserZone.of(this).getId().replace("Z", "UTC"));
        save.setText(getTranslation("mail.settings.save"));
        save.setId("mail-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(heading, intro, paused, form, hour, zone, save);
    }

    private void save() {
        var chosen = new EnumMap<MailKind, Delivery>(MailKind.class);
        deliveries.forEach((kind, select) -> chosen.put(kind, select.getValue() == null ? kind.byDefault()
                : select.getValue()));
        var preferences = new MailPreferences(chosen, paused.getValue(), hour.getValue() == null ? 8 : hour.getValue(),
                zone.getValue() == null ? "UTC" : zone.getValue(), "");
        if (Feedback.run(this, () -> service.save(preferences))) {
            Feedback.success(getTranslation("mail.settings.saved"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.settings.title");
    }
}
