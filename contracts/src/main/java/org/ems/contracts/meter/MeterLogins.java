package org.ems.contracts.meter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Checks meters' own passwords against their stored hashes ({@link MeterSecret}), for the broker and for
 * {@code POST /api/readings} alike. The stored hash is read on every check, so a new, rotated or revoked credential
 * counts at once; the slow hash is computed only when the stored hash or the password changed. A check repeated
 * within {@link #TRUSTED_FOR} may count a recent success without reading. Repeated wrong passwords for one meter are
 * refused without hashing for a growing time ({@link #wrongPassword}), so guessing cannot burn the CPU; the meter's
 * own, known password still gets in meanwhile.
 */
public final class MeterLogins {

    private static final Logger LOG = Logger.getLogger(MeterLogins.class.getName());

    /**
     * How long a success is trusted without reading the stored hash when the same login is checked again: shorter
     * than the broker's own re-check interval (1 s), so it saves the reads of a burst of checks (several sessions,
     * several kinds of check) without delaying a revocation.
     */
    public static final long TRUSTED_FOR = 500;

    /** Wrong passwords for one meter before the next ones are refused unhashed. */
    public static final int FAILURES_BEFORE_LOCK = 5;

    /** Meters whose failures are remembered at most (a spray of made-up device ids must not grow the heap). */
    private static final int FAILURES_KEPT = 10_000;

    private final Function<UUID, String> storedHashes;
    private final Optional<Gateway> gateway;
    private final Map<UUID, Verified> verified = new ConcurrentHashMap<>();
    private final Map<UUID, Failures> failures = new ConcurrentHashMap<>();

    /** A password once found right for a stored hash: its digest, and when the stored hash was last read. */
    private record Verified(String storedHash, byte[] digest, long checkedAt) {}

    /** Wrong passwords in a row for one meter, and until when further unknown ones are refused unhashed. */
    public record Failures(int count, long lockedUntil) {}

    /** The gateway account, which may report any device (the simulator's, trusted data concentrators'). */
    public record Gateway(String user, String password) {}

    /**
     * @param storedHashes a device's stored credential hash, null when it has none (or cannot be read: refused until
     *     it can)
     * @param gateway the gateway account while it is on
     */
    public MeterLogins(Function<UUID, String> storedHashes, Optional<Gateway> gateway) {
        this.storedHashes = storedHashes;
        this.gateway = gateway;
    }

    /**
     * Whether {@code user} is the gateway with its password, or a meter (its device id) with its own.
     *
     * @param again as in {@link #check}
     */
    public boolean admits(String user, String password, boolean again) {
        if (gateway.isPresent()
                && same(user, gateway.get().user())
                && same(password, gateway.get().password())) {
            return true;
        }
        UUID device = MeterIdentity.deviceOf(user);
        return device != null && check(device, password, again);
    }

    /** Whether two secrets are equal, in a time that does not tell how much of them is. */
    public static boolean same(String given, String known) {
        return given != null
                && known != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), known.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code password} is the device's.
     *
     * @param again whether this login was checked a moment ago (a success within {@link #TRUSTED_FOR} counts)
     */
    public boolean check(UUID device, String password, boolean again) {
        long now = System.currentTimeMillis();
        byte[] digest = sha256(password);
        Verified known = verified.get(device);
        boolean knownPassword = known != null && MessageDigest.isEqual(known.digest(), digest);
        if (again && knownPassword && now - known.checkedAt() < TRUSTED_FOR) {
            return true;
        }
        Failures failed = failures.get(device);
        if (!knownPassword && failed != null && now < failed.lockedUntil()) {
            return false; // guessing: refused without reading or the slow hash
        }
        String stored = storedHashes.apply(device);
        if (stored == null) {
            verified.remove(device);
            return false;
        }
        if ((knownPassword && known.storedHash().equals(stored)) || MeterSecret.matches(password, stored)) {
            verified.put(device, new Verified(stored, digest, now));
            failures.remove(device);
            return true;
        }
        if (failures.size() >= FAILURES_KEPT) {
            failures.clear();
        }
        Failures after = failures.merge(device, new Failures(1, 0), (before, one) -> wrongPassword(before, now));
        if (after.count() == FAILURES_BEFORE_LOCK) {
            LOG.warning(() -> "ems-security event=meter-login-throttled user=" + device + " reason=\""
                    + FAILURES_BEFORE_LOCK + " wrong passwords in a row\"");
        }
        return false;
    }

    /**
     * One more wrong password after {@code before}: from the {@value #FAILURES_BEFORE_LOCK}th on, unknown passwords
     * are refused unhashed for a second, doubled with each further failure, at most a minute.
     */
    public static Failures wrongPassword(Failures before, long now) {
        int count = before.count() + 1;
        if (count < FAILURES_BEFORE_LOCK) {
            return new Failures(count, 0);
        }
        long lock = Math.min(1_000L << Math.min(count - FAILURES_BEFORE_LOCK, 16), 60_000L);
        return new Failures(count, now + lock);
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
