package org.ems.simulator.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real X server for the window's tests: Debian's Xvfb (which {@code .ci/run} installs), on a display it picks
 * itself, so tests in parallel JVMs never share one.
 */
public final class XvfbDisplay implements AutoCloseable {

    private static final Path XVFB = Path.of("/usr/bin/Xvfb");

    private final Process xvfb;
    private final String display;

    private XvfbDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** A running X server; without Xvfb the test is skipped, except in CI, where that is a failure. */
    public static XvfbDisplay start() throws IOException {
        boolean installed = Files.isExecutable(XVFB);
        assertThat(installed || System.getenv("CI") == null)
                .as("Xvfb installed in CI")
                .isTrue();
        assumeTrue(installed, "Xvfb is not installed (apt install xvfb)");
        Process xvfb = new ProcessBuilder(
                        XVFB.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // It writes its display's number once it takes connections.
        String number =
                new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            xvfb.destroy();
            throw new IOException("Xvfb did not start (it said " + number + ")");
        }
        return new XvfbDisplay(xvfb, ":" + number.strip());
    }

    /** {@code process}, to be started on this display. */
    public ProcessBuilder on(ProcessBuilder process) {
        process.environment().put("DISPLAY", display);
        return process;
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}
