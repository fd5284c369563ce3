package org.issa.tcw.mail;

import java.util.EnumMap;
import java.util.Map;

/**
 * A person's e-mail choices: a {@link Delivery} per {@link MailKind}, a global pause, the hour of
 * the morning digest and the time zone it is counted in (an IANA id such as {@code Europe/Paris}).
 */
public record MailPreferences(Map<MailKind, Delivery> deliveries, boolean paused, int morningHour, String timeZone,
        String email) {

    public MailPreferences {
        var all = new EnumMap<MailKind, Delivery>(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            all.put(kind, deliveries.getOrDefault(kind, kind.byDefault()));
        }
        deliveries = Map.copyOf(all);
    }

    public Delivery delivery(MailKind kind) {
        return deliveries.getOrDefault(kind, kind.byDefault());
    }

    public MailPreferences with(MailKind kind, Delivery delivery) {
        var changed = new EnumMap<>(deliveries);
        changed.put(kind, delivery);
        return new MailPreferences(changed, paused, morningHour, timeZone, email);
    }

    public MailPreferences paused(boolean pause) {
        return new MailPreferences(deliveries, pause, morningHour, timeZone, email);
    }

    public MailPreferences at(int hour, String zone) {
        return new MailPreferences(deliveries, paused, hour, zone, email);
    }
}
