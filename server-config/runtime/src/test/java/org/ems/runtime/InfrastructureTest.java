package org.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services EMS runs on: embedded ones, and external ones given by URL. */
class InfrastructureTest {

    @TempDir
    Path tmp;

    @Test
    void externalDatabaseAndBrokerAreUsedNotStarted() throws Exception {
        Path embeddedHome = tmp.resolve("embedded");
        try (InstallationHome home = InstallationHome.open(embeddedHome);
                Infrastructure embedded = Infrastructure.start(
                        EmsSettings.embedded(embeddedHome, freePort(), freePort(), freePort(), freePort()),
                        home,
                        getClass().getClassLoader())) {
            var db = embedded.database();
            var broker = embedded.broker();
            EmsSettings external = EmsSettings.fromEnvironment(
                    Map.of(
                            "EMS_HOME", tmp.resolve("external").toString(),
                            "EMS_DB_URL", db.url(),
                            "EMS_DB_USER", db.user(),
                            "EMS_DB_PASSWORD", db.password(),
                            "EMS_BROKER_URL", broker.url(),
                            "EMS_APP_BROKER_USER", broker.appUser(),
                            "EMS_APP_BROKER_PASSWORD", broker.appPassword()),
                    tmp);
            try (InstallationHome otherHome = InstallationHome.open(external.home());
                    Infrastructure used =
                            Infrastructure.start(external, otherHome, getClass().getClassLoader())) {
                assertThat(used.database().url()).isEqualTo(db.url());
                assertThat(used.broker().url()).isEqualTo(broker.url());
                assertThat(external.home().resolve("postgres")).doesNotExist();
                assertThat(external.home().resolve("broker")).doesNotExist();
                try (Connection c = used.database().connect();
                        ResultSet rs = c.createStatement().executeQuery("select 1")) {
                    assertThat(rs.next()).isTrue();
                }
            }
        }
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataAndSecretsAcrossRestarts() throws Exception {
        Path root = tmp.resolve("home");
        EmsSettings settings = EmsSettings.embedded(root, freePort(), freePort(), freePort(), freePort());
        String password;
        try (InstallationHome home = InstallationHome.open(root);
                Infrastructure first =
                        Infrastructure.start(settings, home, getClass().getClassLoader(), false);
                Connection c = first.database().connect()) {
            password = first.database().password();
            c.createStatement().execute("create table kept (v int)");
            c.createStatement().execute("insert into kept values (42)");
        }
        try (InstallationHome home = InstallationHome.open(root);
                Infrastructure second =
                        Infrastructure.start(settings, home, getClass().getClassLoader(), false);
                Connection c = second.database().connect();
                ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertThat(second.database().password()).isEqualTo(password);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        assertThat(Files.getPosixFilePermissions(root.resolve("secrets.properties")))
                .map(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void oneInstallationServesOneEmsAtATime() throws Exception {
        Path root = tmp.resolve("locked");
        try (InstallationHome first = InstallationHome.open(root)) {
            assertThatThrownBy(() -> InstallationHome.open(root))
                    .isInstanceOf(InstallationHome.AlreadyRunningException.class)
                    .hasMessageContaining("EMS is already running on " + root);
        }
        InstallationHome.open(root).close();
    }

    @Test
    void badSettingsAreExplained() {
        assertThatThrownBy(() -> EmsSettings.fromEnvironment(Map.of("EMS_HTTP_PORT", "eighty"), tmp))
                .hasMessage("ems.http.port (EMS_HTTP_PORT) must be a TCP port (1-65535), not 'eighty'");
        assertThatThrownBy(() -> EmsSettings.fromEnvironment(Map.of("EMS_BROKER_URL", "http://broker"), tmp))
                .hasMessageContaining("ems.broker.url (EMS_BROKER_URL) must look like tcp://host:port");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
