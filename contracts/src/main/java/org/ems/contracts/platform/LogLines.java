package org.ems.contracts.platform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * How EMS's own processes write a log record: a line of text, or with {@code ems.log.format=json} one JSON object per
 * line (time, level, logger, thread, message, exception) for log shippers. The HTTP access log writes its fields the
 * same way ({@link #json(Map)}).
 */
public final class LogLines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private LogLines() {}

    /** {@code 2026-12-03T10:15:30.123Z INFO [logger] message}, then the exception's stack trace, if any. */
    public static Formatter text() {
        return new Formatter() {
            @Override
            public String format(LogRecord record) {
                return TIME.format(record.getInstant()) + " "
                        + record.getLevel().getName() + " ["
                        + record.getLoggerName() + "] " + formatMessage(record) + System.lineSeparator()
                        + stackTrace(record);
            }
        };
    }

    /** One JSON object per record, on one line. */
    public static Formatter json() {
        return new Formatter() {
            @Override
            public String format(LogRecord record) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("time", record.getInstant());
                fields.put("level", record.getLevel().getName());
                fields.put("logger", record.getLoggerName());
                fields.put("thread", record.getLongThreadID());
                fields.put("message", formatMessage(record));
                if (record.getThrown() != null) {
                    fields.put("exception", stackTrace(record));
                }
                return json(fields) + System.lineSeparator();
            }
        };
    }

    /** Writes each record's message as it is: for a log whose lines are made whole ({@link #json(Map)}). */
    public static Formatter asIs() {
        return new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        };
    }

    /** The fields as one JSON object: numbers as numbers, instants in ISO-8601 UTC, null as null, the rest as text. */
    public static String json(Map<String, ?> fields) {
        StringBuilder line = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (line.length() > 1) {
                line.append(',');
            }
            string(line, name).append(':');
            if (value == null || value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else if (value instanceof Instant instant) {
                string(line, TIME.format(instant));
            } else {
                string(line, value.toString());
            }
        });
        return line.append('}').toString();
    }

    private static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static String stackTrace(LogRecord record) {
        if (record.getThrown() == null) {
            return "";
        }
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
