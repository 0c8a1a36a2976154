package org.ems.contracts.device;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import org.ems.contracts.platform.Jsonp;

/**
 * A device's monthly budget: in kWh, or in money (in the currency of the device's tariff); exactly one of the two.
 * JSON {@code {"kwh":350}} or {@code {"amount":500}}.
 */
public record MonthlyBudget(BigDecimal kwh, BigDecimal amount) {

    public MonthlyBudget {
        if ((kwh == null) == (amount == null)) {
            throw new IllegalArgumentException("a monthly budget is in kWh or an amount, one of the two");
        }
    }

    /** Whether it is a sum of money rather than of energy. */
    public boolean inMoney() {
        return amount != null;
    }

    /** The budget in its unit. */
    public BigDecimal value() {
        return inMoney() ? amount : kwh;
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder();
        return (inMoney() ? json.add("amount", amount) : json.add("kwh", kwh)).build();
    }

    /** @throws IllegalArgumentException unless it is one of the two shapes */
    public static MonthlyBudget fromJson(JsonObject json) {
        try {
            return new MonthlyBudget(
                    json.containsKey("kwh") ? json.getJsonNumber("kwh").bigDecimalValue() : null,
                    json.containsKey("amount") ? json.getJsonNumber("amount").bigDecimalValue() : null);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a monthly budget: " + json, e);
        }
    }
}
