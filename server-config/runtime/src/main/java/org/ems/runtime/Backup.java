package org.ems.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;

/**
 * {@code ems backup FILE}: one archive (zip) of an installation, written while EMS runs or while it is stopped: every
 * module schema of the embedded database as one consistent snapshot (one repeatable-read transaction; each table as
 * PostgreSQL's COPY text), the home's secrets, keys and settings, and a manifest with the EMS version and each
 * schema's migration version ({@link Restore} needs them). Readings still waiting in the broker are not in it.
 */
final class Backup {

    static final String MANIFEST = "manifest.properties";
    static final String HOME = "home/";
    static final String DATA = "db/";
    /** What of the home a backup holds, besides the database: secrets, the JWT keys, TLS material, the settings. */
    static final List<String> HOME_FILES = List.of("secrets.properties", SettingSources.FILE);

    static final List<String> HOME_DIRECTORIES = List.of("jwt", "tls");

    private Backup() {}

    /** Writes the backup of this installation to {@code file}; returns the manifest it wrote. */
    static Properties write(EmsSettings settings, Path file) throws Exception {
        if (settings.dbUrl().isPresent()) {
            throw new IllegalArgumentException("ems backup covers the embedded database: back up the one "
                    + SettingSources.named("EMS_DB_URL") + " names with its own tools, and $EMS_HOME with it");
        }
        Path root = settings.home();
        if (!Files.isRegularFile(root.resolve("secrets.properties"))) {
            throw new IllegalArgumentException("no EMS installation in " + root + " (EMS_HOME)");
        }
        Optional<InstallationHome> stopped = stopped(root);
        try (EmbeddedDatabase started = stopped.isPresent() ? EmbeddedDatabase.start(stopped.get(), settings) : null;
                Connection c = EmbeddedDatabase.endpoint(root, settings.bindAddress(), settings.dbPort(), false)
                        .connect()) {
            return write(root, c, file);
        } finally {
            if (stopped.isPresent()) {
                stopped.get().close();
            }
        }
    }

    /** The home, held for the backup, when no EMS runs on it; empty when one does (its database is up). */
    private static Optional<InstallationHome> stopped(Path root) throws IOException {
        try {
            return Optional.of(InstallationHome.open(root));
        } catch (InstallationHome.AlreadyRunningException running) {
            return Optional.empty();
        }
    }

    /** Writes the backup of the database {@code c} is connected to, and of the home's files, to {@code file}. */
    static Properties write(Path root, Connection c, Path file) throws Exception {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for every table
        c.setReadOnly(true);
        Properties manifest = new Properties();
        manifest.setProperty("format", "1");
        manifest.setProperty("ems.version", Launcher.version());
        manifest.setProperty("created", Instant.now().toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, InstallationHome.OWNER_ONLY_FILE); // it holds the secrets
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            List<String> tables = new ArrayList<>();
            for (String schema : SchemaMigrations.SCHEMAS) {
                version(c, schema).ifPresent(v -> manifest.setProperty("schema." + schema, v));
                for (String table : tables(c, schema)) {
                    String name = schema + "." + table;
                    tables.add(name);
                    manifest.setProperty("columns." + name, String.join(",", columns(c, schema, table)));
                    zip.putNextEntry(new ZipEntry(DATA + name));
                    long rows = c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyOut("COPY (SELECT * FROM " + name + ") TO STDOUT", unclosable(zip));
                    manifest.setProperty("rows." + name, Long.toString(rows));
                }
            }
            manifest.setProperty("tables", String.join(",", tables));
            for (Path homeFile : homeFiles(root)) {
                zip.putNextEntry(new ZipEntry(HOME + root.relativize(homeFile)));
                Files.copy(homeFile, zip);
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "EMS backup");
        }
        c.rollback();
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return manifest;
    }

    /** The home's files a backup holds. */
    private static List<Path> homeFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : HOME_FILES) {
            if (Files.isRegularFile(root.resolve(name))) {
                files.add(root.resolve(name));
            }
        }
        for (String directory : HOME_DIRECTORIES) {
            if (Files.isDirectory(root.resolve(directory))) {
                try (Stream<Path> inside = Files.list(root.resolve(directory))) {
                    inside.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The schema's migration version (its Flyway history), empty if it has none. */
    static Optional<String> version(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select to_regclass('" + schema + ".flyway_schema_history') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Optional.empty();
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version from " + schema + ".flyway_schema_history"
                        + " where success and version is not null order by installed_rank desc limit 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** The schema's tables (a partitioned one as one table, its partitions not), Flyway's history left out. */
    private static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var s = c.prepareStatement("select c.relname from pg_class c join pg_namespace n on n.oid ="
                + " c.relnamespace where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition"
                + " and c.relname <> 'flyway_schema_history' order by c.relname")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static List<String> columns(Connection c, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var s = c.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = ? and table_name = ? order by ordinal_position")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** The zip's stream for one entry: COPY closes what it writes to, the zip must stay open. */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
