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
import org.ems.simulator.client.EmsHome;
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

    @Option(names = "--broker")
    String broker;

    @Option(names = "--user")
    String user;

    @Option(names = "--password")
    String password;

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
            if (screenshot != null) {
                Timer timer = new Timer(after * 1000, e -> screenshot(window));
                timer.setRepeats(false);
                timer.start();
            }
        });
        return 0;
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
