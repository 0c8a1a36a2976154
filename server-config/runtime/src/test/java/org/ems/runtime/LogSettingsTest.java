package org.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSettingsTest {

    @TempDir
    Path logs;

    @Test
    void aProcessOfOursRotatesItsLogBySizeAndKeepsTheNumberOfFilesItIsGiven() throws IOException {
        LogSettings settings = new LogSettings(Level.INFO, true, 1 << 20, 3);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        List<Handler> handlers = List.of(root.getHandlers());
        settings.install(logs, "rotating");
        try {
            Logger logger = Logger.getLogger("org.ems.rotation");
            String line = "x".repeat(1000);
            for (int i = 0; i < 5_000; i++) { // about 5 MiB of records
                logger.info(line);
            }
            logger.fine("below the level: not written");
        } finally {
            for (Handler handler : root.getHandlers()) {
                if (!handlers.contains(handler)) {
                    root.removeHandler(handler);
                    handler.close();
                }
            }
            root.setLevel(before);
        }
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> written =
                    files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
            assertThat(written)
                    .extracting(f -> f.getFileName().toString())
                    .containsExactly("rotating.0.log", "rotating.1.log", "rotating.2.log");
            for (Path file : written) {
                assertThat(Files.size(file)).isLessThanOrEqualTo((1 << 20) + 2_000);
                assertThat(Files.readAllLines(file))
                        .allMatch(record -> record.startsWith("{\"time\":\"") && record.contains("\"level\":\"INFO\""));
            }
        }
    }

    @Test
    void postgresLogsArePrunedToTheNewestFilesKept() throws IOException {
        for (String name : List.of(
                "postgres-2026-12-01_080000.log",
                "postgres-2026-12-02_080000.log",
                "postgres-2026-12-03_080000.log",
                "postgres-2026-12-03_090000.log",
                "micro.0.log")) {
            Files.writeString(logs.resolve(name), "x");
        }
        new LogSettings(Level.INFO, false, 1 << 20, 2).prune(logs, "postgres-");
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("micro.0.log", "postgres-2026-12-03_080000.log", "postgres-2026-12-03_090000.log");
        }
    }

    @Test
    void payaraMicroAndPostgresqlGetTheSameRules() {
        LogSettings settings = new LogSettings(Level.FINE, true, 10 << 20, 5);
        Properties levels = new Properties();
        levels.setProperty("com.hazelcast.level", "WARNING");
        Properties micro = settings.micro(logs, "micro-2", levels);
        assertThat(micro)
                .containsEntry("handlers", "java.util.logging.FileHandler")
                .containsEntry(".level", "FINE")
                .containsEntry(
                        "java.util.logging.FileHandler.pattern",
                        logs.resolve("micro-2.%g.log").toString())
                .containsEntry("java.util.logging.FileHandler.limit", Integer.toString(10 << 20))
                .containsEntry("java.util.logging.FileHandler.count", "5")
                .containsEntry(
                        "java.util.logging.FileHandler.formatter",
                        "fish.payara.enterprise.server.logging.JSONLogFormatter")
                .containsEntry("com.hazelcast.level", "WARNING");
        assertThat(settings.postgres(logs, true))
                .containsEntry("log_destination", "jsonlog")
                .containsEntry("log_rotation_size", "10240kB")
                .containsEntry("log_min_messages", "debug1");
        assertThat(settings.postgres(logs, false)).containsEntry("log_destination", "stderr");
    }
}
