package org.ems.devices.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A meter's own broker credential: its device's id as username, the password only as a hash. */
@Entity
@Table(name = "meter_credential", schema = "devices")
public class MeterCredential {

    @Id
    @Column(name = "device_id")
    private UUID deviceId;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    protected MeterCredential() {}

    public MeterCredential(UUID deviceId, String passwordHash) {
        this.deviceId = deviceId;
        replace(passwordHash);
    }

    /** A new password: the old one stops working. */
    public void replace(String passwordHash) {
        this.passwordHash = passwordHash;
        this.issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant issuedAt() {
        return issuedAt.toInstant();
    }
}
