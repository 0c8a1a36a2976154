package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.LaunchedEms;
import org.junit.jupiter.api.Test;

/**
 * {@code ems backup} of a running installation (1.0.0's data, upgraded), {@code ems restore} into a new home, and the
 * restored EMS answering every question as the original did: users, devices, hours, alerts, chat, a sign-in made
 * before the backup, and a meter's own credential.
 */
class BackupIT {

    private static final List<String> QUESTIONS = List.of(
            "api/users",
            "api/devices",
            "api/devices/" + UpgradeIT.KITCHEN + "/consumption?date=2026-11-30",
            "api/devices/" + UpgradeIT.BOILER + "/consumption/daily?from=2026-11-01&to=2026-11-30",
            "api/alerts",
            "api/chat/conversations",
            "api/chat/conversations/" + UpgradeIT.ANA + "/messages");

    @Test
    void aBackupWhileRunningRestoresIntoAnEmsThatAnswersTheSame() throws Exception {
        Installation installation = Installation.unpacked();
        LaunchedEms.Ports ports = LaunchedEms.Ports.free();
        Path original = Installation.home("backed-up", ports);
        UpgradeIT.restoreRelease(installation, original, ports);
        Path backup = original.resolveSibling(original.getFileName() + ".zip");

        String token;
        Map<String, String> answers;
        try (Installation.Running ems = installation.start(original, ports.url(0))) {
            EmsClient api = new EmsClient(ports.url(0));
            token = api.login("admin", "fixture-admin-1");
            Installation.Result backedUp = Installation.run(
                    original,
                    installation.ems("backup", backup.toString()),
                    Map.of("EMS_HOME", original.toString()),
                    300);
            assertThat(backedUp.exit()).as(String.join("\n", backedUp.output())).isZero();
            System.out.println(String.join("\n", backedUp.output()));
            answers = answers(api, token);
        }
        // it holds the secrets: the owner's alone
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rw-------");

        Path restored =
                Files.createTempDirectory(Path.of("target"), "ems-restored-").toAbsolutePath();
        Files.writeString(restored.resolve("ems.properties"), "");
        Installation.Result refused = Installation.run(
                restored, installation.ems("restore", backup.toString()), Map.of("EMS_HOME", restored.toString()), 120);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output())
                .containsExactly(
                        "ems: EMS_HOME " + restored + " is not empty: ems restore fills a new, empty home only");
        Files.delete(restored.resolve("ems.properties"));

        Installation.Result restore = Installation.run(
                restored, installation.ems("restore", backup.toString()), Map.of("EMS_HOME", restored.toString()), 300);
        assertThat(restore.exit()).as(String.join("\n", restore.output())).isZero();
        System.out.println(String.join("\n", restore.output()));

        // the restored home has the original's settings (its ports) and secrets: the same EMS, moved
        try (Installation.Running ems = installation.start(restored, ports.url(0))) {
            EmsClient api = new EmsClient(ports.url(0));
            assertThat(answers(api, token)).isEqualTo(answers); // the sign-in from before the backup holds
            installation.simulate(
                    restored,
                    "--device",
                    UpgradeIT.GARAGE.toString(),
                    "--user",
                    UpgradeIT.GARAGE.toString(),
                    "--password",
                    UpgradeIT.GARAGE_PASSWORD,
                    "--count",
                    "2",
                    "--speed",
                    "6000",
                    "--start",
                    "2026-11-30T12:00:00Z");
            Awaitility.await("the Garage meter's readings stored")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> api.counter("ems_readings_stored_total") >= 2);
        }
    }

    /** What each question answers, as the administrator signed in before the backup. */
    private static Map<String, String> answers(EmsClient api, String token) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            HttpResponse<String> answer = api.send(
                    HttpRequest.newBuilder(api.ems.resolve(question)).header("Authorization", "Bearer " + token));
            assertThat(answer.statusCode()).as(question + ": " + answer.body()).isEqualTo(200);
            answers.put(question, answer.body());
        }
        return answers;
    }
}
