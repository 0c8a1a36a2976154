package org.ems.users.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.ems.users.domain.Usernames;

/**
 * Slows down password guessing without letting a guesser lock the real user out. Three counts, each of attempts not
 * yet known to have succeeded:
 * <ul>
 *   <li>one (username, client address) pair: after 5, every further attempt of that pair is refused, the right
 *       password included, for 60 s doubled with each refused attempt (at most an hour), counted from that attempt;
 *   <li>one username from any address: 100 within 15 minutes (a guesser spread over many addresses);
 *   <li>one address for any username: 20 within 15 minutes (a guesser spraying usernames).
 * </ul>
 * An attempt is counted when it is admitted, atomically (compare-and-set), so concurrent guesses cannot slip past the
 * limit between check and count; a success takes its count back and clears its pair. The counts are on the cluster's
 * data grid (JCache on Payara's Hazelcast): every instance sees those made on the others.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PER_PAIR = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(60);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    static final int PER_USERNAME = 100;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final String CACHE = "ems-login-attempts";

    /** One sign-in attempt: the normalised username, the client's address, when. */
    public record Attempt(String username, String address, Instant at) {
        public Attempt {
            username = Usernames.normal(username);
        }

        String pairKey() {
            return "pair:" + username + "|" + address;
        }

        String userKey() {
            return "user:" + username;
        }

        String addressKey() {
            return "addr:" + address;
        }
    }

    @Resource(lookup = "payara/CacheManager")
    CacheManager caches;

    /** Attempt times (epoch milliseconds, oldest first) by key; an entry goes an hour after its last change. */
    private volatile Cache<String, long[]> attempts;

    /** Admits and counts the attempt, or says how long its caller must wait. */
    public Optional<Duration> admit(Attempt attempt) {
        long at = attempt.at().toEpochMilli();
        Optional<Duration> wait = counted(attempt.userKey(), times -> windowed(times, PER_USERNAME, at));
        if (wait.isPresent()) {
            return wait;
        }
        wait = counted(attempt.addressKey(), times -> windowed(times, PER_ADDRESS, at));
        if (wait.isEmpty()) {
            wait = counted(attempt.pairKey(), times -> paired(times, at));
            if (wait.isPresent()) {
                uncount(attempt.addressKey(), at);
            }
        }
        if (wait.isPresent()) {
            uncount(attempt.userKey(), at);
        }
        return wait;
    }

    /** The admitted attempt was right: it is no failure, and its pair starts afresh. */
    public void succeeded(Attempt attempt) {
        long at = attempt.at().toEpochMilli();
        uncount(attempt.userKey(), at);
        uncount(attempt.addressKey(), at);
        cache().remove(attempt.pairKey());
    }

    /** What a count becomes with one more attempt: kept when it is admitted, else how long to wait. */
    record Outcome(long[] times, Optional<Duration> retryAfter) {}

    /** Username and address: admitted while fewer than {@code limit} lie within the window; a refusal is not counted. */
    static Outcome windowed(long[] times, int limit, long at) {
        long[] recent = within(times, at, WINDOW);
        if (recent.length >= limit) {
            return new Outcome(times, Optional.of(Duration.ofMillis(recent[0] + WINDOW.toMillis() - at)));
        }
        return new Outcome(appended(recent, at), Optional.empty());
    }

    /**
     * The pair: after {@value #PER_PAIR} attempts the pair is locked for {@link #FIRST_LOCK} after its latest one,
     * doubled for each further one; an attempt while locked is refused and counted, so a guesser who keeps trying waits
     * longer each time.
     */
    static Outcome paired(long[] times, long at) {
        long[] recent = within(times, at, LONGEST_LOCK);
        if (recent.length >= PER_PAIR
                && at < recent[recent.length - 1] + lock(recent.length).toMillis()) {
            long[] counted = appended(recent, at);
            return new Outcome(counted, Optional.of(lock(counted.length)));
        }
        return new Outcome(appended(recent, at), Optional.empty());
    }

    /** The lock after {@code count} attempts of a pair. */
    static Duration lock(int count) {
        int doublings = Math.min(count - PER_PAIR - 1, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.max(doublings, 0));
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private static long[] within(long[] times, long at, Duration window) {
        return times == null
                ? new long[0]
                : Arrays.stream(times).filter(t -> t + window.toMillis() > at).toArray();
    }

    private static long[] appended(long[] times, long at) {
        long[] added = Arrays.copyOf(times, times.length + 1);
        added[times.length] = at;
        return added;
    }

    /** Without the attempt made at {@code at}. */
    static long[] without(long[] times, long at) {
        for (int i = times.length - 1; i >= 0; i--) {
            if (times[i] == at) {
                long[] fewer = new long[times.length - 1];
                System.arraycopy(times, 0, fewer, 0, i);
                System.arraycopy(times, i + 1, fewer, i, times.length - i - 1);
                return fewer;
            }
        }
        return times;
    }

    /** Compare-and-set on the grid: concurrent attempts on one key, on any instance, are each counted. */
    private Optional<Duration> counted(String key, Function<long[], Outcome> rule) {
        Cache<String, long[]> cache = cache();
        while (true) {
            long[] before = cache.get(key);
            Outcome outcome = rule.apply(before);
            long[] after = outcome.times();
            if (after == before
                    || (before == null ? cache.putIfAbsent(key, after) : cache.replace(key, before, after))) {
                return outcome.retryAfter();
            }
        }
    }

    private void uncount(String key, long at) {
        Cache<String, long[]> cache = cache();
        while (true) {
            long[] before = cache.get(key);
            if (before == null) {
                return;
            }
            long[] after = without(before, at);
            if (after == before || cache.replace(key, before, after)) {
                return;
            }
        }
    }

    private Cache<String, long[]> cache() {
        Cache<String, long[]> cache = attempts;
        if (cache == null) {
            cache = caches.getCache(CACHE, String.class, long[].class);
            if (cache == null) {
                try {
                    cache = caches.createCache(
                            CACHE,
                            new MutableConfiguration<String, long[]>()
                                    .setTypes(String.class, long[].class)
                                    .setExpiryPolicyFactory(
                                            ModifiedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(
                                                    java.util.concurrent.TimeUnit.SECONDS, LONGEST_LOCK.toSeconds()))));
                } catch (CacheException createdMeanwhile) {
                    cache = caches.getCache(CACHE, String.class, long[].class); // by another instance
                }
            }
            attempts = cache;
        }
        return cache;
    }
}
