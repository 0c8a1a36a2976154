package org.ems.runtime;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A home whose embedded database is of an older PostgreSQL major version than this EMS's (14, as EMS 1.0.0 made it)
 * is upgraded before its first start, as a logical copy through both servers: the old data directory is moved aside
 * to {@code postgres-<old>}, an old server started on it with the binaries the distribution keeps for this
 * ({@code lib/postgres-<old>/}), everything copied out as a {@link Backup} would, a new server initialised in
 * {@code postgres}, and the copy loaded as {@link Restore} would. Only then is the old directory removed; if anything
 * fails, the new one is removed and the old one put back, so the next start tries again on the untouched data.
 */
final class PostgresUpgrade {

    private static final Logger LOG = Logger.getLogger(PostgresUpgrade.class.getName());

    /** The major version of this EMS's PostgreSQL binaries (the build writes it). */
    static final int MAJOR = major();

    private PostgresUpgrade() {}

    /** Upgrades the home's data directory if an older PostgreSQL made it; nothing otherwise. */
    static void ifOlder(InstallationHome home) throws IOException {
        Path data = home.root().resolve("postgres");
        Path aside = interrupted(home);
        Path versionFile = data.resolve("PG_VERSION");
        if (aside == null && !Files.isRegularFile(versionFile)) {
            return; // a new home
        }
        int old = aside != null
                ? Integer.parseInt(aside.getFileName().toString().substring("postgres-".length()))
                : Integer.parseInt(Files.readString(versionFile).trim());
        if (old > MAJOR) {
            throw new IOException("the database in " + data + " is of PostgreSQL " + old + ", newer than this EMS's "
                    + MAJOR + ": run it with the EMS that made it, or a later one");
        }
        if (old == MAJOR) {
            return;
        }
        Path binaries = oldBinaries(old);
        LOG.info(() -> "Upgrading the embedded PostgreSQL from " + old + " to " + MAJOR + " (a copy through both"
                + " servers; the old data stays in postgres-" + old + " until it has succeeded)");
        if (aside == null) {
            aside = home.root().resolve("postgres-" + old);
            Files.move(data, aside);
        }
        Path copy = home.directory("run").resolve("postgres-upgrade.zip");
        boolean upgraded = false;
        try {
            copyOut(home, aside, binaries, copy);
            int port = FreePorts.any();
            try (EmbeddedDatabase database = EmbeddedDatabase.startServer(
                            home, data, "127.0.0.1", port, java.util.Optional.empty(), java.util.Optional.empty());
                    ZipFile zip = new ZipFile(copy.toFile())) {
                Restore.fill(
                        zip,
                        Restore.manifest(zip),
                        EmbeddedDatabase.endpoint(home.root(), "127.0.0.1", port, false),
                        EmbeddedDatabase.endpoint(home.root(), "127.0.0.1", port, true),
                        PostgresUpgrade.class.getClassLoader());
            }
            upgraded = true;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the upgrade of PostgreSQL from " + old + " to " + MAJOR + " failed: " + e, e);
        } finally {
            Files.deleteIfExists(copy);
            if (upgraded) {
                InstallationHome.deleteTree(aside, false);
            } else {
                InstallationHome.deleteTree(data, false);
                Files.move(aside, data); // as it was: the next start tries again
            }
        }
        Path oldData = aside;
        LOG.info(() -> "PostgreSQL upgraded to " + MAJOR + "; " + oldData + " removed");
    }

    /** The old data directory moved aside by an upgrade that did not end (the process killed): start over from it. */
    private static Path interrupted(InstallationHome home) throws IOException {
        try (Stream<Path> entries = Files.list(home.root())) {
            Path aside = entries.filter(p -> p.getFileName().toString().matches("postgres-\\d+"))
                    .findFirst()
                    .orElse(null);
            if (aside != null) {
                InstallationHome.deleteTree(home.root().resolve("postgres"), false);
            }
            return aside;
        }
    }

    /** Everything of the old server, copied out in one snapshot (the home's files with it, which are not used). */
    private static void copyOut(InstallationHome home, Path data, Path binaries, Path copy) throws Exception {
        int port = FreePorts.any();
        try (EmbeddedDatabase old = EmbeddedDatabase.startOlder(home, data, "127.0.0.1", port, binaries);
                Connection c = EmbeddedDatabase.endpoint(home.root(), "127.0.0.1", port, false)
                        .connect()) {
            Backup.write(home.root(), c, copy);
        }
    }

    /** The binaries of an older PostgreSQL, from the jar the distribution keeps in {@code lib/postgres-<major>}. */
    static PgBinaryResolver resolver(Path jar) {
        return (system, hardware) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            var entry = zip.getEntry("postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + hardware + ".txz");
            if (entry == null) {
                zip.close();
                throw new IOException(jar + " has no PostgreSQL for " + system + " " + hardware);
            }
            InputStream in = zip.getInputStream(entry);
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        };
    }

    private static Path oldBinaries(int old) throws IOException {
        Path directory = Path.of(System.getProperty("ems.dist", "server-config/dist/target/ems"))
                .resolve("lib")
                .resolve("postgres-" + old);
        try (Stream<Path> jars = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            return jars.filter(p -> p.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("the database of this home is of PostgreSQL " + old
                            + "; upgrading it to " + MAJOR + " needs that version's binaries in " + directory));
        }
    }

    private static int major() {
        try (InputStream in = PostgresUpgrade.class.getResourceAsStream("postgres.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return Integer.parseInt(properties.getProperty("binaries").split("\\.")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
