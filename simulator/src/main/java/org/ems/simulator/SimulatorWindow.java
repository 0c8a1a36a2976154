package org.ems.simulator;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.table.DefaultTableModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
    private final JTextField broker = new JTextField(Simulate.defaultBrokerUrl(), 24);
    private final JTextField user = new JTextField(Simulate.defaultUser(), 10);
    private final JPasswordField password = new JPasswordField(16);
    private final JTextField ems =
            new JTextField("http://127.0.0.1:" + System.getenv().getOrDefault("EMS_HTTP_PORT", "8080") + "/", 24);
    private final JTextField emsUser = new JTextField("admin", 10);
    private final JPasswordField emsPassword = new JPasswordField(16);
    private final JButton startButton = new JButton("Start");
    private final JButton pauseButton = new JButton("Pause");
    private final JButton stopButton = new JButton("Stop");
    private final JLabel brokerState = new JLabel("Broker: idle");
    private final DefaultTableModel table =
            new DefaultTableModel(new Object[] {"Device", "Last value (kWh)", "Readings sent"}, 0) {
                @Override
                public boolean isCellEditable(int row, int column) {
                    return false;
                }
            };
    private final Map<UUID, Integer> rows = new LinkedHashMap<>();
    private final Map<UUID, Long> counts = new LinkedHashMap<>();
    private final LiveChart chart = new LiveChart();
    private final Path stateDir;
    private Replay replay;

    private SimulatorWindow(Path stateDir) {
        this.stateDir = stateDir;
        start.setText(
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString());
        devices.setText(UUID.randomUUID().toString());
        devices.setBorder(BorderFactory.createTitledBorder("Device ids, one per line"));
        try {
            String known = Simulate.defaultPassword(Simulate.emsHome());
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

        JTable meters = new JTable(table);
        meters.setFillsViewportHeight(true);
        JScrollPane tablePane = new JScrollPane(meters);
        tablePane.setPreferredSize(new Dimension(640, 120));
        JPanel center = new JPanel(new BorderLayout(8, 8));
        center.add(tablePane, BorderLayout.NORTH);
        center.add(chart, BorderLayout.CENTER);

        JPanel content = new JPanel(new BorderLayout(8, 8));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        content.add(top, BorderLayout.NORTH);
        content.add(center, BorderLayout.CENTER);
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
        URI url;
        try {
            url = URI.create(
                    ems.getText().trim().endsWith("/")
                            ? ems.getText().trim()
                            : ems.getText().trim() + "/");
        } catch (IllegalArgumentException e) {
            error(e);
            return;
        }
        String name = emsUser.getText().trim();
        String secret = new String(emsPassword.getPassword());
        Thread fetch = new Thread(
                () -> {
                    try {
                        List<EmsDirectory.Device> found = EmsDirectory.devices(url, name, secret);
                        SwingUtilities.invokeLater(() -> choose(found));
                    } catch (IOException | RuntimeException e) {
                        SwingUtilities.invokeLater(() -> error(e));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "ems-directory");
        fetch.setDaemon(true);
        fetch.start();
    }

    private void choose(List<EmsDirectory.Device> found) {
        if (found.isEmpty()) {
            JOptionPane.showMessageDialog(
                    frame, "EMS has no devices yet.", "Simulator", JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        JList<EmsDirectory.Device> list = new JList<>(found.toArray(EmsDirectory.Device[]::new));
        list.setSelectionInterval(0, found.size() - 1);
        if (JOptionPane.showConfirmDialog(
                        frame, new JScrollPane(list), "Devices to simulate", JOptionPane.OK_CANCEL_OPTION)
                == JOptionPane.OK_OPTION) {
            devices.setText(String.join(
                    "\n",
                    list.getSelectedValuesList().stream()
                            .map(d -> d.id().toString())
                            .toList()));
        }
    }

    private void chooseCsv() {
        JFileChooser chooser = new JFileChooser();
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            csv.setText(chooser.getSelectedFile().getPath());
        }
    }

    /** Starts a fresh run of the chosen meters; errors in the settings are shown, not thrown. */
    private void start() {
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
            Duration step = Simulate.duration(interval.getText());
            Instant first =
                    java.time.OffsetDateTime.parse(start.getText().trim()).toInstant();
            List<MeterStream> meters = ids.stream()
                    .distinct()
                    .map(d -> new MeterStream(d, profile, first, step, EnumSet.noneOf(Fault.class)))
                    .toList();
            Simulate.deleteTree(stateDir); // the window always starts afresh
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
                    BrokerLink.Format.EMS,
                    1,
                    null,
                    new PrintStream(PrintStream.nullOutputStream()));
            replay.listen(new Replay.Listener() {
                @Override
                public void acknowledged(List<Outgoing> readings) {
                    SwingUtilities.invokeLater(() -> readings.forEach(
                            o -> show(o.reading().deviceId(), o.reading().kwh())));
                }

                @Override
                public void brokerState(String state) {
                    SwingUtilities.invokeLater(() -> brokerState.setText("Broker: " + state));
                }
            });
            table.setRowCount(0);
            rows.clear();
            counts.clear();
            chart.clear();
            for (MeterStream m : meters) {
                rows.put(m.device(), table.getRowCount());
                counts.put(m.device(), 0L);
                table.addRow(new Object[] {m.device().toString(), "", 0L});
            }
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

    private void show(UUID device, BigDecimal kwh) {
        Integer row = rows.get(device);
        if (row == null) {
            return;
        }
        long count = counts.merge(device, 1L, Long::sum);
        table.setValueAt(kwh.toPlainString(), row, 1);
        table.setValueAt(count, row, 2);
        chart.add(device, kwh);
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

    /** Options to prefill the window; {@code --autostart} and {@code --screenshot} serve demos and tests. */
    @Command(name = "simulator", mixinStandardHelpOptions = true)
    static final class Options implements Callable<Integer> {
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

        @Override
        public Integer call() {
            FlatLightLaf.setup();
            Path state = this.state != null ? this.state : Simulate.emsHome().resolve("simulator-desktop");
            SwingUtilities.invokeLater(() -> {
                SimulatorWindow window = new SimulatorWindow(state);
                if (!devices.isEmpty()) {
                    window.devices.setText(String.join(
                            "\n", devices.stream().map(UUID::toString).toList()));
                }
                if (broker != null) {
                    window.broker.setText(broker);
                }
                if (user != null) {
                    window.user.setText(user);
                }
                if (password != null) {
                    window.password.setText(password);
                }
                if (speed != null) {
                    window.speed.setValue(speed);
                }
                if (start != null) {
                    window.start.setText(start);
                }
                window.frame.setVisible(true);
                if (autostart) {
                    window.start();
                }
                if (screenshot != null) {
                    Timer timer = new Timer(after * 1000, e -> window.screenshot(screenshot));
                    timer.setRepeats(false);
                    timer.start();
                }
            });
            return 0;
        }
    }

    /** What the screen shows of the window, from the X server's framebuffer, as PNG; then exit. */
    private void screenshot(File file) {
        try {
            Rectangle bounds = frame.getBounds();
            ImageIO.write(new Robot().createScreenCapture(bounds), "png", file);
            Files.writeString(
                    file.toPath().resolveSibling(file.getName() + ".txt"),
                    brokerState.getText() + "\n" + counts + "\n");
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new Options()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
