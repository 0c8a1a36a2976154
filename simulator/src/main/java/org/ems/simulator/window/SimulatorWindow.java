package org.ems.simulator.window;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import org.ems.simulator.client.Durations;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.meter.BrokerLink;
import org.ems.simulator.meter.FaultPlan;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.MeterLink;
import org.ems.simulator.meter.MeterStream;
import org.ems.simulator.meter.Outgoing;
import org.ems.simulator.meter.Replay;

/**
 * {@code ./ems simulator}: the simulator's desktop window. Choose meters, profile and speed; start, pause, stop; see
 * per meter the last register value, the readings the broker acknowledged and a live chart, and the broker state.
 */
public final class SimulatorWindow {

    private final JFrame frame = new JFrame("EMS smart meter simulator");
    private final JTextArea devices = new JTextArea(4, 27);
    private final JTextField csv = new JTextField("(bundled sensor.csv)", 24);
    private final JSpinner speed = new JSpinner(new SpinnerNumberModel(600.0, 0.1, 1_000_000.0, 60.0));
    private final JTextField interval = new JTextField("10m", 6);
    private final JTextField start = new JTextField(24);
    private final JTextField broker = new JTextField(EmsHome.brokerUrl(), 24);
    private final JTextField user = new JTextField(EmsHome.meterUser(), 10);
    private final JPasswordField password = new JPasswordField(16);
    private final JTextField ems =
            new JTextField("http://127.0.0.1:" + System.getenv().getOrDefault("EMS_HTTP_PORT", "8080") + "/", 24);
    private final JTextField emsUser = new JTextField("admin", 10);
    private final JPasswordField emsPassword = new JPasswordField(16);
    private final JButton startButton = new JButton("Start");
    private final JButton pauseButton = new JButton("Pause");
    private final JButton stopButton = new JButton("Stop");
    private final JLabel brokerState = new JLabel("Broker: idle");
    private final MeterProgress progress = new MeterProgress();
    private final Path stateDir;
    private Replay replay;

    SimulatorWindow(Path stateDir) {
        this.stateDir = stateDir;
        start.setText(
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString());
        devices.setText(UUID.randomUUID().toString());
        devices.setBorder(BorderFactory.createTitledBorder("Device ids, one per line"));
        try {
            String known = EmsHome.meterPassword(EmsHome.path());
            password.setText(known == null ? "" : known);
        } catch (IOException e) {
            password.setText("");
        }
        startButton.addActionListener(e -> start());
        pauseButton.addActionListener(e -> togglePause());
        stopButton.addActionListener(e -> stop());
        pauseButton.setEnabled(false);
        stopButton.setEnabled(false);

        JPanel settings = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(3, 4, 3, 4);
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        JButton browse = new JButton("Choose...");
        browse.addActionListener(e -> chooseCsv());
        addRow(settings, c, 0, "Profile (CSV)", csv, browse);
        addRow(settings, c, 1, "Speed (meter/wall time)", speed, null);
        addRow(settings, c, 2, "Interval", interval, null);
        addRow(settings, c, 3, "Start (meter time)", start, null);
        addRow(settings, c, 4, "Broker", broker, null);
        addRow(settings, c, 5, "User", user, null);
        addRow(settings, c, 6, "Password", password, null);
        JButton signIn = new JButton("Sign in and pick...");
        signIn.addActionListener(e -> pickFromEms());
        addRow(settings, c, 7, "EMS (admin sign-in)", ems, signIn);
        addRow(settings, c, 8, "EMS user", emsUser, null);
        addRow(settings, c, 9, "EMS password", emsPassword, null);
        JButton add = new JButton("Add device");
        add.addActionListener(e -> devices.append("\n" + UUID.randomUUID()));

        JPanel top = new JPanel(new BorderLayout(8, 8));
        JPanel left = new JPanel(new BorderLayout());
        left.add(new JScrollPane(devices), BorderLayout.CENTER);
        left.add(add, BorderLayout.SOUTH);
        top.add(left, BorderLayout.WEST);
        top.add(settings, BorderLayout.CENTER);
        JPanel buttons = new JPanel();
        buttons.add(startButton);
        buttons.add(pauseButton);
        buttons.add(stopButton);
        buttons.add(brokerState);
        top.add(buttons, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout(8, 8));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        content.add(top, BorderLayout.NORTH);
        content.add(progress.component(), BorderLayout.CENTER);
        frame.setContentPane(content);
        frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
        frame.setSize(1120, 760);
        frame.setLocationRelativeTo(null);
    }

