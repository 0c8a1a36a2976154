package org.ems.users.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Slows down password guessing: after 5 failed logins for one username, or 20 from one address, within 15 minutes,
 * further attempts are refused until the oldest failure is 15 minutes old. The failures are kept on the cluster's data
 * grid (JCache on Payara's Hazelcast), so every EMS instance counts those made on the others.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_USERNAME = 5;
    static final int PER_ADDRESS = 20;

    private static final String CACHE = "ems-login-failures";

    @Resource(lookup = "payara/CacheManager")
    CacheManager caches;

    /** Failure times (epoch milliseconds, oldest first) by key; an entry goes 15 minutes after its last change. */
    private volatile Cache<String, long[]> failures;

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> retryAfter(String username, String address, Instant now) {
        Optional<Duration> user = wait(failures().get(userKey(username)), PER_USERNAME, now);
        Optional<Duration> addr = wait(failures().get(addressKey(address)), PER_ADDRESS, now);
        if (user.isPresent() && addr.isPresent()) {
            return Optional.of(user.get().compareTo(addr.get()) > 0 ? user.get() : addr.get());
        }
        return user.isPresent() ? user : addr;
    }

    public void failed(String username, String address, Instant now) {
        update(userKey(username), times -> recorded(times, now));
        update(addressKey(address), times -> recorded(times, now));
    }

    public void succeeded(String username) {
        failures().remove(userKey(username));
    }

    /** The failures within the window before {@code now}, and {@code now}. */
    static long[] recorded(long[] times, Instant now) {
        long[] kept = times == null
                ? new long[0]
                : Arrays.stream(times)
                        .filter(t -> Instant.ofEpochMilli(t).plus(WINDOW).isAfter(now))
                        .toArray();
        long[] added = Arrays.copyOf(kept, kept.length + 1);
        added[kept.length] = now.toEpochMilli();
        return added;
    }

    /** With {@code limit} failures or more within the window: how long until the oldest of them leaves it. */
    static Optional<Duration> wait(long[] times, int limit, Instant now) {
        if (times == null) {
            return Optional.empty();
        }
        long[] recent = Arrays.stream(times)
                .filter(t -> Instant.ofEpochMilli(t).plus(WINDOW).isAfter(now))
                .toArray();
        if (recent.length < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, Instant.ofEpochMilli(recent[0]).plus(WINDOW)));
    }

    static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "addr:" + address;
    }

    /** Compare-and-set on the grid: instances recording failures of one key at once each keep theirs. */
    private void update(String key, UnaryOperator<long[]> change) {
        Cache<String, long[]> cache = failures();
        while (true) {
            long[] before = cache.get(key);
            long[] after = change.apply(before);
            if (before == null ? cache.putIfAbsent(key, after) : cache.replace(key, before, after)) {
                return;
            }
        }
    }

    private Cache<String, long[]> failures() {
        Cache<String, long[]> cache = failures;
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
                                                    java.util.concurrent.TimeUnit.MINUTES, WINDOW.toMinutes()))));
                } catch (CacheException createdMeanwhile) {
                    cache = caches.getCache(CACHE, String.class, long[].class); // by another instance
                }
            }
            failures = cache;
        }
        return cache;
    }
}
