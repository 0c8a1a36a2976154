package org.ems.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The services EMS runs on, each embedded unless configured as external: PostgreSQL with every module schema
 * migrated, and the Artemis broker.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Infrastructure.class.getName());

    private final DatabaseEndpoint database;
    private final BrokerEndpoint broker;
    private final Optional<TlsMaterial> tls;
    private final List<AutoCloseable> started;

    private Infrastructure(
            DatabaseEndpoint database, BrokerEndpoint broker, Optional<TlsMaterial> tls, List<AutoCloseable> started) {
        this.database = database;
        this.broker = broker;
        this.tls = tls;
        this.started = started;
    }

    /** Starts the database (migrated) and the broker. */
    public static Infrastructure start(EmsSettings settings, InstallationHome home, ClassLoader modules)
            throws Exception {
        return start(settings, home, modules, true);
    }

    /** Starts the database and migrates it; the broker only when {@code withBroker}. */
    public static Infrastructure start(
            EmsSettings settings, InstallationHome home, ClassLoader modules, boolean withBroker) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            if (settings.dbUrl().isEmpty()) {
                started.add(EmbeddedDatabase.start(home, settings));
            }
            DatabaseEndpoint database = database(settings, home);
            migrate(database, modules);

            Optional<TlsMaterial> tls = withBroker ? TlsMaterial.ensure(settings, home) : Optional.empty();
            BrokerEndpoint broker = withBroker ? brokerEndpoint(settings, home, tls) : null;
            if (withBroker && settings.brokerUrl().isEmpty()) {
                started.add(EmbeddedBroker.start(
                        home.directory("broker"),
                        home.directory("run").resolve("broker.xml"),
                        settings.bindAddress(),
                        broker.port(),
                        java.util.OptionalInt.of(settings.mqttPort()),
                        tls.map(TlsMaterial::acceptorOptions).orElse(List.of()),
                        EmbeddedBroker.Limits.of(settings),
                        new BrokerAccounts(broker, settings.brokerGateway(), Optional.of(database)),
                        EmbeddedBroker.clusterPassword(home),
                        Optional.empty()));
            }
            return new Infrastructure(database, broker, tls, started);
        } catch (Exception e) {
            closeAll(started);
            throw e;
        }
    }

    /** The database EMS uses: the one given by {@code EMS_DB_URL}, else the embedded one of this home. */
    static DatabaseEndpoint database(EmsSettings settings, InstallationHome home) throws IOException {
        Optional<DatabaseEndpoint> external = externalDatabase(settings);
        return external.isPresent()
                ? external.get()
                : EmbeddedDatabase.endpoint(home, settings.bindAddress(), settings.dbPort());
    }

    /** The database {@code EMS_DB_URL} names, if it names one. */
    static Optional<DatabaseEndpoint> externalDatabase(EmsSettings settings) {
        return settings.dbUrl()
                .map(url -> new DatabaseEndpoint(
                        url,
                        settings.dbUser().orElse("ems"),
                        settings.dbPassword().orElse("")));
    }

    /** Brings every module's schema up to date. */
    static void migrate(DatabaseEndpoint database, ClassLoader modules) {
        int applied = SchemaMigrations.migrate(database, modules);
        LOG.info(() -> "Database " + database.url() + " is up to date (" + applied + " migrations applied)");
    }

    static BrokerEndpoint brokerEndpoint(EmsSettings settings, InstallationHome home, Optional<TlsMaterial> tls)
            throws IOException {
        String meterUser = settings.meterUser();
        String meterPassword = settings.meterPassword().orElse(home.secret("broker.meter.password"));
        if (settings.brokerUrl().isPresent()) {
            // An external broker's TLS options come with its URL (tcp://host:port?sslEnabled=true&trustStorePath=...).
            return BrokerEndpoint.parse(
                    settings.brokerUrl().get(),
                    settings.appBrokerUser()
                            .orElseThrow(() -> new IllegalArgumentException(
                                    SettingSources.named("EMS_BROKER_URL") + " needs the application's account in "
                                            + SettingSources.named("EMS_APP_BROKER_USER"))),
                    settings.appBrokerPassword().orElse(""),
                    meterUser,
                    meterPassword);
        }
        // With several instances the broker is a primary and a backup on the next port (shared store: BrokerProcess).
        List<BrokerEndpoint.Address> servers = settings.instances() == 1
                ? List.of(new BrokerEndpoint.Address(settings.bindAddress(), settings.brokerPort()))
                : List.of(
                        new BrokerEndpoint.Address(settings.bindAddress(), settings.brokerPort()),
                        new BrokerEndpoint.Address(settings.bindAddress(), settings.brokerPort() + 1));
        return new BrokerEndpoint(
                servers,
                tls.map(TlsMaterial::connectorOptions).orElse(List.of()),
                settings.appBrokerUser().orElse("ems-app"),
                settings.appBrokerPassword().orElse(home.secret("broker.app.password")),
                meterUser,
                meterPassword);
    }

    public DatabaseEndpoint database() {
        return database;
    }

    /** The broker, when started with one. */
    public BrokerEndpoint broker() {
        if (broker == null) {
            throw new IllegalStateException("started without a broker");
        }
        return broker;
    }

    /** The key and trust stores of HTTPS and the broker's TLS, when TLS is on. */
    public Optional<TlsMaterial> tls() {
        return tls;
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(List<AutoCloseable> started) {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable service : reverse) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warning(() -> "Stopping " + service + " failed: " + e);
            }
        }
        started.clear();
    }
}
