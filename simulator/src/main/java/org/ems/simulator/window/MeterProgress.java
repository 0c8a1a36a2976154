package org.ems.simulator.window;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

/** The window's account of a run: per meter the last register value and the readings acknowledged, and the chart. */
final class MeterProgress {

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
    private final JPanel component = new JPanel(new BorderLayout(8, 8));

    MeterProgress() {
        JTable meters = new JTable(table);
        meters.setFillsViewportHeight(true);
        JScrollPane tablePane = new JScrollPane(meters);
        tablePane.setPreferredSize(new Dimension(640, 120));
        component.add(tablePane, BorderLayout.NORTH);
        component.add(chart, BorderLayout.CENTER);
    }

    JComponent component() {
        return component;
    }

    /** A new run of these meters. */
    void reset(List<UUID> meters) {
        table.setRowCount(0);
        rows.clear();
        counts.clear();
        chart.clear();
        for (UUID meter : meters) {
            rows.put(meter, table.getRowCount());
            counts.put(meter, 0L);
            table.addRow(new Object[] {meter.toString(), "", 0L});
        }
    }

    /** The broker acknowledged a reading of {@code device}'s register. */
    void acknowledged(UUID device, BigDecimal kwh) {
        Integer row = rows.get(device);
        if (row == null) {
            return;
        }
        long count = counts.merge(device, 1L, Long::sum);
        table.setValueAt(kwh.toPlainString(), row, 1);
        table.setValueAt(count, row, 2);
        chart.add(device, kwh);
    }

    /** Readings acknowledged per meter so far. */
    Map<UUID, Long> counts() {
        return Map.copyOf(counts);
    }
}
