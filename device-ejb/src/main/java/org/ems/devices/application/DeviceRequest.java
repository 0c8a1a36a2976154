package org.ems.devices.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.ems.contracts.validation.TimeZoneId;

/**
 * What a device is given; a null time zone means its owner's (else the server's), a null owner none. A bean, not
 * a record: Payara's OpenAPI generator fails on constraints of record constructor parameters; pages bind to it.
 */
public class DeviceRequest implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "name must have 1 to 200 characters")
    @Size(max = 200, message = "name must have 1 to 200 characters")
    private String name;

    @Size(max = 1000, message = "description must have at most 1000 characters")
    private String description;

    @Size(max = 500, message = "address must have at most 500 characters")
    private String address;

    @NotNull(message = DeviceService.LIMIT_MESSAGE)
    @DecimalMin(value = "0", inclusive = false, message = DeviceService.LIMIT_MESSAGE)
    @DecimalMax(value = "999999999.999", message = DeviceService.LIMIT_MESSAGE)
    @Digits(integer = 9, fraction = 3, message = DeviceService.LIMIT_MESSAGE)
    private BigDecimal maxHourlyKwh;

    private UUID ownerId;

    @TimeZoneId
    private String timeZone;

    private UUID tariffId;

    @Valid
    private Budget monthlyBudget;

    private String silentAfter;

    /** A monthly budget as given: in kWh or an amount of the tariff's currency, one of the two (the service checks). */
    public static class Budget implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        @DecimalMin(value = "0", inclusive = false, message = BUDGET_MESSAGE)
        @Digits(integer = 9, fraction = 3, message = BUDGET_MESSAGE)
        private BigDecimal kwh;

        @DecimalMin(value = "0", inclusive = false, message = BUDGET_MESSAGE)
        @Digits(integer = 12, fraction = 2, message = BUDGET_MESSAGE)
        private BigDecimal amount;

        public Budget() {}

        public Budget(BigDecimal kwh, BigDecimal amount) {
            this.kwh = kwh;
            this.amount = amount;
        }

        public BigDecimal getKwh() {
            return kwh;
        }

        public void setKwh(BigDecimal kwh) {
            this.kwh = kwh;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    static final String BUDGET_MESSAGE =
            "monthlyBudget must be a positive number of kWh (3 decimals) or an amount (2 decimals)";

    public DeviceRequest() {}

    public DeviceRequest(
            String name,
            String description,
            String address,
            BigDecimal maxHourlyKwh,
            UUID ownerId,
            String timeZone,
            UUID tariffId) {
        this.tariffId = tariffId;
        this.name = name;
        this.description = description;
        this.address = address;
        this.maxHourlyKwh = maxHourlyKwh;
        this.ownerId = ownerId;
        this.timeZone = timeZone;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public BigDecimal getMaxHourlyKwh() {
        return maxHourlyKwh;
    }

    public void setMaxHourlyKwh(BigDecimal maxHourlyKwh) {
        this.maxHourlyKwh = maxHourlyKwh;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    /** The tariff its hours are priced by; null: none. */
    public UUID getTariffId() {
        return tariffId;
    }

    public void setTariffId(UUID tariffId) {
        this.tariffId = tariffId;
    }

    /** What a month may consume; null: no budget. */
    public Budget getMonthlyBudget() {
        return monthlyBudget;
    }

    public void setMonthlyBudget(Budget monthlyBudget) {
        this.monthlyBudget = monthlyBudget;
    }

    /** How long the meter may send nothing before it is silent (ISO 8601, e.g. PT2H); null: the setting. */
    public String getSilentAfter() {
        return silentAfter;
    }

    public void setSilentAfter(String silentAfter) {
        this.silentAfter = silentAfter;
    }
}
