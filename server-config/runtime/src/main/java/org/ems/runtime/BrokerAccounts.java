package org.ems.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager3;
import org.ems.contracts.meter.MeterIdentity;
import org.ems.contracts.meter.MeterSecret;

/**
 * Who may use the embedded broker, and as what: EMS itself (role {@code app}); the gateway account for the simulator
 * and trusted data concentrators (role {@code meter}, unless switched off); and every meter with its own credential,
 * its device id as username, checked against {@code devices.meter_credential} (role {@code meter}): a new login at
 * once, an open connection when the broker checks its permissions again each second (a success within
 * {@link #TRUSTED_FOR} counting then), so a new, rotated or revoked credential counts without a restart; the slow hash
 * is computed only when the stored hash or the password changed. Repeated wrong passwords for one meter are refused
 * without hashing for a growing time ({@link #wrongPassword}), so guessing cannot burn the broker's CPU; the meter's
 * own, known password still gets in meanwhile.
 */
final class BrokerAccounts implements ActiveMQSecurityManager3 {

    private static final Logger LOG = Logger.getLogger(BrokerAccounts.class.getName());

    private final BrokerEndpoint endpoint;
    private final boolean gateway;
    private final Optional<DatabaseEndpoint> database;
    /**
     * How long a meter's successful check is trusted without the database when the broker checks its permissions
     * again: shorter than the broker's own re-check interval (1 s), so it saves the reads of a burst of checks (several
     * sessions, several kinds of check) without delaying a revocation; a new login always reads the database.
     */
    static final long TRUSTED_FOR = 500;

    /** Wrong passwords for one meter before the next ones are refused unhashed. */
    static final int FAILURES_BEFORE_LOCK = 5;

    /** Meters whose failures are remembered at most (a spray of made-up device ids must not grow the heap). */
    private static final int FAILURES_KEPT = 10_000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private Connection connection;

    /**
     * A password once found right for a stored hash: its digest, so the slow hash runs once per credential, and when
     * the stored hash was last read.
     */
    private record Verified(String storedHash, byte[] digest, long checkedAt) {}

    /** Wrong passwords in a row for one meter, and until when further unknown ones are refused unhashed. */
    record Failures(int count, long lockedUntil) {}

    /** With no database, no meter credential is known: EMS and the gateway only. */
    BrokerAccounts(BrokerEndpoint endpoint, boolean gateway, Optional<DatabaseEndpoint> database) {
        this.endpoint = endpoint;
        this.gateway = gateway;
        this.database = database;
    }

    /** The validated user (the broker writes it on every message the connection sends), or null when refused. */
    @Override
    public String validateUser(String user, String password, RemotingConnection connection) {
        return validateUser(user, password) ? user : null;
    }

    @Override
    public String validateUserAndRole(
            String user,
            String password,
            Set<Role> roles,
            CheckType checkType,
            String address,
            RemotingConnection connection) {
        return validateUserAndRole(user, password, roles, checkType) ? user : null;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return role(user, password, false).isPresent(); // a new login: always against the database
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        Optional<String> role = role(user, password, true);
        return role.isPresent() && roles.stream().anyMatch(r -> r.getName().equals(role.get()) && checkType.hasRole(r));
    }

    /** @param recheck whether this is the broker checking again a connection it let in (a recent success counts) */
    private Optional<String> role(String user, String password, boolean recheck) {
        if (user == null || password == null) {
            return Optional.empty();
        }
        if (same(user, endpoint.appUser()) && same(password, endpoint.appPassword())) {
            return Optional.of("app");
        }
        if (gateway && same(user, endpoint.meterUser()) && same(password, endpoint.meterPassword())) {
            return Optional.of("meter");
        }
        UUID device = MeterIdentity.deviceOf(user);
        if (device == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        byte[] digest = sha256(password);
        Verified known = verified.get(user);
        boolean knownPassword = known != null && MessageDigest.isEqual(known.digest(), digest);
        if (recheck && knownPassword && now - known.checkedAt() < TRUSTED_FOR) {
            return Optional.of("meter");
        }
        Failures failed = failures.get(user);
        if (!knownPassword && failed != null && now < failed.lockedUntil()) {
            return Optional.empty(); // guessing: refused without the database or the slow hash
        }
        String stored = storedHash(device);
        if (stored == null) {
            verified.remove(user);
            return Optional.empty();
        }
        if ((knownPassword && known.storedHash().equals(stored)) || MeterSecret.matches(password, stored)) {
            verified.put(user, new Verified(stored, digest, now));
            failures.remove(user);
            return Optional.of("meter");
        }
        if (failures.size() >= FAILURES_KEPT) {
            failures.clear();
        }
        Failures after = failures.merge(user, new Failures(1, 0), (before, one) -> wrongPassword(before, now));
        if (after.count() == FAILURES_BEFORE_LOCK) {
            LOG.warning(() -> "ems-security event=broker-login-throttled user=" + user + " reason=\""
                    + FAILURES_BEFORE_LOCK + " wrong passwords in a row\"");
        }
        return Optional.empty();
    }

    /**
     * One more wrong password after {@code before}: from the {@value #FAILURES_BEFORE_LOCK}th on, unknown passwords
     * are refused unhashed for a second, doubled with each further failure, at most a minute.
     */
    static Failures wrongPassword(Failures before, long now) {
        int count = before.count() + 1;
        if (count < FAILURES_BEFORE_LOCK) {
            return new Failures(count, 0);
        }
        long lock = Math.min(1_000L << Math.min(count - FAILURES_BEFORE_LOCK, 16), 60_000L);
        return new Failures(count, now + lock);
    }

    /** The device's credential hash, or null when it has none (or the database cannot say: refused until it can). */
    private synchronized String storedHash(UUID device) {
        if (database.isEmpty()) {
            return null;
        }
        try {
            if (connection == null || !connection.isValid(2)) {
                DatabaseEndpoint db = database.get();
                connection = DriverManager.getConnection(db.url(), db.user(), db.password());
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "select password_hash from devices.meter_credential where device_id = ?")) {
                s.setObject(1, device);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Cannot check a meter's credential (refused meanwhile): " + e.getMessage());
            connection = null;
            return null;
        }
    }

    private static boolean same(String a, String b) {
        return b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
