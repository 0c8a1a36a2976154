package org.ems.users.infrastructure.grid;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.ems.users.domain.AttemptCounts;
import org.ems.users.domain.SignInAttempts;

/**
 * Sign-in attempt counts on the cluster's data grid (JCache on Payara's Hazelcast): every instance sees those made on
 * the others. Attempt times (epoch milliseconds, oldest first) by key; an entry goes an hour after its last change.
 */
@ApplicationScoped
public class JCacheAttemptCounts implements AttemptCounts {

    private static final String CACHE = "ems-login-attempts";

    @Resource(lookup = "payara/CacheManager")
    CacheManager caches;

    private volatile Cache<String, long[]> attempts;

    /**
     * Compare-and-set on the grid: concurrent attempts on one key, on any instance, are each counted. A rule that
     * gives back the very array it got changes nothing.
     */
    @Override
    public Optional<Duration> counted(String key, Function<long[], SignInAttempts.Outcome> rule) {
        Cache<String, long[]> cache = cache();
        while (true) {
            long[] before = cache.get(key);
            SignInAttempts.Outcome outcome = rule.apply(before);
            long[] after = outcome.times();
            if (after == before
                    || (before == null ? cache.putIfAbsent(key, after) : cache.replace(key, before, after))) {
                return outcome.retryAfter();
            }
        }
    }

    @Override
    public void clear(String key) {
        cache().remove(key);
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
                                                    java.util.concurrent.TimeUnit.SECONDS,
                                                    SignInAttempts.LONGEST_LOCK.toSeconds()))));
                } catch (CacheException createdMeanwhile) {
                    cache = caches.getCache(CACHE, String.class, long[].class); // by another instance
                }
            }
            attempts = cache;
        }
        return cache;
    }
}
