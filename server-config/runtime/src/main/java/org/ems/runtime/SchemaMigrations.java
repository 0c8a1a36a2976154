package org.ems.runtime;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings each module's schema up to date with Flyway. Every module owns one schema and its migrations under
 * {@code db/migration/<schema>} in its jar; each schema keeps its own history table, so modules evolve
 * independently and never touch each other's tables.
 */
public final class SchemaMigrations {

    /** The module schemas, in the order they are migrated. */
    public static final List<String> SCHEMAS = List.of("users", "devices", "monitoring", "chat");

    private SchemaMigrations() {}

    /** Migrates every schema whose migrations are on the class path; returns how many migrations ran. */
    public static int migrate(DatabaseEndpoint database, ClassLoader modules) {
        int applied = 0;
        for (String schema : SCHEMAS) {
            if (modules.getResource(location(schema)) == null) {
                continue;
            }
            MigrateResult result = flyway(database, modules, schema).load().migrate();
            applied += result.migrationsExecuted;
        }
        return applied;
    }

    /** Flyway for one module's schema, its own history table, its migrations from the modules' jars. */
    static FluentConfiguration flyway(DatabaseEndpoint database, ClassLoader modules, String schema) {
        return Flyway.configure(modules)
                .dataSource(database.url(), database.user(), database.password())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:" + location(schema))
                .failOnMissingLocations(true);
    }

    /** The version of the last migration the modules hold for a schema. */
    static MigrationVersion latest(DatabaseEndpoint database, ClassLoader modules, String schema) {
        return Arrays.stream(flyway(database, modules, schema).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(java.util.Objects::nonNull)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
    }

    private static String location(String schema) {
        return "db/migration/" + schema;
    }
}
