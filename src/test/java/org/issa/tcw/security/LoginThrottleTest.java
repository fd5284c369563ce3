package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Security regression (issue 11, finding 6): the local login's per-account and per-address throttle. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(5), clock);

    @Test
    void five_failures_lock_the_account_for_everyone_until_the_lockout_ends() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("member-fam", "10.0.0.1");
        }
        assertThat(throttle.locked("member-fam", "10.0.0.1")).isFalse();
        throttle.failed("member-fam", "10.0.0.1");
        assertThat(throttle.locked("member-fam", "10.0.0.1")).isTrue();
        assertThat(throttle.locked("Member-FAM", "10.0.0.9")).as("same account from elsewhere").isTrue();
        assertThat(throttle.locked("member-ict", "10.0.0.9")).as("another account").isFalse();

        now = now.plus(Duration.ofMinutes(5)).minusSeconds(1);
        assertThat(throttle.locked("member-fam", "10.0.0.1")).isTrue();
        now = now.plusSeconds(2);
        assertThat(throttle.locked("member-fam", "10.0.0.1")).isFalse();
        throttle.failed("member-fam", "10.0.0.1");
        assertThat(throttle.locked("member-fam", "10.0.0.1")).as("a new count after the lockout").isFalse();
    }

    @Test
    void a_success_resets_the_accounts_count() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("member-ict", "10.0.0.1");
        }
        throttle.succeeded("member-ict");
        throttle.failed("member-ict", "10.0.0.1");
        assertThat(throttle.locked("member-ict", "10.0.0.1")).isFalse();
    }

    @Test
    void twenty_failures_from_one_address_lock_that_address_for_every_account() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess-" + i, "203.0.113.7");
        }
        assertThat(throttle.locked("chair-ict", "203.0.113.7")).isTrue();
        assertThat(throttle.locked("chair-ict", "198.51.100.1")).isFalse();
        throttle.succeeded("chair-ict");
        assertThat(throttle.locked("chair-ict", "203.0.113.7")).as("a success does not clear the address").isTrue();
    }

    @Test
    void failures_spread_over_more_than_the_lockout_period_do_not_add_up() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("observer-ict", "10.0.0.1");
        }
        now = now.plus(Duration.ofMinutes(6));
        throttle.failed("observer-ict", "10.0.0.1");
        assertThat(throttle.locked("observer-ict", "10.0.0.1")).isFalse();
    }
}
