package org.ems.contracts.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What keeps the code base readable as it grows, checked on every build over the whole repository: small source
 * files, tests that wait for a signal rather than a fixed time, no reference to a file the repository lacks, and a
 * README a newcomer reads to the end.
 */
class RepositoryGuardTest {

    /** The repository: the parent of this module's directory, where the build runs its tests. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final int MAX_SOURCE_LINES = 300;
    private static final int MAX_README_LINES = 300;

    /** A document a source or another document may name: a path ending in ".md". */
    private static final Pattern DOCUMENT = Pattern.compile("(?<![\\w/.-])((?:[\\w-]+/)*[\\w-]+\\.md)\\b");

    @Test
    void noMainSourceFileIsLongerThan300Lines() {
        List<String> long_ = sources("/src/main/", ".java", ".js")
                .filter(file -> lines(file).size() > MAX_SOURCE_LINES)
                .map(file -> ROOT.relativize(file) + " (" + lines(file).size() + " lines)")
                .toList();
        assertThat(long_)
                .as("main source files over %d lines: split them by job", MAX_SOURCE_LINES)
                .isEmpty();
    }

    @Test
    void noTestWaitsAFixedTime() {
        String sleep = "Thread." + "sleep("; // not found in this file itself
        List<String> sleeping = sources("/src/test/", ".java")
                .filter(file -> lines(file).stream().anyMatch(line -> line.contains(sleep)))
                .map(file -> ROOT.relativize(file).toString())
                .toList();
        assertThat(sleeping)
                .as("tests that sleep: await a condition with a deadline instead (Awaitility)")
                .isEmpty();
    }

    @Test
    void everyDocumentASourceNamesIsInTheRepository() {
        List<String> missing = Stream.concat(
                        sources("/src/", ".java", ".js", ".xhtml", ".xml", ".properties", ".sql"), markdown())
                .flatMap(file -> lines(file).stream()
                        .flatMap(line -> documents(line).filter(name -> !exists(file, name)))
                        .map(name -> ROOT.relativize(file) + " names " + name))
                .distinct()
                .toList();
        assertThat(missing).as("references to documents the repository lacks").isEmpty();
    }

    @Test
    void theReadmeIsShort() {
        assertThat(lines(ROOT.resolve("README.md")))
                .as("README.md: what a newcomer needs; the rest belongs in docs/")
                .hasSizeLessThanOrEqualTo(MAX_README_LINES);
    }

    private static Stream<String> documents(String line) {
        Matcher m = DOCUMENT.matcher(line);
        Stream.Builder<String> found = Stream.builder();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.build();
    }

    /** Relative to the repository, its {@code docs/}, or the naming file's directory. */
    private static boolean exists(Path file, String name) {
        return Stream.of(ROOT, ROOT.resolve("docs"), file.getParent()).anyMatch(dir -> Files.exists(dir.resolve(name)));
    }

    private static Stream<Path> sources(String under, String... endings) {
        return files().filter(file -> {
            String path = file.toString();
            return path.contains(under) && Stream.of(endings).anyMatch(path::endsWith);
        });
    }

    private static Stream<Path> markdown() {
        return files().filter(file -> file.toString().endsWith(".md"));
    }

    private static Stream<Path> files() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk
                    .filter(Files::isRegularFile)
                    .filter(file -> {
                        String path = ROOT.relativize(file).toString();
                        return !path.startsWith(".")
                                && !path.contains("/target/")
                                && !path.startsWith("target/")
                                && !path.contains("node_modules/")
                                && !path.contains("/.");
                    })
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
