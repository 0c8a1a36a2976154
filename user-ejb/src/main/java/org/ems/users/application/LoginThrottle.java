package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after 5 failed logins for one username, or 20 from one address, within 15 minutes,
 * further attempts are refused until the oldest failure is 15 minutes old. Kept in memory per instance.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_USERNAME = 5;
    static final int PER_ADDRESS = 20;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> retryAfter(String username, String address, Instant now) {
        Optional<Duration> user = wait(userKey(username), PER_USERNAME, now);
        Optional<Duration> addr = wait("addr:" + address, PER_ADDRESS, now);
        if (user.isPresent() && addr.isPresent()) {
            return Optional.of(user.get().compareTo(addr.get()) > 0 ? user.get() : addr.get());
        }
        return user.isPresent() ? user : addr;
    }

    public void failed(String username, String address, Instant now) {
        record(userKey(username), now);
        record("addr:" + address, now);
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
