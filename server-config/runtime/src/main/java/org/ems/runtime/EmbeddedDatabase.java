package org.ems.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
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
import java.util.Optional;

/**
 * A real PostgreSQL server (binaries from Maven Central) on the loopback interface, its data under
 * {@code $EMS_HOME/postgres} so that it survives restarts. EMS connects as role {@code ems}, owner of database
 * {@code ems}. Every connection, over TCP or the Unix socket, needs a password ({@code scram-sha-256}): zonky's
 * {@code initdb -A trust} would let any local user in as the superuser.
 */
public final class EmbeddedDatabase implements Supervised {

    static final String DATABASE = "ems";
    static final String ROLE = "ems";
    static final String SUPERUSER = "postgres";

    /** Ours, written on every start: a home made with {@code trust} (before round 3) is converted on its next start. */
    static final String HBA = """
            # Written by EMS on every start: every connection authenticates with a password.
            local all all scram-sha-256
            host  all all all scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;

    private EmbeddedDatabase(EmbeddedPostgres postgres, ProcessHandle postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    /** The home's database, its log in {@code logs/postgres-*.log} as the settings say. */
    public static EmbeddedDatabase start(InstallationHome home, EmsSettings settings) throws IOException {
        PostgresUpgrade.ifOlder(home); // before this version's server touches the data
        settings.logs().prune(home.directory("logs"), "postgres-");
        return startServer(
                home,
                home.root().resolve("postgres"),
                settings.bindAddress(),
                settings.dbPort(),
                Optional.empty(),
                Optional.of(settings.logs()));
    }

    /**
     * A server of an older PostgreSQL whose binaries are in {@code binaries} (a jar of zonky's), on {@code data}: for
     * the upgrade of a home an older EMS made, and for the tests that make such a home.
     */
    public static EmbeddedDatabase startOlder(InstallationHome home, Path data, String address, int port, Path binaries)
            throws IOException {
        return startServer(
                home, data, address, port, Optional.of(PostgresUpgrade.resolver(binaries)), Optional.empty());
    }

    /**
     * A server on {@code data} (made on its first start), of this version's binaries unless others are given; with
     * {@code logs} its collector writes the log, else (a passing server of the upgrade) its output file does.
     */
    static EmbeddedDatabase startServer(
            InstallationHome home,
            Path data,
            String address,
            int port,
            Optional<PgBinaryResolver> binaries,
            Optional<LogSettings> logs)
            throws IOException {
        Path log = home.directory("logs");
        String superPassword = home.secret("db.superuser.password");
        // initdb reads the superuser's password from a file (only used on the first start; gone right after).
        Path passwordFile = home.directory("run").resolve("postgres.pw");
        InstallationHome.writePrivate(passwordFile, superPassword + "\n");
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = builder(home, data, address, port);
            binaries.ifPresent(builder::setPgBinaryResolver);
            if (binaries.isEmpty()) {
                // What each statement costs, for tuning (./ems bench ingest --profile reads it): a few % at most.
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            Path logDirectory = home.directory("logs");
            logs.ifPresent(settings ->
                    settings.postgres(logDirectory, binaries.isEmpty()).forEach(builder::setServerConfig));
            postgres = builder.setLocaleConfig("auth", "scram-sha-256") // after zonky's "-A trust": the last one counts
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", superPassword)
                    .start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        try {
            provision(postgres, superPassword, endpoint(home, address, port).password(), binaries.isEmpty());
            requirePasswords(postgres, data);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("cannot prepare database '" + DATABASE + "': " + e.getMessage(), e);
        }
        // pg_ctl started the postmaster detached: it is found by the pid file in its data directory.
        Path pidFile = data.resolve("postmaster.pid");
        ProcessHandle postmaster = ProcessHandle.of(
                        Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                .orElseThrow(() -> new IOException("PostgreSQL stopped right after it started; see " + log));
        return new EmbeddedDatabase(postgres, postmaster);
    }

    /** A server on the data directory {@code data} of this home (its binaries unpacked in the home too). */
    private static EmbeddedPostgres.Builder builder(InstallationHome home, Path data, String address, int port)
            throws IOException {
        Redirect output = LogSettings.console(home.directory("logs"), "postgres");
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
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
                .setOutputRedirector(output)
                .setErrorRedirector(output);
    }

    /**
     * Our {@code pg_hba.conf}, then a reload: from here on every connection needs its password. The superuser's was
     * set before ({@link #provision}), so a home that still had {@code trust} is converted without a lock-out.
     */
    private static void requirePasswords(EmbeddedPostgres postgres, Path data) throws IOException, SQLException {
        Path hba = data.resolve("pg_hba.conf");
        if (!HBA.equals(Files.readString(hba))) {
            Files.writeString(hba, HBA);
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
        }
    }

    /**
     * The embedded database of a home as EMS ({@code ems}) or as its superuser reach it on this address and port, from
     * the secrets the home holds (read without taking the home: while its EMS runs too).
     */
    static DatabaseEndpoint endpoint(Path root, String address, int port, boolean superuser) throws IOException {
        var secrets = InstallationHome.storedSecrets(root);
        return superuser
                ? new DatabaseEndpoint(url(address, port), SUPERUSER, secrets.getProperty("db.superuser.password"))
                : new DatabaseEndpoint(url(address, port), ROLE, secrets.getProperty("db.password"));
    }

    /** How EMS reaches the embedded database of this home, before or after it started. */
    public static DatabaseEndpoint endpoint(InstallationHome home, String address, int port) throws IOException {
        return new DatabaseEndpoint(url(address, port), ROLE, home.secret("db.password"));
    }

    private static String url(String address, int port) {
        return "jdbc:postgresql://" + address + ":" + port + "/" + DATABASE;
    }

    /**
     * Creates role and database on first start; keeps both passwords in step with the generated secrets (the
     * superuser's too: a home initialised with {@code trust} had none); with {@code statementStatistics} (our own
     * binaries, where it is preloaded) the extension {@code pg_stat_statements} in the database.
     */
    private static void provision(
            EmbeddedPostgres postgres, String superPassword, String password, boolean statementStatistics)
            throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            // The passwords come from our own generator (URL-safe Base64), so they cannot break the quoting.
            s.execute("alter role " + SUPERUSER + " password '" + superPassword + "'");
            if (!exists(c, "select 1 from pg_roles where rolname = ?", ROLE)) {
                s.execute("create role " + ROLE + " login");
            }
            s.execute("alter role " + ROLE + " password '" + password + "'");
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + ROLE + " encoding 'UTF8'");
            }
        }
        if (statementStatistics) {
            try (Connection c = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
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
