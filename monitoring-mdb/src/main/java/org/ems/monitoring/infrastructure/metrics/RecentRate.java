package org.ems.monitoring.infrastructure.metrics;

/**
 * Events a second over the last whole seconds (a ring of per-second counts): a rate an operator reads off
 * {@code /metrics} as it is, without a monitoring server to derive it from a counter.
 */
final class RecentRate {

    private final int window;
    private final long[] counts; // one slot more than the window: the second going on
    private final long[] seconds;

    RecentRate(int window) {
        this.window = window;
        counts = new long[window + 1];
        seconds = new long[window + 1];
    }

    synchronized void add(long events) {
        add(events, System.currentTimeMillis() / 1000);
    }

    synchronized void add(long events, long second) {
        int slot = (int) (second % counts.length);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot] += events;
    }

    synchronized double perSecond() {
        return perSecond(System.currentTimeMillis() / 1000);
    }

    /** Over the {@code window} seconds before {@code now} (the current second is not whole yet). */
    synchronized double perSecond(long now) {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (seconds[i] < now && seconds[i] >= now - window) {
                sum += counts[i];
            }
        }
        return (double) sum / window;
    }
}
