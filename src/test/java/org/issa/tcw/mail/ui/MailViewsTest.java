package org.issa.tcw.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.issa.tcw.mail.Delivery;
import org.issa.tcw.mail.MailKind;
import org.issa.tcw.mail.MailPreferenceService;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The preferences page (every signed-in person, their own) and the outbox page (staff only). */
class MailViewsTest extends KaribuTest {

    @Autowired
    MailPreferenceService preferences;
    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void a_member_changes_a_kind_pauses_and_saves_and_the_service_keeps_it() {
        jdbc.sql("delete from mail_preference").update();
        jdbc.sql("delete from mail_settings").update();
        signInAs("member-ict");
        navigate("settings/notifications");
        Select<Delivery> mention = _get(Select.class, spec -> spec.withId("mail-delivery-MENTION"));
        assertThat(mention.getValue()).isEqualTo(Delivery.IMMEDIATELY);
        assertThat(((Select<Delivery>) _get(Select.class, spec -> spec.withId("mail-delivery-MILESTONE"))).getValue())
                .isEqualTo(Delivery.DAILY);
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anySatisfy(t -> assertThat(t).startsWith("E-mails go to").contains("@"));
        mention.setValue(Delivery.WEEKLY);
        _get(Checkbox.class, spec -> spec.withId("mail-paused")).setValue(true);
        ((ComboBox<String>) _get(ComboBox.class, spec -> spec.withId("mail-zone"))).setValue("Europe/Berlin");
        _click(_get(Button.class, spec -> spec.withId("mail-save")));
        assertThat(notifications()).contains("E-mail preferences saved.");
        var saved = preferences.mine();
        assertThat(saved.delivery(MailKind.MENTION)).isEqualTo(Delivery.WEEKLY);
        assertThat(saved.paused()).isTrue();
        assertThat(saved.timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    @SuppressWarnings("unchecked")
    void staff_see_the_queue_and_retry_a_failure_others_are_refused() {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into mail_outbox (message_id, recipient, kind, subject, body_text, body_html, status, attempts,
                    next_attempt_at, last_error, created_at)
                values (:m, 'someone@tcw.test', 'MENTION', 'Failed one', 't', 'h', 'FAILED', 20, :now, 'Connection refused', :now)""")
                .param("m", "<failed-" + System.nanoTime() + "@tcw.test>").param("now", now).update();
        signInAs("member-ict");
        navigate("admin/mail");
        assertThat(refused()).isTrue();

        signInAs("secretariat");
        navigate("admin/mail");
        assertThat(refused()).isFalse();
        Grid<org.issa.tcw.mail.OutboxRow> pending = _get(Grid.class, spec -> spec.withId("mail-pending"));
        var rows = com.github.mvysny.kaributesting.v10.GridKt._findAll(pending);
        int row = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).subject().equals("Failed one")) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        clickInCell(pending, row, "retry", "mail-retry");
        assertThat(jdbc.sql("select status from mail_outbox where subject = 'Failed one'").query(String.class).single())
                .isEqualTo("QUEUED");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mail-counts")).getText()).contains("Queued:");
    }
}
