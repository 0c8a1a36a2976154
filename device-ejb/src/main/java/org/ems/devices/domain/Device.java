package org.ems.devices.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.device.MonthlyBudget;

/** A smart energy meter. {@code version} counts its changes (1 when created). */
@Entity
@Table(name = "device", schema = "devices")
public class Device {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 1000)
    private String description;

    @Column(nullable = false, length = 500)
    private String address;

    @Column(name = "max_hourly_kwh", nullable = false, precision = 12, scale = 3)
    private BigDecimal maxHourlyKwh;

    @Column(name = "owner_id")
    @Convert(converter = NullableUuid.class)
    private UUID ownerId;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "tariff_id")
    @Convert(converter = NullableUuid.class)
    private UUID tariffId;

    @Column(name = "budget_kwh", precision = 12, scale = 3)
    private BigDecimal budgetKwh;

    @Column(name = "budget_amount", precision = 14, scale = 2)
    private BigDecimal budgetAmount;

    @Column(name = "silent_after_seconds")
    private Long silentAfterSeconds;

    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Device() {}

    public Device(DeviceData data) {
        this.id = UUID.randomUUID();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(data);
        this.version = 1;
    }

    /** Takes the new values (not the id) and counts the change. */
    public void change(DeviceData data) {
        apply(data);
        version++;
    }

    /** Counts the deletion as a change, so its event has the next version. */
    public void deleting() {
        version++;
    }

    private void apply(DeviceData data) {
        this.name = data.name();
        this.description = data.description();
        this.address = data.address();
        this.maxHourlyKwh = data.maxHourlyKwh();
        this.ownerId = data.ownerId();
        this.timeZone = data.timeZone();
        this.tariffId = data.tariffId();
        this.budgetKwh =
                data.monthlyBudget() == null ? null : data.monthlyBudget().kwh();
        this.budgetAmount =
                data.monthlyBudget() == null ? null : data.monthlyBudget().amount();
        this.silentAfterSeconds =
                data.silentAfter() == null ? null : data.silentAfter().toSeconds();
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public long version() {
        return version;
    }

    public DeviceData data() {
        return new DeviceData(
                id,
                name,
                description,
                address,
                maxHourlyKwh,
                ownerId,
                timeZone,
                tariffId,
                budgetKwh == null && budgetAmount == null ? null : new MonthlyBudget(budgetKwh, budgetAmount),
                silentAfterSeconds == null ? null : Duration.ofSeconds(silentAfterSeconds));
    }
}