    private static void addRow(
            JPanel panel,
            GridBagConstraints c,
            int row,
            String label,
            java.awt.Component field,
            java.awt.Component extra) {
        c.gridy = row;
        c.gridx = 0;
        c.weightx = 0;
        panel.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        panel.add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.weightx = 0;
            panel.add(extra, c);
        }
    }

    /** Signs in to EMS, lists the devices the user may see, and lets them pick the ones to simulate. */
    private void pickFromEms() {
        try {
            String base = ems.getText().trim();
            EmsPicker.pick(
                    frame,
                    URI.create(base.endsWith("/") ? base : base + "/"),
                    emsUser.getText().trim(),
                    new String(emsPassword.getPassword()),
                    ids -> devices.setText(
                            String.join("\n", ids.stream().map(UUID::toString).toList())),
                    this::error);
        } catch (IllegalArgumentException e) {
            error(e);
        }
    }

    private void chooseCsv() {
        JFileChooser chooser = new JFileChooser();
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            csv.setText(chooser.getSelectedFile().getPath());
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
            LoadProfile profile =
                    csv.getText().startsWith("(") ? LoadProfile.bundled() : LoadProfile.load(Path.of(csv.getText()));
            Duration step = Durations.parse(interval.getText());
            Instant first =
                    java.time.OffsetDateTime.parse(start.getText().trim()).toInstant();
            List<MeterStream> meters = ids.stream()
                    .distinct()
                    .map(d -> new MeterStream(d, profile, first, step, FaultPlan.NONE))
                    .toList();
            EmsHome.deleteTree(stateDir); // the window always starts afresh
            BrokerLink link =
                    new BrokerLink(broker.getText().trim(), user.getText().trim(), new String(password.getPassword()));
            replay = new Replay(
                    meters,
                    step,
                    ((Number) speed.getValue()).doubleValue(),
                    profile.size(),
                    stateDir,
                    "desktop",
                    link,
                    MeterLink.Format.EMS,
                    1,
                    null,
                    new PrintStream(PrintStream.nullOutputStream()));
            replay.listen(new Replay.Listener() {
                @Override
                public void acknowledged(List<Outgoing> readings) {
                    SwingUtilities.invokeLater(() -> readings.forEach(o -> progress.acknowledged(
                            o.reading().deviceId(), o.reading().kwh())));
                }

                @Override
                public void brokerState(String state) {
                    SwingUtilities.invokeLater(() -> brokerState.setText("Broker: " + state));
                }
            });
            progress.reset(meters.stream().map(MeterStream::device).toList());
            Replay running = replay;
            Thread worker = new Thread(
                    () -> {
                        try {
                            running.run();
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
        Optional.ofNullable(options.broker).ifPresent(broker::setText);
        Optional.ofNullable(options.user).ifPresent(user::setText);
        Optional.ofNullable(options.password).ifPresent(password::setText);
        Optional.ofNullable(options.speed).ifPresent(speed::setValue);
        Optional.ofNullable(options.start).ifPresent(start::setText);
        frame.setVisible(true);
    }

    /** Where the window is on the screen. */
    Rectangle bounds() {
        return frame.getBounds();
    }

    /** The broker's state and the readings acknowledged per meter, as text. */
    String status() {
        return brokerState.getText() + "\n" + progress.counts() + "\n";
    }
}
