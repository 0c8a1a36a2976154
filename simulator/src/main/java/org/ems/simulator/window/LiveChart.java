package org.ems.simulator.window;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.swing.JComponent;
import javax.swing.UIManager;

/** A small live line chart: each meter's consumption per interval over its last readings. */
final class LiveChart extends JComponent {

    private static final int POINTS = 72;
    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b)
    };

    private final Map<UUID, ArrayDeque<Double>> series = new LinkedHashMap<>();
    private final Map<UUID, BigDecimal> lastValue = new LinkedHashMap<>();

    LiveChart() {
        setPreferredSize(new Dimension(640, 180));
    }

    /** A reading of a meter arrived (on the event thread). */
    void add(UUID device, BigDecimal kwh) {
        BigDecimal previous = lastValue.put(device, kwh);
        if (previous != null) {
            ArrayDeque<Double> points = series.computeIfAbsent(device, d -> new ArrayDeque<>());
            points.addLast(Math.max(0, kwh.subtract(previous).doubleValue()));
            while (points.size() > POINTS) {
                points.removeFirst();
            }
            repaint();
        }
    }

    void clear() {
        series.clear();
        lastValue.clear();
        repaint();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = getWidth();
        int h = getHeight();
        int left = 48;
        int bottom = h - 20;
        g.setColor(UIManager.getColor("Panel.background"));
        g.fillRect(0, 0, w, h);
        double max = series.values().stream()
                .flatMap(ArrayDeque::stream)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0.1);
        g.setColor(UIManager.getColor("Label.disabledForeground"));
        g.drawLine(left, 8, left, bottom);
        g.drawLine(left, bottom, w - 8, bottom);
        g.drawString(String.format("%.2f", max), 4, 16);
        g.drawString("kWh per interval, last " + POINTS + " readings", left + 8, h - 4);
        int index = 0;
        for (var entry : series.entrySet()) {
            List<Double> points = new ArrayList<>(entry.getValue());
            g.setColor(COLORS[index++ % COLORS.length]);
            g.setStroke(new BasicStroke(1.6f));
            for (int i = 1; i < points.size(); i++) {
                int x1 = left + (i - 1) * (w - left - 8) / (POINTS - 1);
                int x2 = left + i * (w - left - 8) / (POINTS - 1);
                int y1 = bottom - (int) (points.get(i - 1) / max * (bottom - 12));
                int y2 = bottom - (int) (points.get(i) / max * (bottom - 12));
                g.drawLine(x1, y1, x2, y2);
            }
        }
        g.dispose();
    }
}
