package org.issa.tcw.mail;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own e-mail preferences (nobody reads or changes another's), and the
 * one-click unsubscribe of a signed link, which needs no sign-in.
 */
@Service
@Transactional(readOnly = true)
public class MailPreferenceService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Recipients recipients;
    private final UnsubscribeLinks links;

    MailPreferenceService(JdbcClient jdbc, CurrentUser currentUser, Recipients recipients, UnsubscribeLinks links) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.recipients = recipients;
        this.links = links;
    }

    /** My preferences (the defaults until I save), with the address e-mails go to. */
    @PreAuthorize("isAuthenticated()")
    public MailPreferences mine() {
        long me = me();
        var r = recipients.load(java.util.List.of(me)).get(me);
        if (r == null) {
            throw new AccessDeniedException("No person record");
        }
        return new MailPreferences(new EnumMap<>(r.choices()), r.paused(), r.morningHour(), r.zone().getId(),
                r.email());
    }

    /** Whether I have saved preferences yet (the view then proposes my browser's time zone). */
    @PreAuthorize("isAuthenticated()")
    public boolean saved() {
        return jdbc.sql("select count(*) from mail_settings where person_id = :p").param("p", me())
                .query(Integer.class).single() > 0;
    }

    /** Saves my preferences; an unknown time zone or an hour outside 0–23 is refused, nothing changed. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void save(MailPreferences preferences) {
        long me = me();
        if (preferences.morningHour() < 0 || preferences.morningHour() > 23) {
            throw new UserFacingException("mail.error.hour");
        }
        for (Map.Entry<MailKind, Delivery> e : preferences.deliveries().entrySet()) {
            if (!e.getKey().choices().contains(e.getValue())) {
                throw new UserFacingException("mail.error.delivery");
            }
        }
        String zone;
        try {
            zone = ZoneId.of(preferences.timeZone()).getId();
        } catch (DateTimeException e) {
            throw new UserFacingException("mail.error.zone");
        }
        int updated = jdbc.sql("""
                update mail_settings set paused = :paused, morning_hour = :hour, time_zone = :zone,
                    version = version + 1 where person_id = :p""")
                .param("paused", preferences.paused()).param("hour", preferences.morningHour())
                .param("zone", zone).param("p", me).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into mail_settings (person_id, paused, morning_hour, time_zone)
                    values (:p, :paused, :hour, :zone)""").param("p", me).param("paused", preferences.paused())
                    .param("hour", preferences.morningHour()).param("zone", zone).update();
        }
        jdbc.sql("delete from mail_preference where person_id = :p").param("p", me).update();
        for (Map.Entry<MailKind, Delivery> e : preferences.deliveries().entrySet()) {
            jdbc.sql("insert into mail_preference (person_id, kind, delivery) values (:p, :k, :d)").param("p", me)
                    .param("k", e.getKey().name()).param("d", e.getValue().name()).update();
        }
    }

    /**
     * Turns off what a signed unsubscribe link names (a kind, or everything of the daily or weekly
     * digest). The signature is the credential, so no sign-in is needed.
     *
     * @return the person's language tag, for the confirmation page; empty if the link is not valid
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public java.util.Optional<String> unsubscribe(String person, String what, String signature) {
        var target = links.verify(person, what, signature);
        if (target.isEmpty()) {
            return java.util.Optional.empty();
        }
        long p = target.get().personId();
        var r = recipients.load(java.util.List.of(p)).get(p);
        if (r == null) {
            return java.util.Optional.empty();
        }
        for (MailKind kind : MailKind.values()) {
            boolean hit = kind.name().equals(target.get().what())
                    || kind.inDigests() && r.delivery(kind).name().equals(target.get().what());
            if (hit) {
                jdbc.sql("delete from mail_preference where person_id = :p and kind = :k").param("p", p)
                        .param("k", kind.name()).update();
                jdbc.sql("insert into mail_preference (person_id, kind, delivery) values (:p, :k, 'OFF')")
                        .param("p", p).param("k", kind.name()).update();
            }
        }
        return java.util.Optional.of(r.locale().toLanguageTag());
    }

    private long me() {
        Long id = currentUser.require().personId();
        if (id == null) {
            throw new AccessDeniedException("This account has no person record");
        }
        return id;
    }
}
