package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ems.simulator.faults.FaultRun;
import org.junit.jupiter.api.Test;

/**
 * The fault run ({@code ./ems faults}) in short: every fault once, with scaled-down durations and a small
 * duplicate-id cache (so late copies outlive it), against the built distribution. The books must reconcile after each
 * fault and at the end. (The two-instance run is {@link ClusterFaultRunIT}: a suite of its own, so that the two run in
 * parallel test JVMs.)
 */
class FaultRunIT {

    @Test
    void everyFaultOnceAndTheBooksReconcile() throws Exception {
        faultRun(
                List.of(
                        "kill -9 the broker",
                        "kill -9 Payara Micro",
                        "kill -9 PostgreSQL",
                        "PostgreSQL frozen",
                        "kill -9 the launcher",
                        "three times the rate",
                        "end of the run"),
                "--duration",
                "2m",
                "--database-outage",
                "40s",
                "--overload",
                "30s");
    }

    /** Runs the fault run (30 meters at 60 readings/s, 300 duplicate ids) with these options; its table must have these rows, all reconciled. */
    static void faultRun(List<String> rows, String... options) throws Exception {
        Path work = Files.createDirectories(Path.of("target").toAbsolutePath());
        List<String> args = new java.util.ArrayList<>(List.of(
                "--dist", RunningEms.distribution().toAbsolutePath().toString(),
                "--rate", "60",
                "--devices", "30",
                "--duplicate-ids", "300",
                "--work", work.toString()));
        args.addAll(List.of(options));
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try (PrintStream both = new PrintStream(new TeeStream(console, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            exit = FaultRun.run(args.toArray(String[]::new));
        } finally {
            System.setOut(console);
        }
        String table = captured.toString(StandardCharsets.UTF_8);
        assertThat(table).contains(rows.toArray(String[]::new)).doesNotContain("MISMATCHES");
        assertThat(exit).as(table).isZero();
    }

    /** Writes to two streams: the console, and what the test reads. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
