package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Time on the server is UTC whatever the host says; a reader's "today" is the reader's. */
class UserZoneTest {

    @Test
    void the_applications_clock_is_utc_whatever_the_hosts_zone() throws Exception {
        var method = org.issa.tcw.Application.class.getDeclaredMethod("clock");
        method.setAccessible(true);
        Clock clock = (Clock) method.invoke(new org.issa.tcw.Application());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void outside_a_page_the_zone_is_utc() {
        assertThat(UserZone.current()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void a_readers_today_falls_back_to_the_utc_day_when_the_browser_has_not_told_its_zone() {
        Clock late = Clock.fixed(Instant.parse("2026-12-06T23:30:00Z"), ZoneId.of("Pacific/Auckland"));
        assertThat(UserZone.today(late, new com.vaadin.flow.component.html.Span())).isEqualTo(LocalDate.of(2026, 12, 6));
    }
}
