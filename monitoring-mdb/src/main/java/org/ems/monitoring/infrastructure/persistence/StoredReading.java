package org.ems.monitoring.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An accepted meter reading; its key (device, time) makes a duplicate a no-op. Written by {@link ReadingRepository}. */
@Entity
@Table(name = "meter_reading", schema = "monitoring")
@IdClass(StoredReading.Key.class)
public class StoredReading {

    @Id
    @Column(name = "device_id")
    private UUID deviceId;

    // EclipseLink 4 (JPA 3.1) maps OffsetDateTime, not Instant; values are kept in UTC.
    @Id
    @Column(name = "reading_time")
    private OffsetDateTime readingTime;

    @Column(name = "kwh", nullable = false, precision = 20, scale = 6)
    private BigDecimal kwh;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected StoredReading() {}

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public Instant readingTime() {
        return readingTime.toInstant();
    }

    public BigDecimal kwh() {
        return kwh;
    }

    /** Primary key of {@link StoredReading}. */
    public record Key(UUID deviceId, OffsetDateTime readingTime) implements Serializable {
        public Key() {
            this(null, (OffsetDateTime) null);
        }

        public Key(UUID deviceId, Instant readingTime) {
            this(deviceId, utc(readingTime));
        }
    }
}
