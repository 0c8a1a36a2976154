package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;

/**
 * {@code ems restore FILE}: fills an empty {@code EMS_HOME} from a {@link Backup}. The home's secrets, keys and settings
 * first (the new database takes the backup's passwords); then a new embedded database, each schema migrated to the
 * version it had in the backup, its tables loaded, sequences moved past the loaded rows. The next {@code ems run}
 * migrates on to this EMS's versions as an upgrade would. A backup of a newer schema than this EMS knows is refused,
 * as is a home that is not empty.
 */
final class Restore {

    private Restore() {}

    /** Restores {@code file} into the (empty) home of these settings; returns the backup's manifest. */
    static Properties from(Path file, EmsSettings settings, ClassLoader modules) throws Exception {
        if (settings.dbUrl().isPresent()) {
            throw new IllegalArgumentException("ems restore fills the embedded database: with "
                    + SettingSources.named("EMS_DB_URL") + " restore that database with its own tools");
        }
        Path root = settings.home();
        try (Stream<Path> inside = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            if (inside.findAny().isPresent()) {
                throw new IllegalArgumentException(
                        "EMS_HOME " + root + " is not empty: ems restore fills a new, empty home only");
            }
        }
        boolean restored = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties manifest = manifest(zip);
            Files.createDirectories(root);
            for (ZipEntry entry : zip.stream()
                    .filter(e -> e.getName().startsWith(Backup.HOME))
                    .toList()) {
                Path target = root.resolve(entry.getName().substring(Backup.HOME.length()))
                        .normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("a backup entry outside the home: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                Files.createFile(target, InstallationHome.OWNER_ONLY_FILE);
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (InstallationHome home = InstallationHome.open(root);
                    EmbeddedDatabase database = EmbeddedDatabase.start(home, settings)) {
                fill(
                        zip,
                        manifest,
                        EmbeddedDatabase.endpoint(root, settings.bindAddress(), settings.dbPort(), false),
                        EmbeddedDatabase.endpoint(root, settings.bindAddress(), settings.dbPort(), true),
                        modules);
            }
            restored = true;
            return manifest;
        } finally {
            if (!restored) {
                InstallationHome.deleteTree(root, true); // it was empty: a failed restore leaves it so
            }
        }
    }

    /**
     * Fills a new, empty database from a backup: each schema migrated to its version in the backup, then the tables
     * loaded (as the superuser); refused if a schema is newer than this EMS knows.
     */
    static void fill(
            ZipFile zip, Properties manifest, DatabaseEndpoint owner, DatabaseEndpoint superuser, ClassLoader modules)
            throws Exception {
        refuseNewer(manifest, owner, modules);
        for (String schema : SchemaMigrations.SCHEMAS) {
            String version = manifest.getProperty("schema." + schema);
            if (version != null) {
                SchemaMigrations.flyway(owner, modules, schema)
                        .target(MigrationVersion.fromVersion(version))
                        .load()
                        .migrate();
            }
        }
        try (Connection c = superuser.connect()) {
            load(zip, manifest, c);
        }
    }

    /** A backup's manifest. */
    static Properties manifest(ZipFile zip) throws IOException {
        Properties manifest = new Properties();
        try (InputStream in = entry(zip, Backup.MANIFEST)) {
            manifest.load(in);
        }
        return manifest;
    }

    /** Stops here when a schema of the backup is at a version this EMS has no migration for. */
    private static void refuseNewer(Properties manifest, DatabaseEndpoint database, ClassLoader modules) {
        for (String schema : SchemaMigrations.SCHEMAS) {
            String version = manifest.getProperty("schema." + schema);
            if (version == null) {
                continue;
            }
            MigrationVersion known = SchemaMigrations.latest(database, modules, schema);
            if (MigrationVersion.fromVersion(version).isNewerThan(known.getVersion())) {
                throw new IllegalArgumentException(
                        "the backup is of a newer EMS (" + manifest.getProperty("ems.version")
                                + ": schema " + schema + " at version " + version + ", this EMS " + Launcher.version()
                                + " knows up to " + known + "); restore it with that version or a later one");
            }
        }
    }

    /** The tables, as the superuser with triggers (foreign keys) off while loading, in one transaction. */
    private static void load(ZipFile zip, Properties manifest, Connection c) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
        }
        String tables = manifest.getProperty("tables", "");
        for (String table : tables.isEmpty() ? List.<String>of() : List.of(tables.split(","))) {
            try (InputStream in = entry(zip, Backup.DATA + table)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + table + " (" + manifest.getProperty("columns." + table) + ") FROM STDIN", in);
            }
        }
        try (Statement s = c.createStatement()) {
            // every sequence owned by a column of the module schemas past that column's largest value
            List<String> setvals = new java.util.ArrayList<>();
            try (var sequences = c.prepareStatement("select format('select setval(%L, coalesce(max(%I), 1), max(%I)"
                    + " is not null) from %I.%I', n.nspname || '.' || q.relname, a.attname, a.attname, n.nspname,"
                    + " t.relname) from pg_class q join pg_namespace n on n.oid = q.relnamespace join pg_depend d on"
                    + " d.objid = q.oid and d.deptype in ('a', 'i') join pg_class t on t.oid = d.refobjid join"
                    + " pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid where q.relkind = 'S'"
                    + " and n.nspname = any(?)")) {
                sequences.setArray(1, c.createArrayOf("text", SchemaMigrations.SCHEMAS.toArray()));
                try (ResultSet rs = sequences.executeQuery()) {
                    while (rs.next()) {
                        setvals.add(rs.getString(1));
                    }
                }
            }
            for (String setval : setvals) {
                s.execute(setval);
            }
            // restored readings wait in the default partition: into their months (the upkeep's own function)
            try (ResultSet rs = s.executeQuery("select to_regproc('monitoring.reading_months_waiting') is not null")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    s.execute("select monitoring.reading_months_waiting()");
                }
            }
        }
        c.commit();
    }

    private static InputStream entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("not an EMS backup, or a damaged one: no " + name);
        }
        return zip.getInputStream(entry);
    }
}
