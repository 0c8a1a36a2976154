package org.ems.simulator.window;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.ems.simulator.check.LedgerCheck;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.meter.FaultPlan;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.MeterLink;
import org.ems.simulator.meter.MeterStream;
import org.ems.simulator.meter.Outgoing;
import org.ems.simulator.meter.Replay;

/**
 * {@code ./ems simulator}: the simulator's desktop window. Choose meters and the run's settings ({@link RunSettings}:
 * profile, speed, protocol, faults, readings per message); start, pause, stop; see per meter its protocol, faults,
 * batch size, last register value and what its ledger holds, a live chart, the broker's state, and at the end the
 * checker's table of the ledger against what EMS computed.
 */
public final class SimulatorWindow {

    /** How long the check at the end waits for EMS to apply what the broker acknowledged. */
    private static final Duration CHECK_WAIT = Duration.ofSeconds(60);

    private final JFrame frame = new JFrame("EMS smart meter simulator");
    private final JTextArea devices = new JTextArea(4, 27);
    private final JButton pick = new JButton("Sign in and pick...");
    private final RunSettings settings = new RunSettings(pick);
    private final JButton startButton = new JButton("Start");
    private final JButton pauseButton = new JButton("Pause");
    private final JButton stopButton = new JButton("Stop");
    private final JLabel brokerState = new JLabel("Broker: idle");
    private final JLabel ledgerLabel = new JLabel(" ");
    private final MeterProgress progress = new MeterProgress();
    private final JTextArea checked = new JTextArea();
    private final JTabbedPane views = new JTabbedPane();
    private final Path stateDir;
    private volatile String checkSummary = "";
    private final CompletableFuture<Void> checkShown = new CompletableFuture<>();
    private Replay replay;

    SimulatorWindow(Path stateDir) {
        this.stateDir = stateDir;
        devices.setText(UUID.randomUUID().toString());
        devices.setBorder(BorderFactory.createTitledBorder("Device ids, one per line"));
        pick.addActionListener(e -> pickFromEms());
        startButton.addActionListener(e -> start());
        pauseButton.addActionListener(e -> togglePause());
        stopButton.addActionListener(e -> stop());
        pauseButton.setEnabled(false);
        stopButton.setEnabled(false);
        JButton add = new JButton("Add device");
        add.addActionListener(e -> devices.append("\n" + UUID.randomUUID()));

        JPanel top = new JPanel(new BorderLayout(8, 8));
        JPanel left = new JPanel(new BorderLayout());
        left.add(new JScrollPane(devices), BorderLayout.CENTER);
        left.add(add, BorderLayout.SOUTH);
        top.add(left, BorderLayout.WEST);
        top.add(settings.component(), BorderLayout.CENTER);
        JPanel buttons = new JPanel();
        buttons.add(startButton);
        buttons.add(pauseButton);
        buttons.add(stopButton);
        buttons.add(brokerState);
        top.add(buttons, BorderLayout.SOUTH);

        checked.setEditable(false);
        checked.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        checked.setText("At the end of a run the ledger is checked against EMS (with the admin password given).");
        views.addTab("Chart", progress.chart());
        views.addTab("Check", new JScrollPane(checked));
        JPanel runView = new JPanel(new BorderLayout(8, 8));
        JPanel meters = new JPanel(new BorderLayout(4, 4));
        meters.add(progress.table(), BorderLayout.CENTER);
        meters.add(ledgerLabel, BorderLayout.SOUTH);
        runView.add(meters, BorderLayout.NORTH);
        runView.add(views, BorderLayout.CENTER);

        JPanel content = new JPanel(new BorderLayout(8, 8));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        content.add(top, BorderLayout.NORTH);
        content.add(runView, BorderLayout.CENTER);
        frame.setContentPane(content);
        frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
        frame.setSize(1180, 900);
        frame.setLocationRelativeTo(null);
    }

    /** Signs in to EMS, lists the devices the user may see, and lets them pick the ones to simulate. */
    private void pickFromEms() {
        try {
            EmsPicker.pick(
                    frame,
                    settings.ems(),
                    settings.adminUser(),
                    settings.adminPassword(),
                    ids -> devices.setText(
                            String.join("\n", ids.stream().map(UUID::toString).toList())),
                    this::error);
        } catch (IllegalArgumentException e) {
            error(e);
        }
    }

