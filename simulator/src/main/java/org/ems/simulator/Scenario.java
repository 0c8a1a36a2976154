package org.ems.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A scenario file for repeatable QA runs ({@code ./ems simulate --scenario FILE}): YAML or JSON, one key per option of
 * {@code ./ems simulate}, by its name without the dashes ({@code devices-per-client: 5}; a list repeats the option,
 * {@code true} sets a switch). Its options come first, so those also given on the command line win.
 *
 * <pre>
 * ems: http://127.0.0.1:8080/
 * protocol: mqtt
 * clients: 10
 * devices-per-client: 5
 * own-credentials: true
 * profile: household=0.6,ev=0.3,shop=0.1
 * faults: duplicate=0.1,reorder=0.05,late=0.02:PT2H,gap=0.01:PT3H,surge=0.01:x5
 * seed: 42
 * start: 2026-06-01T00:00:00Z
 * count: 288
 * speed: 6000
 * ledger: run.csv
 * </pre>
 */
final class Scenario {

    static final String OPTION = "--scenario";

    private Scenario() {}

    /** The command line with {@code --scenario FILE} replaced by the file's options, placed first. */
    static String[] expand(String[] args) throws IOException {
        List<String> rest = new ArrayList<>();
        List<String> scenario = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                scenario.addAll(options(Path.of(args[++i])));
            } else if (args[i].startsWith(OPTION + "=")) {
                scenario.addAll(options(Path.of(args[i].substring(OPTION.length() + 1))));
            } else {
                rest.add(args[i]);
            }
        }
        scenario.addAll(rest);
        return scenario.toArray(String[]::new);
    }

    /** The options a scenario file stands for. */
    static List<String> options(Path file) throws IOException {
        Object document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Load(LoadSettings.builder().build()).loadFromReader(in);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(file + " is not YAML or JSON: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException(file + " must hold a map of options (ems: ..., protocol: ...)");
        }
        List<String> options = new ArrayList<>();
        entries.forEach((key, value) -> {
            String option = "--" + key;
            if (value instanceof Boolean on) {
                if (on) {
                    options.add(option);
                }
            } else if (value instanceof List<?> values) {
                values.forEach(v -> options.addAll(List.of(option, String.valueOf(v))));
            } else if (value != null) {
                options.addAll(List.of(option, String.valueOf(value)));
            }
        });
        return options;
    }
}
