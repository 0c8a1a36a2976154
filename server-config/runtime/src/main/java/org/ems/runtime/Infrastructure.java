package org.ems.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * The services EMS runs on, each embedded unless configured as external: PostgreSQL with every module schema
 * migrated, and the Artemis broker.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Infrastructure.class.getName());

    private final DatabaseEndpoint database;
    private final BrokerEndpoint broker;
    private final List<AutoCloseable> started;

    private Infrastructure(DatabaseEndpoint database, BrokerEndpoint broker, List<AutoCloseable> started) {
        this.database = database;
        this.broker = broker;
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
            DatabaseEndpoint database;
            if (settings.dbUrl().isPresent()) {
                database = new DatabaseEndpoint(settings.dbUrl().get(), settings.dbUser().orElse("ems"),
                        settings.dbPassword().orElse(""));
            } else {
                EmbeddedDatabase embedded = EmbeddedDatabase.start(home, settings.bindAddress(), settings.dbPort());
                started.add(embedded);
                database = embedded.endpoint();
            }
            int applied = SchemaMigrations.migrate(database, modules);
            LOG.info(() -> "Database " + database.url() + " is up to date (" + applied + " migrations applied)");

            BrokerEndpoint broker = withBroker ? brokerEndpoint(settings, home) : null;
            if (withBroker && settings.brokerUrl().isEmpty()) {
                started.add(EmbeddedBroker.start(home, settings.bindAddress(), broker));
            }
            return new Infrastructure(database, broker, started);
        } catch (Exception e) {
            closeAll(started);
            throw e;
        }
    }

    private static BrokerEndpoint brokerEndpoint(EmsSettings settings, InstallationHome home) throws IOException {
        String meterUser = settings.meterUser().orElse("meter");
        String meterPassword = settings.meterPassword().orElse(home.secret("broker.meter.password"));
        if (settings.brokerUrl().isPresent()) {
            var url = settings.brokerUrl().get();
            return new BrokerEndpoint(url.getHost(), url.getPort(),
                    settings.appBrokerUser().orElseThrow(() -> new IllegalArgumentException(
                            "EMS_BROKER_URL needs the application's account in EMS_APP_BROKER_USER")),
                    settings.appBrokerPassword().orElse(""), meterUser, meterPassword);
        }
        return new BrokerEndpoint(settings.bindAddress(), settings.brokerPort(),
                settings.appBrokerUser().orElse("ems-app"),
                settings.appBrokerPassword().orElse(home.secret("broker.app.password")), meterUser, meterPassword);
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
