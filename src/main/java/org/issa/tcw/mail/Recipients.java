package org.issa.tcw.mail;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.base.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who receives e-mail and how: address, name, language (the one chosen in the user menu) and the
 * person's e-mail preferences. Reads the people's table read-only (addresses of single sign-on
 * people are refreshed from the token at each sign-in by the people feature) — one query per
 * batch of people, never one per person.
 */
@Component
class Recipients {

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Recipient> load(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        var ids = List.copyOf(personIds);
        Map<Long, Recipient> result = new HashMap<>();
        jdbc.sql("""
                select p.id, p.email, p.first_name, p.last_name, p.preferred_locale, p.active,
                       s.paused, s.morning_hour, s.time_zone, s.last_daily_on, s.last_weekly_on
                from person p left join mail_settings s on s.person_id = p.id
                where p.id in (:ids)""").param("ids", ids).query(rs -> {
            long id = rs.getLong(1);
            String first = rs.getString(3);
            String name = (first == null || first.isBlank() ? "" : first + " ") + rs.getString(4);
            String zone = rs.getString(9);
            int hour = rs.getObject(8) == null ? 8 : rs.getInt(8);
            result.put(id, new Recipient(id, rs.getString(2), name, Texts.supported(rs.getString(5)),
                    rs.getBoolean(6), rs.getBoolean(7), hour, zone(zone),
                    rs.getObject(10, java.time.LocalDate.class), rs.getObject(11, java.time.LocalDate.class),
                    new EnumMap<>(MailKind.class)));
        });
        jdbc.sql("select person_id, kind, delivery from mail_preference where person_id in (:ids)").param("ids", ids)
                .query(rs -> {
                    Recipient r = result.get(rs.getLong(1));
                    try {
                        if (r != null) {
                            r.choices().put(MailKind.valueOf(rs.getString(2)), Delivery.valueOf(rs.getString(3)));
                        }
                    } catch (IllegalArgumentException e) {
                        // a kind that no longer exists
                    }
                });
        return result;
    }

    static ZoneId zone(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** People with the global role (ADMIN, SECRETARIAT). */
    List<Long> withGlobalRole(String role) {
        return jdbc.sql("""
                select p.id from person p join person_global_role r on r.person_id = p.id
                where r.role = :role and p.active""").param("role", role).query(Long.class).list();
    }

    /** Active chairs and vice-chairs of a commission. */
    List<Long> chairs(long commissionId) {
        return jdbc.sql("""
                select person_id from membership
                where commission_id = :c and status = 'ACTIVE' and role in ('CHAIR', 'VICE_CHAIR')""")
                .param("c", commissionId).query(Long.class).list();
    }

    record Recipient(long id, String email, String name, Locale locale, boolean active, boolean paused,
            int morningHour, ZoneId zone, java.time.@Nullable LocalDate lastDailyOn,
            java.time.@Nullable LocalDate lastWeeklyOn, Map<MailKind, Delivery> choices) {

        Delivery delivery(MailKind kind) {
            return choices.getOrDefault(kind, kind.byDefault());
        }

        boolean hasAddress() {
            return email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        }
    }
}
