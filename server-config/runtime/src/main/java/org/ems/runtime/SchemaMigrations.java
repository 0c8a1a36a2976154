package org.ems.runtime;

import java.util.List;
import org.flywaydb.core.Flyway;
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
            String location = "db/migration/" + schema;
            if (modules.getResource(location) == null) {
                continue;
            }
            MigrateResult result = Flyway.configure(modules)
                    .dataSource(database.url(), database.user(), database.password())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations("classpath:" + location)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            applied += result.migrationsExecuted;
        }
        return applied;
    }
}
