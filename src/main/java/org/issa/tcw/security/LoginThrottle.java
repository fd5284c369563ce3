package org.issa.tcw.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing on the local demo login: after {@code maxPerAccount} failed
 * sign-ins in a row for one username, or {@code maxPerAddress} from one client address, further
 * attempts are refused for {@code lockout} without the password even being checked (so the right
 * password is refused too while locked). A successful sign-in clears the account's count; the
 * address count only expires, so that signing in to one's own account between guesses does not
 * reset it. Unknown usernames count like real ones (the lock does not reveal which exist).
 * Kept in memory: a restart forgets it, and each node of a cluster counts on its own.
 */
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Beyond this many tracked keys, expired entries are dropped (bounds memory under a flood). */
    private static final int CLEAN_UP_ABOVE = 10_000;

    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxPerAccount, int maxPerAddress, Duration lockout, Clock clock) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Whether a sign-in for this username from this address must be refused now. */
    boolean locked(String username, String address) {
        Instant now = clock.instant();
        return lockedKey(account(username), now) || lockedKey(address(address), now);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(account(username), maxPerAccount, now);
        count(address(address), maxPerAddress, now);
        if (failures.size() > CLEAN_UP_ABOVE) {
            failures.values().removeIf(f -> f.expired(now, lockout));
        }
    }

    void succeeded(String username) {
        failures.remove(account(username));
    }

    private boolean lockedKey(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil());
    }

    private void count(String key, int max, Instant now) {
        Failures updated = failures.compute(key, (k, f) -> {
            // a lock that has run out starts a new count
            Failures current = f == null || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil()))
                    || f.expired(now, lockout) ? new Failures(0, now, null) : f;
            int count = current.count() + 1;
            return new Failures(count, now, count >= max ? now.plus(lockout) : current.lockedUntil());
        });
        if (updated.count() == max) {
            log.warn("Local sign-in locked for {} after {} failed attempts", key, max);
        }
    }

    private static String account(String username) {
        return "account " + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "address " + address;
    }

    private record Failures(int count, Instant last, @Nullable Instant lockedUntil) {

        /** Old enough to forget: no lock running and no failure within the lockout period. */
        boolean expired(Instant now, Duration lockout) {
            return (lockedUntil == null || !now.isBefore(lockedUntil)) && last.plus(lockout).isBefore(now);
        }
    }
}
