package org.ems.contracts.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    @Test
    void aRecordIsOneJsonObjectOnOneLineWhateverItsMessageHolds() {
        LogRecord record = new LogRecord(Level.WARNING, "a \"quoted\"\nsecond line\t\\ and \u0001");
        record.setLoggerName("org.ems.test");
        record.setInstant(Instant.parse("2026-12-03T10:15:30.123Z"));
        record.setThrown(new IllegalStateException("boom"));
        String line = LogLines.json().format(record);
        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonObject parsed = Json.createReader(new StringReader(line)).readObject();
        assertThat(parsed.getString("time")).isEqualTo("2026-12-03T10:15:30.123Z");
        assertThat(parsed.getString("level")).isEqualTo("WARNING");
        assertThat(parsed.getString("logger")).isEqualTo("org.ems.test");
        assertThat(parsed.getString("message")).isEqualTo("a \"quoted\"\nsecond line\t\\ and \u0001");
        assertThat(parsed.getString("exception")).startsWith("java.lang.IllegalStateException: boom");
    }

    @Test
    void fieldsKeepTheirTypes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", 401);
        fields.put("user", null);
        fields.put("path", "/api/me");
        JsonObject parsed =
                Json.createReader(new StringReader(LogLines.json(fields))).readObject();
        assertThat(parsed.getInt("status")).isEqualTo(401);
        assertThat(parsed.isNull("user")).isTrue();
        assertThat(parsed.getString("path")).isEqualTo("/api/me");
    }

    @Test
    void textIsOneLineWithTimeLevelAndLogger() {
        LogRecord record = new LogRecord(Level.INFO, "ready");
        record.setLoggerName("org.ems.runtime.Launcher");
        record.setInstant(Instant.parse("2026-12-03T10:15:30Z"));
        assertThat(LogLines.text().format(record))
                .isEqualTo("2026-12-03T10:15:30Z INFO [org.ems.runtime.Launcher] ready" + System.lineSeparator());
    }
}
