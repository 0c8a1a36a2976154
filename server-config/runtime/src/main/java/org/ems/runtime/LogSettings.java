package org.ems.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ems.contracts.platform.LogLines;

/**
 * How every process of EMS logs under {@code $EMS_HOME/logs} ({@code ems.log.*}): at {@code level}, as text or JSON
 * lines, each log rotated at {@code fileSize} bytes with {@code files} files kept. The one place for these rules:
 * the launcher's and broker's JVMs ({@link #install}), Payara Micro ({@link #micro}), PostgreSQL ({@link #postgres}),
 * and the application's access log (the properties of {@link #application}). What a process prints outside its
 * logging (a JVM's crash report) goes to {@code <name>.out} ({@link #console}), which keeps the previous start's too.
 */
public record LogSettings(Level level, boolean json, long fileSize, int files) {

    static LogSettings from(Map<String, String> env) {
        String level = env.get("EMS_LOG_LEVEL").strip().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST")
                .contains(level)) {
            throw EmsSettings.invalid(
                    "EMS_LOG_LEVEL", "SEVERE, WARNING, INFO, CONFIG, FINE, FINER or FINEST", env.get("EMS_LOG_LEVEL"));
        }
        String format = env.get("EMS_LOG_FORMAT").strip();
        if (!format.equals("text") && !format.equals("json")) {
            throw EmsSettings.invalid("EMS_LOG_FORMAT", "text or json", format);
        }
        long mib = EmsSettings.mebibytes(env, "EMS_LOG_FILE_SIZE", 1, 1024, "a size from 1m to 1g (10m, 100m)");
        int files = EmsSettings.number(env, "EMS_LOG_FILES", 2, 1000, "a number of files from 2 to 1000");
        return new LogSettings(Level.parse(level), format.equals("json"), mib * 1024 * 1024, files);
    }

    /**
     * Sends this JVM's records at {@link #level} or above to {@code logs/<name>.0.log} (then {@code .1.log}, ... as it
     * rotates); the console, if the JVM has one, keeps showing warnings, and EMS's own progress.
     */
    void install(Path logs, String name) throws IOException {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setFilter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                        || (record.getLoggerName() != null
                                && record.getLoggerName().startsWith("org.ems")));
            }
        }
        FileHandler file = new FileHandler(
                logs.resolve(name + ".%g.log").toString(), (int) Math.min(fileSize, Integer.MAX_VALUE), files, true);
        file.setFormatter(json ? LogLines.json() : LogLines.text());
        file.setLevel(level);
        root.addHandler(file);
        root.setLevel(level);
        Logger.getLogger("org.ems").setLevel(level);
    }

    /**
     * Payara Micro's logging ({@code --logProperties}): the JDK's file handler (Micro's log manager loads only handlers
     * of the JDK) writing {@code logs/<name>.0.log}, in Payara's own format or its JSON one; Micro's loggers at the
     * levels {@code levels} gives (its quieter defaults) and ours.
     */
    Properties micro(Path logs, String name, Properties levels) {
        String handler = "java.util.logging.FileHandler";
        Properties properties = new Properties();
        properties.putAll(levels);
        properties.setProperty("handlers", handler);
        properties.setProperty(".level", level.getName());
        properties.setProperty(
                handler + ".pattern", logs.resolve(name + ".%g.log").toString());
        properties.setProperty(handler + ".limit", Long.toString(fileSize));
        properties.setProperty(handler + ".count", Integer.toString(files));
        properties.setProperty(handler + ".append", "true");
        properties.setProperty(handler + ".level", "ALL");
        properties.setProperty(
                handler + ".formatter",
                json
                        ? "fish.payara.enterprise.server.logging.JSONLogFormatter"
                        : "com.sun.enterprise.server.logging.ODLLogFormatter");
        return properties;
    }

    /**
     * PostgreSQL's own log collector: files {@code logs/postgres-<start time>.log} (or {@code .json}), a new one at
     * {@link #fileSize}; {@link #prune} keeps {@link #files} of them. An older server (the upgrade's 14) has no JSON.
     */
    Map<String, String> postgres(Path logs, boolean jsonSupported) {
        String minimum = switch (level.getName()) {
            case "SEVERE" -> "error";
            case "CONFIG" -> "info";
            case "FINE" -> "debug1";
            case "FINER" -> "debug2";
            case "FINEST" -> "debug5";
            default -> "warning"; // WARNING, INFO: PostgreSQL's default
        };
        return Map.of(
                "logging_collector",
                "on",
                "log_directory",
                logs.toString(),
                "log_filename",
                "postgres-%Y-%m-%d_%H%M%S.log",
                "log_file_mode",
                "0600",
                "log_rotation_size",
                (fileSize / 1024) + "kB",
                "log_rotation_age",
                "0",
                "log_destination",
                json && jsonSupported ? "jsonlog" : "stderr",
                "log_min_messages",
                minimum);
    }

    /** Deletes the oldest files of a log whose files start with {@code prefix} beyond the {@link #files} kept. */
    void prune(Path logs, String prefix) {
        try (Stream<Path> all = Files.list(logs)) {
            List<Path> newestFirst = all.filter(
                            file -> file.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparing(
                                    (Path file) -> file.getFileName().toString())
                            .reversed())
                    .toList();
            for (Path old : newestFirst.subList(Math.min(files, newestFirst.size()), newestFirst.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the application's access log needs (MicroProfile Config properties handed to Payara Micro). */
    Properties application(Path logs) {
        Properties properties = new Properties();
        properties.setProperty("ems.log.directory", logs.toString());
        properties.setProperty("ems.log.format", json ? "json" : "text");
        properties.setProperty("ems.log.file-size", Long.toString(fileSize));
        properties.setProperty("ems.log.files", Integer.toString(files));
        return properties;
    }

    /** For a child JVM of ours: these settings as system properties, read back by {@link #ofChild()}. */
    List<String> childOptions() {
        return List.of(
                "-Dems.log.level=" + level.getName(),
                "-Dems.log.format=" + (json ? "json" : "text"),
                "-Dems.log.file-size=" + fileSize,
                "-Dems.log.files=" + files);
    }

    static LogSettings ofChild() {
        return new LogSettings(
                Level.parse(System.getProperty("ems.log.level")),
                "json".equals(System.getProperty("ems.log.format")),
                Long.parseLong(System.getProperty("ems.log.file-size")),
                Integer.parseInt(System.getProperty("ems.log.files")));
    }

    /**
     * Where a process's own output goes: {@code logs/<name>.out}, the previous start's moved to {@code <name>.out.1}
     * (a crash report survives the restart that follows it).
     */
    static java.lang.ProcessBuilder.Redirect console(Path logs, String name) throws IOException {
        Path out = logs.resolve(name + ".out");
        if (Files.exists(out)) {
            Files.move(out, logs.resolve(name + ".out.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return java.lang.ProcessBuilder.Redirect.to(out.toFile());
    }
}
