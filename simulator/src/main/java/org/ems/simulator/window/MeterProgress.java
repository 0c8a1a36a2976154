package org.ems.simulator.window;

import java.awt.Dimension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.simulator.meter.Outgoing;

/**
 * The window's account of a run: per meter its protocol, faults and readings per message, the last register value,
 * and what its ledger holds (readings, and poison messages EMS must dead-letter or refuse); and the chart.
 */
final class MeterProgress {

    private static final int LAST_VALUE = 4;
    private static final int READINGS = 5;
    private static final int POISON = 6;

    private final DefaultTableModel table =
            new DefaultTableModel(
                    new Object[] {
                        "Device", "Protocol", "Faults", "Per message", "Last value (kWh)", "Readings", "Poison"
                    },
                    0) {
                @Override
                public boolean isCellEditable(int row, int column) {
                    return false;
                }
            };
    private final Map<UUID, Integer> rows = new LinkedHashMap<>();
    private final Map<UUID, Long> counts = new LinkedHashMap<>();
    private final Map<UUID, Long> poison = new LinkedHashMap<>();
    private final LiveChart chart = new LiveChart();
    private final JScrollPane tablePane;

    MeterProgress() {
        JTable meters = new JTable(table);
        meters.setFillsViewportHeight(true);
        meters.getColumnModel().getColumn(0).setPreferredWidth(260);
        meters.getColumnModel().getColumn(2).setPreferredWidth(220);
        tablePane = new JScrollPane(meters);
        tablePane.setPreferredSize(new Dimension(640, 120));
    }

    JComponent table() {
        return tablePane;
    }

    JComponent chart() {
        return chart;
    }

    /** A new run of these meters, all sending over {@code protocol} with {@code faults}, {@code batch} per message. */
    void reset(List<UUID> meters, MeterProtocol protocol, String faults, int batch) {
        table.setRowCount(0);
        rows.clear();
        counts.clear();
        poison.clear();
        chart.clear();
        for (UUID meter : meters) {
            rows.put(meter, table.getRowCount());
            counts.put(meter, 0L);
            poison.put(meter, 0L);
            table.addRow(new Object[] {
                meter.toString(), protocol.label(), faults.isEmpty() ? "none" : faults, batch, "", 0L, 0L
            });
        }
    }

    /** EMS acknowledged this reading (or poison message): it is in the ledger now. */
    void acknowledged(Outgoing sent) {
        UUID device = sent.reading().deviceId();
        Integer row = rows.get(device);
        if (row == null) {
            return;
        }
        if (sent.poison()) {
            table.setValueAt(poison.merge(device, 1L, Long::sum), row, POISON);
            return;
        }
        table.setValueAt(sent.reading().kwh().toPlainString(), row, LAST_VALUE);
        table.setValueAt(counts.merge(device, 1L, Long::sum), row, READINGS);
        chart.add(device, sent.reading().kwh());
    }

    /** Readings acknowledged per meter so far. */
    Map<UUID, Long> counts() {
        return Map.copyOf(counts);
    }
}
