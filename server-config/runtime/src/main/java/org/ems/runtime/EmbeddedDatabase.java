package org.ems.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (binaries from Maven Central) on the loopback interface, its data under
 * {@code $EMS_HOME/postgres} so that it survives restarts. EMS connects as role {@code ems}, owner of database
 * {@code ems}.
 */
public final class EmbeddedDatabase implements Supervised {

    static final String DATABASE = "ems";
    static final String ROLE = "ems";

    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;

    private EmbeddedDatabase(EmbeddedPostgres postgres, ProcessHandle postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    public static EmbeddedDatabase start(InstallationHome home, String address, int port) throws IOException {
        Path log = home.directory("logs").resolve("postgres.log");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(home.root().resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(home.directory("postgres-bin").toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", address)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "64MB")
                // zonky turns these off for throwaway test databases; EMS keeps meter readings: a commit is durable.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
        try {
            provision(postgres, endpoint(home, address, port).password());
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("cannot prepare database '" + DATABASE + "': " + e.getMessage(), e);
        }
        // pg_ctl started the postmaster detached: it is found by the pid file in its data directory.
        Path pidFile = home.root().resolve("postgres").resolve("postmaster.pid");
        ProcessHandle postmaster = ProcessHandle.of(
                        Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                .orElseThrow(() -> new IOException("PostgreSQL stopped right after it started; see " + log));
        return new EmbeddedDatabase(postgres, postmaster);
    }

    /** How EMS reaches the embedded database of this home, before or after it started. */
    static DatabaseEndpoint endpoint(InstallationHome home, String address, int port) throws IOException {
        return new DatabaseEndpoint(
                "jdbc:postgresql://" + address + ":" + port + "/" + DATABASE, ROLE, home.secret("db.password"));
    }

    /** Creates role and database on first start; keeps the role's password in step with the generated secret. */
    private static void provision(EmbeddedPostgres postgres, String password) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", ROLE)) {
                s.execute("create role " + ROLE + " login");
            }
            // The password comes from our own generator (URL-safe Base64), so it cannot break the quoting.
            s.execute("alter role " + ROLE + " password '" + password + "'");
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + ROLE + " encoding 'UTF8'");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public ProcessHandle process() {
        return postmaster;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
