package org.ems.monitoring.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Monitoring's schema and a container's transaction on a real PostgreSQL, for repositories under test. */
final class TestDatabases {

    private TestDatabases() {}

    /** A fresh PostgreSQL of its own; a loaded machine may take more than zonky's default 10 s to initialise it. */
    static EmbeddedPostgres started() throws java.io.IOException {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    /** Migrates monitoring's schema up to the migration {@code target} ("latest": all). */
    static void migrate(DataSource db, String target) {
        Flyway.configure()
                .dataSource(db)
                .schemas("monitoring")
                .defaultSchema("monitoring")
                .createSchemas(true)
                .locations("classpath:db/migration/monitoring")
                .target(target)
                .load()
                .migrate();
    }

    /** The data source of a container's transaction: every statement on {@code connection}, which stays open. */
    static DataSource oneTransaction(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? unclosable : null);
    }
}
