package org.ems.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager3;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.meter.MeterLogins;
import org.ems.contracts.meter.MeterTopics;

/**
 * Who may use the embedded broker, and as what: EMS itself (role {@code app}); the gateway account for the simulator
 * and trusted data concentrators (role {@code meter}, unless switched off); and every meter with its own credential,
 * its device id as username, checked against {@code devices.meter_credential} (role {@code meter}, {@link MeterLogins}):
 * a new login at once, an open connection when the broker checks its permissions again each second, so a new, rotated
 * or revoked credential counts without a restart. Over MQTT a meter publishes to its own device's topic only
 * ({@link MeterTopics}).
 */
final class BrokerAccounts implements ActiveMQSecurityManager3 {

    private static final Logger LOG = Logger.getLogger(BrokerAccounts.class.getName());

    private final BrokerEndpoint endpoint;
    private final Optional<DatabaseEndpoint> database;
    private final MeterLogins meters;
    private Connection connection;

    /** With no database, no meter credential is known: EMS and the gateway only. */
    BrokerAccounts(BrokerEndpoint endpoint, boolean gateway, Optional<DatabaseEndpoint> database) {
        this.endpoint = endpoint;
        this.database = database;
        this.meters = new MeterLogins(
                this::storedHash,
                gateway
                        ? Optional.of(new MeterLogins.Gateway(endpoint.meterUser(), endpoint.meterPassword()))
                        : Optional.empty());
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
        if (!validateUserAndRole(user, password, roles, checkType)) {
            return null;
        }
        // Under the readings queue, a meter sends only to its own device's topic, a gateway to any device's.
        boolean deviceTopic = address != null && address.startsWith(Destinations.READINGS + ".");
        return deviceTopic
                        && checkType == CheckType.SEND
                        && !MeterLogins.same(user, endpoint.appUser())
                        && !MeterTopics.mayPublish(user, address)
                ? null
                : user;
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
        if (MeterLogins.same(user, endpoint.appUser()) && MeterLogins.same(password, endpoint.appPassword())) {
            return Optional.of("app");
        }
        return meters.admits(user, password, recheck) ? Optional.of("meter") : Optional.empty();
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
}
