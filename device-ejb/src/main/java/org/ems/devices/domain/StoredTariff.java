package org.ems.devices.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A tariff as it is kept: its name, currency and versions (the API's JSON of them). */
@Entity
@Table(name = "tariff", schema = "devices")
public class StoredTariff {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private String versions;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected StoredTariff() {}

    public StoredTariff(String name, String currency, String versions) {
        this.id = UUID.randomUUID();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        change(name, currency, versions);
    }

    public void change(String name, String currency, String versions) {
        this.name = name;
        this.currency = currency;
        this.versions = versions;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    /** The versions as JSON. */
    public String versions() {
        return versions;
    }
}
