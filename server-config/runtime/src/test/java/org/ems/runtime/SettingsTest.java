package org.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One configuration: the template's defaults, then {@code $EMS_HOME/ems.properties}, then {@code EMS_*} variables. */
class SettingsTest {

    @TempDir
    Path home;

    private EmsSettings settings(Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("EMS_HOME", home.toString());
        return EmsSettings.fromEnvironment(environment, Path.of("."));
    }

    private void file(String text) throws IOException {
        Files.writeString(home.resolve("ems.properties"), text);
    }

    @Test
    void withNothingSetTheTemplatesDefaultsHold() {
        EmsSettings settings = settings(Map.of());
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.microHeap()).isEqualTo("448m");
        assertThat(settings.brokerHeap()).isEqualTo("256m");
        assertThat(settings.brokerMemory()).isEqualTo(64);
        assertThat(settings.javaOptions()).isEmpty();
        assertThat(settings.dbPoolMaxSize()).isEqualTo(32);
        assertThat(settings.readingsSessions()).isEqualTo(64);
        assertThat(settings.meterUser()).isEqualTo("meter");
        assertThat(settings.timeZone()).isEqualTo("UTC");
        assertThat(settings.brokerGateway()).isTrue();
        assertThat(settings.application()).containsEntry("ems.jwt.lifetime", "PT15M");
        assertThat(settings.application()).doesNotContainKey("ems.trusted-proxies");
        assertThat(settings.logs()).isEqualTo(new LogSettings(java.util.logging.Level.INFO, false, 10 << 20, 10));
    }

    @Test
    void theFileSetsAndTheVariableWins() throws IOException {
        file("""
                ems.http.port=9090
                ems.db.pool.max-size = 8
                ems.trusted-proxies=10.0.0.0/8
                ems.micro.heap=1g
                ems.java-options= -Xlog:gc:file=gc.log  -XX:+HeapDumpOnOutOfMemoryError
                ems.retention.readings=P400D
                ems.public-url=https://ems.example.com/
                ems.metrics.token=0123456789abcdef0123456789abcdef
                ems.log.format=json
                ems.log.level=fine
                ems.log.file-size=1g
                """);
        EmsSettings settings = settings(Map.of("EMS_HTTP_PORT", "9191"));
        assertThat(settings.httpPort()).isEqualTo(9191);
        assertThat(settings.dbPoolMaxSize()).isEqualTo(8);
        assertThat(settings.microHeap()).isEqualTo("1g");
        assertThat(settings.javaOptions()).containsExactly("-Xlog:gc:file=gc.log", "-XX:+HeapDumpOnOutOfMemoryError");
        // read by the application: handed to Payara Micro as system properties
        assertThat(settings.application())
                .containsEntry("ems.trusted-proxies", "10.0.0.0/8")
                .containsEntry("ems.retention.readings", "P400D")
                .containsEntry("ems.public-url", "https://ems.example.com/")
                .containsEntry("ems.metrics.token", "0123456789abcdef0123456789abcdef");
        assertThat(settings.logs()).isEqualTo(new LogSettings(java.util.logging.Level.FINE, true, 1L << 30, 10));
        assertThat(settings(Map.of("EMS_TRUSTED_PROXIES", "192.168.0.1")).application())
                .containsEntry("ems.trusted-proxies", "192.168.0.1");
    }

    @Test
    void theMailServerIsHandedToTheApplicationOnlyWhenThereIsOne() throws IOException {
        assertThat(settings(Map.of()).application()).doesNotContainKey("ems.mail.host");
        file("""
                ems.mail.host=smtp.example.com
                ems.mail.from=EMS <ems@example.com>
                ems.mail.username=ems
                ems.mail.password=secret
                """);
        assertThat(settings(Map.of()).application())
                .containsEntry("ems.mail.host", "smtp.example.com")
                .containsEntry("ems.mail.port", "587")
                .containsEntry("ems.mail.tls", "starttls")
                .containsEntry("ems.mail.from", "EMS <ems@example.com>")
                .containsEntry("ems.mail.username", "ems")
                .containsEntry("ems.mail.password", "secret");
    }

    @Test
    void aKeyTheTemplateDoesNotListStopsTheStart() throws IOException {
        file("ems.http.prot=9090\n");
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(home.resolve("ems.properties") + ": unknown setting 'ems.http.prot'"
                        + " (docs/configuration.md lists them)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ems.http.port=99999            | ems.http.port (EMS_HTTP_PORT) must be a TCP port (1-65535), not '99999'
            ems.instances=0                | ems.instances (EMS_INSTANCES) must be a number of instances from 1 to 32, not '0'
            ems.micro.heap=512             | ems.micro.heap (EMS_MICRO_HEAP) must be a heap size from 128m to 64g (512m, 2g), not '512'
            ems.broker.memory=200m         | ems.broker.memory (EMS_BROKER_MEMORY) must be a size from 8m to half of ems.broker.heap (128m), not '200m'
            ems.java-options=-Xmx1g agent.jar | ems.java-options (EMS_JAVA_OPTIONS) must be Java options separated by spaces, each beginning with '-', not '-Xmx1g agent.jar'
            ems.broker.gateway=yes         | ems.broker.gateway (EMS_BROKER_GATEWAY) must be on or off, not 'yes'
            ems.timezone=Mars/Olympus      | ems.timezone (EMS_TIMEZONE) must be a time zone (UTC, Europe/Bucharest), not 'Mars/Olympus'
            ems.trusted-proxies=10.0.0.0/33 | ems.trusted-proxies (EMS_TRUSTED_PROXIES) must be CIDR networks separated by commas, not '10.0.0.0/33'
            ems.trusted-proxies=proxy.lan  | ems.trusted-proxies (EMS_TRUSTED_PROXIES) must be CIDR networks separated by commas, not 'proxy.lan'
            ems.allowed-origins=example.com | ems.allowed-origins (EMS_ALLOWED_ORIGINS) must be origins (https://host[:port]) separated by commas, not 'example.com'
            ems.jwt.lifetime=15m           | ems.jwt.lifetime (EMS_JWT_LIFETIME) must be a positive ISO-8601 duration (PT15M), not '15m'
            ems.db.pool.max-size=lots      | ems.db.pool.max-size (EMS_DB_POOL_MAX_SIZE) must be a pool size from 1 to 1000, not 'lots'
            ems.retention.readings=400d    | ems.retention.readings (EMS_RETENTION_READINGS) must be a positive ISO-8601 period (P400D, P13M), not '400d'
            ems.public-url=https://ems.example.com/ems | ems.public-url (EMS_PUBLIC_URL) must be an origin, https://host[:port], that EMS is served at the root of, not 'https://ems.example.com/ems'
            ems.public-url=ems.example.com | ems.public-url (EMS_PUBLIC_URL) must be an origin, https://host[:port], that EMS is served at the root of, not 'ems.example.com'
            ems.metrics.token=secret       | ems.metrics.token (EMS_METRICS_TOKEN) must be a token of at least 32 letters and digits, not '…'
            ems.log.level=LOUD             | ems.log.level (EMS_LOG_LEVEL) must be SEVERE, WARNING, INFO, CONFIG, FINE, FINER or FINEST, not 'LOUD'
            ems.log.format=xml             | ems.log.format (EMS_LOG_FORMAT) must be text or json, not 'xml'
            ems.log.file-size=10k          | ems.log.file-size (EMS_LOG_FILE_SIZE) must be a size from 1m to 1g (10m, 100m), not '10k'
            ems.readings.sessions=0        | ems.readings.sessions (EMS_READINGS_SESSIONS) must be a number of sessions from 1 to 100, not '0'
            ems.mail.host=smtp.example.com | ems.mail.from (EMS_MAIL_FROM) must be the sender's address when ems.mail.host is set, not ''
            ems.log.files=1                | ems.log.files (EMS_LOG_FILES) must be a number of files from 2 to 1000, not '1'
            ems.retention.readings=P0D     | ems.retention.readings (EMS_RETENTION_READINGS) must be a positive ISO-8601 period (P400D, P13M), not 'P0D'
            ems.retention.upkeep-every=PT30S | ems.retention.upkeep-every (EMS_RETENTION_UPKEEP_EVERY) must be an ISO-8601 duration of at least a minute (PT1H), not 'PT30S'
            ems.silent-after=1h            | ems.silent-after (EMS_SILENT_AFTER) must be an ISO-8601 duration of at least a minute (PT1H), not '1h'
            """)
    void aBadValueStopsTheStartWithOneLineNamingTheSetting(String line, String message) throws IOException {
        file(line + "\n");
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void theFirstStartGetsTheTemplateReadableByItsOwnerOnly() throws IOException {
        try (InstallationHome installation = InstallationHome.open(home)) {
            SettingSources.offerTemplate(installation);
            Path file = home.resolve("ems.properties");
            assertThat(Files.readString(file)).isEqualTo(SettingSources.template());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            // all commented out: the defaults hold
            assertThat(settings(Map.of()).httpPort()).isEqualTo(8080);
            Files.writeString(file, "ems.http.port=9000\n");
            SettingSources.offerTemplate(installation);
            assertThat(Files.readString(file)).isEqualTo("ems.http.port=9000\n");
        }
    }

    @Test
    void everySettingIsInTheConfigurationTableAndNothingElse() throws IOException {
        Path docs = Path.of("../../docs/configuration.md");
        Matcher rows = Pattern.compile("(?m)^\\| `(ems\\.[a-z0-9.-]+)`").matcher(Files.readString(docs));
        var documented = new java.util.LinkedHashSet<String>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        var listed = java.util.stream.StreamSupport.stream(SettingSources.keys().spliterator(), false)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        assertThat(documented).as("the rows of " + docs).containsExactlyElementsOf(listed);
    }
}
