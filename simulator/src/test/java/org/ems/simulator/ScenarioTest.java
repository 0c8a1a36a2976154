package org.ems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    @TempDir
    Path tmp;

    @Test
    void aYamlOrJsonScenarioStandsForItsOptionsAndTheCommandLineWins() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Path yaml = Files.writeString(tmp.resolve("run.yaml"), """
                protocol: mqtt
                device: [%s, %s]
                faults: duplicate=0.1,late=0.02:PT2H
                seed: 42
                count: 288
                speed: 6000
                dst: true
                loop: false
                """.formatted(a, b));
        Path json = Files.writeString(tmp.resolve("run.json"), """
                {"protocol": "http", "device": ["%s"], "count": 10, "speed": 600}
                """.formatted(a));

        Simulate fromYaml = parsed("--scenario", yaml.toString(), "--speed", "100");
        assertThat(fromYaml.link.protocol()).hasToString("MQTT");
        assertThat(fromYaml.devices).containsExactly(a, b);
        assertThat(fromYaml.faults).isEqualTo("duplicate=0.1,late=0.02:PT2H");
        assertThat(fromYaml.seed).isEqualTo(42);
        assertThat(fromYaml.count).isEqualTo(288);
        assertThat(fromYaml.speed).as("the command line wins").isEqualTo(100);
        assertThat(fromYaml.dst).isTrue();
        assertThat(fromYaml.loop).isFalse();

        Simulate fromJson = parsed("--scenario=" + json);
        assertThat(fromJson.link.protocol()).hasToString("HTTP");
        assertThat(fromJson.count).isEqualTo(10);
    }

    @Test
    void aScenarioThatIsNoMapOrNamesNoOptionIsRefused() throws Exception {
        Path list = Files.writeString(tmp.resolve("list.yaml"), "- protocol\n- mqtt\n");
        assertThatThrownBy(() -> Scenario.expand(new String[] {"--scenario", list.toString()}))
                .hasMessageContaining("must hold a map of options");
        Path unknown = Files.writeString(tmp.resolve("unknown.yaml"), "colour: blue\n");
        assertThatThrownBy(() -> parsed("--scenario", unknown.toString()))
                .hasMessageContaining("Unknown options: '--colour'");
    }

    private static Simulate parsed(String... args) throws Exception {
        var cli = Simulate.commandLine();
        cli.parseArgs(Scenario.expand(args));
        return cli.getCommand();
    }
}
