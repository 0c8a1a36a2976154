package org.ems.web.infrastructure.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per key in each second of the clock, on this instance. A key's count starts again
 * with each second, so a client that keeps to the limit is never refused.
 */
public final class PerSecondLimit {

    /** Keys remembered at most: beyond, the windows are dropped (each is only a second long anyway). */
    private static final int KEYS_KEPT = 100_000;

    private final int limit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long second, int count) {}

    public PerSecondLimit(int limit) {
        this.limit = limit;
    }

    /** Counts a request of {@code key} at {@code nowMillis}; whether it is within the limit. */
    public boolean admits(String key, long nowMillis) {
        long second = nowMillis / 1000;
        if (windows.size() >= KEYS_KEPT) {
            windows.clear();
        }
        Window window = windows.compute(
                key,
                (k, before) -> before == null || before.second() != second
                        ? new Window(second, 1)
                        : new Window(second, before.count() + 1));
        return window.count() <= limit;
    }
}
