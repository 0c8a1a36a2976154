package org.ems.chat.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@value #PER_SECOND} messages a second per user (over any one-second window), so that no one floods the
 * support team. Kept per instance: a user's connections are counted together there.
 */
public final class SendRate {

    public static final int PER_SECOND = 10;

    private static final long SECOND = 1_000_000_000L;

    private final Map<UUID, Deque<Long>> recent = new ConcurrentHashMap<>();

    /** Whether the user may send now (and counts the send if so). */
    public boolean allow(UUID user, long nowNanos) {
        Deque<Long> sends = recent.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (sends) {
            while (!sends.isEmpty() && nowNanos - sends.peekFirst() >= SECOND) {
                sends.pollFirst();
            }
            if (sends.size() >= PER_SECOND) {
                return false;
            }
            sends.addLast(nowNanos);
            return true;
        }
    }

    /** Forgets users who sent nothing in the last second (called now and then, so the map stays small). */
    public void forgetIdle(long nowNanos) {
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || nowNanos - e.getValue().peekLast() >= SECOND;
            }
        });
    }
}
