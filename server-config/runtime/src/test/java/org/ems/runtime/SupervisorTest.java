package org.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The launcher's supervision, with {@code sleep} processes for services and back-offs in milliseconds. */
class SupervisorTest {

    /** A service that is a {@code sleep} process. */
    private record Sleeper(Process running) implements Supervised {

        static Sleeper sleeping(String seconds) throws IOException {
            return new Sleeper(new ProcessBuilder("sleep", seconds).start());
        }

        @Override
        public ProcessHandle process() {
            return running.toHandle();
        }

        @Override
        public void close() throws InterruptedException {
            running.destroy();
            running.waitFor();
        }
    }

    @Test
    void aServiceThatDiesIsStartedAgainWhileTheOthersCarryOn() throws Exception {
        Supervisor services = new Supervisor(Duration.ofMillis(20), () -> {
            throw new AssertionError("gave up");
        });
        Supervisor.Service steady = services.start("steady", "steady.log", () -> Sleeper.sleeping("60"));
        AtomicInteger starts = new AtomicInteger();
        Supervisor.Service flaky = services.start("flaky", "flaky.log", () -> {
            starts.incrementAndGet();
            return Sleeper.sleeping("60");
        });
        ProcessHandle steadyProcess = steady.running().process();
        ProcessHandle firstFlaky = flaky.running().process();
        CountDownLatch readyAgain = new CountDownLatch(1);
        Thread watcher = watch(services, readyAgain);

        firstFlaky.destroyForcibly();
        assertThat(readyAgain.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(starts).hasValue(2);
        assertThat(flaky.running().process().pid()).isNotEqualTo(firstFlaky.pid());
        assertThat(flaky.running().process().isAlive()).isTrue();
        assertThat(steady.running().process()).isEqualTo(steadyProcess);
        assertThat(steadyProcess.isAlive()).isTrue();

        services.stop();
        watcher.join(10_000);
        assertThat(watcher.isAlive()).as("watching ends with stop()").isFalse();
        assertThat(steadyProcess.isAlive()).isFalse();
        assertThat(flaky.running().process().isAlive()).isFalse();
    }

    @Test
    void aServiceThatKeepsDyingIsGivenUpOnAfterFiveRestarts() throws Exception {
        CountDownLatch gaveUp = new CountDownLatch(1);
        Supervisor services = new Supervisor(Duration.ofMillis(10), gaveUp::countDown);
        Supervisor.Service steady = services.start("steady", "steady.log", () -> Sleeper.sleeping("60"));
        AtomicInteger starts = new AtomicInteger();
        services.start("dying", "dying.log", () -> {
            starts.incrementAndGet();
            return Sleeper.sleeping("0.05");
        });
        Thread watcher = watch(services, new CountDownLatch(Integer.MAX_VALUE));

        assertThat(gaveUp.await(30, TimeUnit.SECONDS)).isTrue();
        watcher.join(10_000);
        assertThat(watcher.isAlive()).as("watching ends when it gives up").isFalse();
        assertThat(starts).hasValue(1 + Supervisor.MAX_RESTARTS);
        assertThat(steady.running().process().isAlive())
                .as("the rest is stopped by the caller")
                .isTrue();
        services.stop();
        assertThat(steady.running().process().isAlive()).isFalse();
    }

    private static Thread watch(Supervisor services, CountDownLatch readyAgain) {
        Thread watcher = new Thread(() -> {
            try {
                services.watch(restarted -> readyAgain.countDown());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.start();
        return watcher;
    }
}
