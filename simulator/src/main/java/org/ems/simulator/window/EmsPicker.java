package org.ems.simulator.window;

import java.awt.Component;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.ems.simulator.client.EmsDirectory;

/** Picks the meters to simulate from the devices an EMS user may see (signed in over its API, off the UI thread). */
final class EmsPicker {

    private EmsPicker() {}

    static void pick(
            Component parent,
            URI ems,
            String username,
            String password,
            Consumer<List<UUID>> chosen,
            Consumer<Exception> failed) {
        Thread fetch = new Thread(
                () -> {
                    try {
                        List<EmsDirectory.Device> found = EmsDirectory.devices(ems, username, password);
                        SwingUtilities.invokeLater(() -> choose(parent, found, chosen));
                    } catch (IOException | RuntimeException e) {
                        SwingUtilities.invokeLater(() -> failed.accept(e));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "ems-directory");
        fetch.setDaemon(true);
        fetch.start();
    }

    private static void choose(Component parent, List<EmsDirectory.Device> found, Consumer<List<UUID>> chosen) {
        if (found.isEmpty()) {
            JOptionPane.showMessageDialog(
                    parent, "EMS has no devices yet.", "Simulator", JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        JList<EmsDirectory.Device> list = new JList<>(found.toArray(EmsDirectory.Device[]::new));
        list.setSelectionInterval(0, found.size() - 1);
        if (JOptionPane.showConfirmDialog(
                        parent, new JScrollPane(list), "Devices to simulate", JOptionPane.OK_CANCEL_OPTION)
                == JOptionPane.OK_OPTION) {
            chosen.accept(list.getSelectedValuesList().stream()
                    .map(EmsDirectory.Device::id)
                    .toList());
        }
    }
}
