package org.ems.simulator.window;

import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.simulator.client.Durations;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.meter.FaultPlan;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.MeterEndpoints;
import org.ems.simulator.meter.MeterLink;

/**
 * The window's settings of a run, as {@code ./ems simulate} has them: profile, speed, interval, start; the protocol
 * and where it reaches EMS, as whom; faults and their seed; readings per message; and EMS's administrator, who picks
 * the meters and checks the ledger at the end.
 */
final class RunSettings {

    private final JTextField csv = new JTextField("(bundled sensor.csv)", 24);
    private final JSpinner speed = new JSpinner(new SpinnerNumberModel(600.0, 0.1, 1_000_000.0, 60.0));
    private final JTextField interval = new JTextField("10m", 6);
    private final JTextField start =
            new JTextField(Instant.now().truncatedTo(ChronoUnit.HOURS).toString(), 24);
    private final JComboBox<MeterProtocol> protocol = new JComboBox<>(MeterProtocol.values());
    private final JTextField broker = new JTextField(EmsHome.brokerUrl(), 24);
    private final JTextField mqtt = new JTextField(EmsHome.mqttUrl(), 24);
    private final JTextField user = new JTextField(EmsHome.meterUser(), 10);
    private final JPasswordField password = new JPasswordField(16);
    private final JTextField faults = new JTextField(24);
    private final JSpinner seed = new JSpinner(new SpinnerNumberModel(1, 0, Integer.MAX_VALUE, 1));
    private final JSpinner batch = new JSpinner(new SpinnerNumberModel(1, 1, MeterReadingCodec.MAX_BATCH, 1));
    private final JTextField ems = new JTextField(EmsHome.emsUrl(), 24);
    private final JTextField emsUser = new JTextField("admin", 10);
    private final JPasswordField emsPassword = new JPasswordField(16);
    private final JPanel component = new JPanel(new GridBagLayout());
    private final GridBagConstraints c = new GridBagConstraints();

    /** @param pick the button that signs in to EMS and picks its devices */
    RunSettings(JButton pick) {
        try {
            String known = EmsHome.meterPassword(EmsHome.path());
            password.setText(known == null ? "" : known);
        } catch (IOException e) {
            password.setText("");
        }
        faults.setToolTipText("e.g. duplicate=0.1,reorder=0.05,late=0.02:PT2H,gap=0.01:PT3H,poison=0.001");
        c.insets = new Insets(3, 4, 3, 4);
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        JButton browse = new JButton("Choose...");
        browse.addActionListener(e -> chooseCsv());
        row("Profile (CSV)", csv, browse);
        row("Speed (meter/wall time)", speed, null);
        row("Interval", interval, null);
        row("Start (meter time)", start, null);
        row("Protocol", protocol, null);
        row("Broker (JMS)", broker, null);
        row("MQTT", mqtt, null);
        row("Meter user", user, null);
        row("Meter password", password, null);
        row("Faults", faults, null);
        row("Seed", seed, null);
        row("Readings per message", batch, null);
        row("EMS", ems, pick);
        row("EMS admin", emsUser, null);
        row("Admin password", emsPassword, null);
    }

    private void row(String label, Component field, Component extra) {
        c.gridy++;
        c.gridx = 0;
        c.weightx = 0;
        component.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        component.add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.weightx = 0;
            component.add(extra, c);
        }
    }

    private void chooseCsv() {
        JFileChooser chooser = new JFileChooser();
        if (chooser.showOpenDialog(component) == JFileChooser.APPROVE_OPTION) {
            csv.setText(chooser.getSelectedFile().getPath());
        }
    }

    JPanel component() {
        return component;
    }

    LoadProfile profile() throws IOException {
        return csv.getText().startsWith("(") ? LoadProfile.bundled() : LoadProfile.load(Path.of(csv.getText()));
    }

    double speed() {
        return ((Number) speed.getValue()).doubleValue();
    }

    Duration interval() {
        return Durations.parse(interval.getText());
    }

    Instant start() {
        return OffsetDateTime.parse(start.getText().trim()).toInstant();
    }

    MeterProtocol protocol() {
        return (MeterProtocol) protocol.getSelectedItem();
    }

    /** The faults as typed ({@code --faults}), empty for none. */
    String faultsText() {
        return faults.getText().trim();
    }

    FaultPlan faults() {
        return FaultPlan.parse(faultsText(), ((Number) seed.getValue()).longValue());
    }

    int batch() {
        return ((Number) batch.getValue()).intValue();
    }

    /** A link of the chosen protocol, signed in as the meter user. */
    MeterLink link() {
        return new MeterEndpoints(broker.getText().trim(), mqtt.getText().trim(), ems())
                .open(protocol(), user.getText().trim(), new String(password.getPassword()), null);
    }

    /** EMS's base URL, ending in a slash. */
    URI ems() {
        String base = ems.getText().trim();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    String adminUser() {
        return emsUser.getText().trim();
    }

    /** The administrator's password, empty when not given (then no check at the end). */
    String adminPassword() {
        return new String(emsPassword.getPassword());
    }

    /** Fills in what the command's options give. */
    void prefill(WindowCommand options) {
        Optional.ofNullable(options.broker).ifPresent(broker::setText);
        Optional.ofNullable(options.mqtt).ifPresent(mqtt::setText);
        Optional.ofNullable(options.ems).ifPresent(ems::setText);
        Optional.ofNullable(options.protocol).ifPresent(protocol::setSelectedItem);
        Optional.ofNullable(options.user).ifPresent(user::setText);
        Optional.ofNullable(options.password).ifPresent(password::setText);
        Optional.ofNullable(options.speed).ifPresent(speed::setValue);
        Optional.ofNullable(options.start).ifPresent(start::setText);
        Optional.ofNullable(options.faults).ifPresent(faults::setText);
        Optional.ofNullable(options.seed).ifPresent(seed::setValue);
        Optional.ofNullable(options.batch).ifPresent(batch::setValue);
        Optional.ofNullable(options.adminUser).ifPresent(emsUser::setText);
        Optional.ofNullable(options.adminPassword).ifPresent(emsPassword::setText);
    }
}
