package org.ems.users.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

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
 * limit between check and count; a success takes its count back and clears its pair. The counts themselves are kept by
 * an {@link AttemptCounts}, shared by every instance.
 */
public final class SignInAttempts {

    public static final int PER_PAIR = 5;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(60);
    public static final Duration LONGEST_LOCK = Duration.ofHours(1);
    public static final int PER_USERNAME = 100;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** One sign-in attempt: the normalised username, the client's address, when. */
    public record Attempt(String username, String address, Instant at) {
        public Attempt {
            username = Usernames.normal(username);
        }

        public String pairKey() {
            return "pair:" + username + "|" + address;
        }

        public String userKey() {
            return "user:" + username;
        }

        public String addressKey() {
            return "addr:" + address;
        }
    }

    /** What a count becomes with one more attempt: kept when it is admitted, else how long to wait. */
    public record Outcome(long[] times, Optional<Duration> retryAfter) {}

    /** Username and address: admitted while fewer than {@code limit} lie within the window; a refusal is not counted. */
    public static Outcome windowed(long[] times, int limit, long at) {
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
    public static Outcome paired(long[] times, long at) {
        long[] recent = within(times, at, LONGEST_LOCK);
        if (recent.length >= PER_PAIR
                && at < recent[recent.length - 1] + lock(recent.length).toMillis()) {
            long[] counted = appended(recent, at);
            return new Outcome(counted, Optional.of(lock(counted.length)));
        }
        return new Outcome(appended(recent, at), Optional.empty());
    }

    /** The lock after {@code count} attempts of a pair. */
    public static Duration lock(int count) {
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
    public static long[] without(long[] times, long at) {
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

    private SignInAttempts() {}
}
