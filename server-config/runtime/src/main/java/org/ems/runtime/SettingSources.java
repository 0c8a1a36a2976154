package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where settings come from: the defaults of the template {@code conf/ems.properties} (the one list of every setting),
 * then {@code $EMS_HOME/ems.properties}, then {@code EMS_*} variables, each winning over the one before. Settings are
 * handed on under their variable names ({@code ems.http.port} is {@code EMS_HTTP_PORT}, as MicroProfile Config maps
 * it), so that a message can name both.
 */
final class SettingSources {

    /** The settings file in a home, and the template's name on the class path and in the distribution. */
    static final String FILE = "ems.properties";

    /** A setting in the template: {@code #ems.key=default}. */
    private static final Pattern ENTRY = Pattern.compile("#(ems\\.[a-z0-9.-]+)=(.*)");

    private static final Map<String, String> CATALOG = catalog();

    private SettingSources() {}

    /** Every setting the template lists, keyed by its variable name, with its default ("" for none). */
    static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        CATALOG.forEach((key, value) -> defaults.put(variable(key), value));
        return defaults;
    }

    /** Every setting's key ({@code ems.http.port}), in the template's order. */
    static Iterable<String> keys() {
        return CATALOG.keySet();
    }

    /** A key's variable: upper case, every character but letters and digits as '_'. */
    static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** How a message names a setting: its key and its variable. */
    static String named(String variable) {
        return CATALOG.keySet().stream()
                .filter(key -> variable(key).equals(variable))
                .findFirst()
                .map(key -> key + " (" + variable + ")")
                .orElse(variable);
    }

    /** The home that {@code EMS_HOME} names (default {@code .ems}), relative to the working directory. */
    static Path home(Map<String, String> environment, Path workingDirectory) {
        return workingDirectory
                .resolve(environment.getOrDefault("EMS_HOME", ".ems"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The settings in force, by variable name: the defaults, the home's file, the environment. A key in the file that
     * the template does not list stops here, with the file and the key named.
     */
    static Map<String, String> resolve(Map<String, String> environment, Path workingDirectory) {
        Map<String, String> settings = new HashMap<>(defaults());
        Path file = home(environment, workingDirectory).resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
            }
            for (String key : properties.stringPropertyNames()) {
                if (!CATALOG.containsKey(key)) {
                    throw new IllegalArgumentException(
                            file + ": unknown setting '" + key + "' (docs/configuration.md lists them)");
                }
                settings.put(variable(key), properties.getProperty(key).strip());
            }
        }
        settings.putAll(environment);
        return Collections.unmodifiableMap(settings);
    }

    /** Puts the template into a home that has no settings file yet (its first start), readable by its owner only. */
    static void offerTemplate(InstallationHome home) throws IOException {
        Path file = home.root().resolve(FILE);
        if (!Files.exists(file)) {
            InstallationHome.writePrivate(file, template());
        }
    }

    /** The template's text. */
    static String template() {
        try (InputStream in = SettingSources.class.getResourceAsStream("conf/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> catalog() {
        Map<String, String> catalog = new LinkedHashMap<>();
        template().lines().forEach(line -> {
            Matcher entry = ENTRY.matcher(line.strip());
            if (entry.matches()) {
                catalog.put(entry.group(1), entry.group(2).strip());
            }
        });
        return Collections.unmodifiableMap(catalog);
    }
}
