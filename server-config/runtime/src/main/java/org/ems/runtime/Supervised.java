package org.ems.runtime;

/** A service {@code ./ems run} runs as a process of its own and restarts when it dies ({@link Supervisor}). */
interface Supervised extends AutoCloseable {

    /** The service's process (for PostgreSQL: the postmaster). */
    ProcessHandle process();

    /** Stops the service cleanly. */
    @Override
    void close() throws Exception;

    /** Stops a JVM child the way Ctrl-C would (SIGTERM: its shutdown hooks run), forcibly only if it hangs. */
    static void terminate(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