    /** Starts a fresh run of the chosen meters; errors in the settings are shown, not thrown. */
    void start() {
        try {
            List<UUID> ids = new ArrayList<>();
            for (String line : devices.getText().split("\\R")) {
                if (!line.isBlank()) {
                    ids.add(UUID.fromString(line.trim()));
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("enter at least one device id");
            }
            LoadProfile profile = settings.profile();
            Duration step = settings.interval();
            Instant first = settings.start();
            FaultPlan faults = settings.faults();
            List<MeterStream> meters = ids.stream()
                    .distinct()
                    .map(d -> new MeterStream(d, profile, first, step, faults))
                    .toList();
            EmsHome.deleteTree(stateDir); // the window always starts afresh
            Path ledger = stateDir.resolve("ledger.csv");
            java.nio.file.Files.createDirectories(stateDir);
            MeterLink link = settings.link();
            replay = new Replay(
                    meters,
                    step,
                    settings.speed(),
                    profile.size(),
                    stateDir,
                    "desktop",
                    link,
                    MeterLink.Format.EMS,
                    settings.batch(),
                    ledger,
                    new PrintStream(PrintStream.nullOutputStream()));
            replay.listen(new Replay.Listener() {
                @Override
                public void acknowledged(List<Outgoing> sent) {
                    SwingUtilities.invokeLater(() -> sent.forEach(progress::acknowledged));
                }

                @Override
                public void brokerState(String state) {
                    SwingUtilities.invokeLater(() -> brokerState.setText("Broker: " + state));
                }
            });
            progress.reset(
                    meters.stream().map(MeterStream::device).toList(),
                    settings.protocol(),
                    settings.faultsText(),
                    settings.batch());
            ledgerLabel.setText("Ledger (what EMS acknowledged): " + ledger);
            checkSummary = "";
            Replay running = replay;
            URI ems = settings.ems();
            String adminUser = settings.adminUser();
            String adminPassword = settings.adminPassword();
            Thread worker = new Thread(
                    () -> {
                        try {
                            running.run();
                            if (!adminPassword.isEmpty()) {
                                check(ledger, ems, adminUser, adminPassword);
                            }
                        } catch (Exception e) {
                            SwingUtilities.invokeLater(() -> error(e));
                        } finally {
                            link.close();
                            SwingUtilities.invokeLater(this::stopped);
                        }
                    },
                    "simulator-replay");
            worker.setDaemon(true);
            worker.start();
            startButton.setEnabled(false);
            pauseButton.setEnabled(true);
            stopButton.setEnabled(true);
            brokerState.setText("Broker: connecting");
        } catch (Exception e) {
            error(e);
        }
    }

    /**
     * The checker's table of the ledger against EMS, shown in the Check tab: asked again until it matches or
     * {@link #CHECK_WAIT} has passed, as EMS applies what the broker acknowledged a moment later.
     */
    private void check(Path ledger, URI ems, String adminUser, String adminPassword) throws Exception {
        SwingUtilities.invokeLater(() -> {
            checked.setText("Checking " + ledger + " against " + ems + " ...");
            views.setSelectedIndex(1);
        });
        long deadline = System.nanoTime() + CHECK_WAIT.toNanos();
        String table;
        while (true) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = LedgerCheck.run(
                    ledger, ems, adminUser, adminPassword, new PrintStream(out, true, StandardCharsets.UTF_8));
            table = out.toString(StandardCharsets.UTF_8);
            if (exit == 0 || System.nanoTime() >= deadline) {
                break;
            }
            Thread.sleep(2_000);
        }
        String shown = table;
        checkSummary = shown.strip().lines().reduce((a, b) -> b).orElse("");
        SwingUtilities.invokeLater(() -> {
            checked.setText(shown);
            checked.setCaretPosition(0);
            checkShown.complete(null);
        });
    }

    /** Completes once a check's table is shown. */
    CompletableFuture<Void> checked() {
        return checkShown;
    }

    private void togglePause() {
        boolean pause = pauseButton.getText().equals("Pause");
        replay.pause(pause);
        pauseButton.setText(pause ? "Resume" : "Pause");
    }

    private void stop() {
        if (replay != null) {
            replay.requestStop();
        }
        stopButton.setEnabled(false);
    }

    private void stopped() {
        startButton.setEnabled(true);
        pauseButton.setEnabled(false);
        pauseButton.setText("Pause");
        stopButton.setEnabled(false);
        brokerState.setText(brokerState.getText() + " (stopped)");
    }

    private void error(Exception e) {
        JOptionPane.showMessageDialog(
                frame, e.getMessage() == null ? e.toString() : e.getMessage(), "Simulator", JOptionPane.ERROR_MESSAGE);
    }

    /** Fills in what the command's options give, and shows the window. */
    void prefill(WindowCommand options) {
        if (!options.devices.isEmpty()) {
            devices.setText(String.join(
                    "\n", options.devices.stream().map(UUID::toString).toList()));
        }
        settings.prefill(options);
        frame.setVisible(true);
    }

    /** Where the window is on the screen. */
    Rectangle bounds() {
        return frame.getBounds();
    }

    /** The broker's state, the readings acknowledged per meter, and the check's last line, as text. */
    String status() {
        return brokerState.getText() + "\n" + progress.counts() + "\n" + checkSummary + "\n";
    }
}
