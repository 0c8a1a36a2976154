package org.ems.chat.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many chat frames of a kind a second per user (over any one-second window): {@value #SENDS} messages, so
 * that no one floods the support team, and {@value #NOTICES} typing and read notices, each of which costs a
 * transaction and a publish to every instance. Kept per instance: a user's connections are counted together there.
 */
public final class FrameRate {

    /** Messages a second: more are answered {@code rate_limited}. */
    public static final int SENDS = 10;

    /** Typing and read notices a second: more are dropped (they only repeat what the next one says). */
    public static final int NOTICES = 5;

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final Map<UUID, Deque<Long>> recent = new ConcurrentHashMap<>();

    public FrameRate(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Whether the user may send now (and counts the send if so). */
    public boolean allow(UUID user, long nowNanos) {
        Deque<Long> sends = recent.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (sends) {
            while (!sends.isEmpty() && nowNanos - sends.peekFirst() >= SECOND) {
                sends.pollFirst();
            }
            if (sends.size() >= perSecond) {
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
