package org.ems.monitoring.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.ems.runtime.EmsSettings;
import org.ems.runtime.Infrastructure;
import org.ems.runtime.InstallationHome;
import org.ems.runtime.JwtKeys;
import org.ems.runtime.MicroConfiguration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts real PostgreSQL (migrated) and Artemis once per test run, before Arquillian starts Payara Micro, and writes
 * the domain.xml and system properties Micro is started with (see arquillian.xml). Inside the container it does
 * nothing: there the infrastructure is already running.
 */
public class EmsInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        String testDir = System.getProperty("ems.test.dir");
        if (testDir == null) {
            return; // in the container
        }
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(Path.of(testDir)), Running.class);
    }

    /** The running services, stopped when the test run ends. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        private final InstallationHome home;
        private final Infrastructure infrastructure;

        private Running(InstallationHome home, Infrastructure infrastructure) {
            this.home = home;
            this.infrastructure = infrastructure;
        }

        static Running start(Path testDir) {
            try {
                Files.createDirectories(testDir.resolve("tmp")); // Micro's java.io.tmpdir, see arquillian.xml
                Path root = Files.createTempDirectory(testDir, "home-");
                EmsSettings settings = EmsSettings.embedded(
                        root, freePort(), freePort(), freePort(), freePort()); // HTTP: Arquillian picks its own
                InstallationHome home = InstallationHome.open(root);
                Infrastructure infrastructure =
                        Infrastructure.start(settings, home, EmsInfrastructureExtension.class.getClassLoader());
                MicroConfiguration.write(
                        testDir,
                        settings,
                        infrastructure.database(),
                        infrastructure.broker(),
                        JwtKeys.ensure(home, java.util.Optional.empty(), java.util.Optional.empty()),
                        infrastructure.tls(),
                        testDir.resolve("ems-ra.rar"),
                        new Properties());
                return new Running(home, infrastructure);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start PostgreSQL and Artemis for the tests", e);
            }
        }

        private static int freePort() throws java.io.IOException {
            try (var socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        @Override
        public void close() throws Exception {
            infrastructure.close();
            home.close();
        }
    }
}
