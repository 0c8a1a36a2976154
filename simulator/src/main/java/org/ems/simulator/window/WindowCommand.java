package org.ems.simulator.window;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Robot;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.LinkOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./ems simulator}: opens the simulator's window, prefilled from the options; {@code --autostart} and
 * {@code --screenshot} serve demos and tests.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true)
public final class WindowCommand implements Callable<Integer> {
    @Option(names = "--device")
    List<UUID> devices = new ArrayList<>();

    @Option(names = "--protocol", converter = LinkOptions.Protocol.class, description = "jms, mqtt or http")
    MeterProtocol protocol;

    @Option(names = "--broker")
    String broker;

    @Option(names = "--mqtt")
    String mqtt;

    @Option(names = "--ems", description = "EMS's base URL: HTTP readings, picking meters, the check at the end")
    String ems;

    @Option(names = "--user")
    String user;

    @Option(names = "--password")
    String password;

    @Option(names = "--faults", description = "as ./ems simulate's")
    String faults;

    @Option(names = "--seed")
    Integer seed;

    @Option(names = "--batch", description = "readings per message")
    Integer batch;

    @Option(names = "--admin-user")
    String adminUser;

    @Option(names = "--admin-password", description = "EMS's administrator: with it, the ledger is checked at the end")
    String adminPassword;

    @Option(names = "--speed")
    Double speed;

    @Option(names = "--start")
    String start;

    @Option(names = "--state", description = "buffer directory (default: $EMS_HOME/simulator-desktop)")
    Path state;

    @Option(names = "--autostart", description = "start at once")
    boolean autostart;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "save a screenshot of the window, then exit")
    File screenshot;

    @Option(names = "--after", defaultValue = "5", description = "seconds before the screenshot")
    int after;

    @Option(
            names = "--screenshot-checked",
            description = "take the screenshot once the check at the end is shown (its tab), not after --after")
    boolean screenshotChecked;

    public static void main(String[] args) {
        int exit = new CommandLine(new WindowCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        FlatLightLaf.setup();
        Path stateDir = state != null ? state : EmsHome.path().resolve("simulator-desktop");
        SwingUtilities.invokeLater(() -> {
            SimulatorWindow window = new SimulatorWindow(stateDir);
            window.prefill(this);
            if (autostart) {
                window.start();
            }
            if (screenshot != null && screenshotChecked) {
                // once the table is on screen: a moment for Swing to paint it
                window.checked().thenRun(() -> later(1, () -> screenshot(window)));
            } else if (screenshot != null) {
                later(after, () -> screenshot(window));
            }
        });
        return 0;
    }

    private static void later(int seconds, Runnable action) {
        Timer timer = new Timer(seconds * 1000, e -> action.run());
        timer.setRepeats(false);
        timer.start();
    }

    /** What the screen shows of the window, from the X server's framebuffer, as PNG (its status beside it); then exit. */
    private void screenshot(SimulatorWindow window) {
        try {
            ImageIO.write(new Robot().createScreenCapture(window.bounds()), "png", screenshot);
            Files.writeString(screenshot.toPath().resolveSibling(screenshot.getName() + ".txt"), window.status());
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
