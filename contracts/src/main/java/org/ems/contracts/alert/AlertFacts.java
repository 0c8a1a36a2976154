package org.ems.contracts.alert;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import org.ems.contracts.device.MonthlyBudget;

/** What an alert of each kind tells, beside what all alerts have: its JSON members. */
public sealed interface AlertFacts {

    AlertKind kind();

    /** The local date the alert's period starts on (the day a link to the device's consumption opens). */
    LocalDate day();

    /** Adds the members of the kind. */
    void write(JsonObjectBuilder json);

    /**
     * An hour's total over the limit in force when the hour started.
     *
     * @param hourStart the clock hour, with the offset of the device's zone then
     * @param kwh the hour's total when the alert was raised (or last reinstated)
     */
    record OverLimit(OffsetDateTime hourStart, BigDecimal kwh, BigDecimal limitKwh) implements AlertFacts {
        @Override
        public AlertKind kind() {
            return AlertKind.OVER_LIMIT;
        }

        @Override
        public LocalDate day() {
            return hourStart.toLocalDate();
        }

        @Override
        public void write(JsonObjectBuilder json) {
            json.add("hourStart", AlertJson.hour(hourStart)).add("kwh", kwh).add("limitKwh", limitKwh);
        }
    }

    /**
     * The hour in progress, projected over its limit.
     *
     * @param kwh what the hour had consumed when it was projected
     * @param expectedAt when, at that rate, the limit is crossed
     */
    record Projected(
            OffsetDateTime hourStart, BigDecimal kwh, BigDecimal projectedKwh, BigDecimal limitKwh, Instant expectedAt)
            implements AlertFacts {
        @Override
        public AlertKind kind() {
            return AlertKind.PROJECTED;
        }

        @Override
        public LocalDate day() {
            return hourStart.toLocalDate();
        }

        @Override
        public void write(JsonObjectBuilder json) {
            json.add("hourStart", AlertJson.hour(hourStart))
                    .add("kwh", kwh)
                    .add("projectedKwh", projectedKwh)
                    .add("limitKwh", limitKwh)
                    .add("expectedAt", expectedAt.toString());
        }
    }

    /**
     * A meter gone quiet.
     *
     * @param lastReadingAt when its last reading arrived (the silence is counted from then)
     * @param resolvedAt when a reading arrived again, or null while it is silent
     */
    record Silent(Instant lastReadingAt, Instant resolvedAt) implements AlertFacts {
        @Override
        public AlertKind kind() {
            return AlertKind.SILENT;
        }

        @Override
        public LocalDate day() {
            return LocalDate.ofInstant(lastReadingAt, ZoneOffset.UTC);
        }

        @Override
        public void write(JsonObjectBuilder json) {
            json.add("lastReadingAt", lastReadingAt.toString());
            AlertJson.nullable(json, "resolvedAt", resolvedAt);
        }
    }

    /**
     * A month over its budget: projected (linear on the days so far) or exceeded.
     *
     * @param projected the month's projected consumption (stage {@code projected}) or its consumption so far
     *     ({@code exceeded}), in the budget's unit
     * @param currency the tariff's currency of a budget in money, else null
     */
    record Budget(YearMonth month, Stage stage, MonthlyBudget budget, BigDecimal projected, String currency)
            implements AlertFacts {

        /** How far a month went: one alert of each per device-month. */
        public enum Stage {
            PROJECTED,
            EXCEEDED;

            public String json() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public AlertKind kind() {
            return AlertKind.BUDGET;
        }

        @Override
        public LocalDate day() {
            return month.atDay(1);
        }

        @Override
        public void write(JsonObjectBuilder json) {
            json.add("month", month.toString())
                    .add("stage", stage.json())
                    .add("budget", budget.toJson())
                    .add(budget.inMoney() ? "projectedAmount" : "projectedKwh", projected);
            AlertJson.nullable(json, "currency", currency);
        }
    }

    /** The facts of the kind the JSON names. */
    static AlertFacts read(JsonObject o) {
        AlertKind kind = o.containsKey("kind") ? AlertKind.valueOf(o.getString("kind")) : AlertKind.OVER_LIMIT;
        return switch (kind) {
            case OVER_LIMIT ->
                new OverLimit(
                        OffsetDateTime.parse(o.getString("hourStart")),
                        AlertJson.number(o, "kwh"),
                        AlertJson.number(o, "limitKwh"));
            case PROJECTED ->
                new Projected(
                        OffsetDateTime.parse(o.getString("hourStart")),
                        AlertJson.number(o, "kwh"),
                        AlertJson.number(o, "projectedKwh"),
                        AlertJson.number(o, "limitKwh"),
                        Instant.parse(o.getString("expectedAt")));
            case SILENT -> new Silent(Instant.parse(o.getString("lastReadingAt")), AlertJson.instant(o, "resolvedAt"));
            case BUDGET -> {
                MonthlyBudget budget = MonthlyBudget.fromJson(o.getJsonObject("budget"));
                yield new Budget(
                        YearMonth.parse(o.getString("month")),
                        Budget.Stage.valueOf(o.getString("stage").toUpperCase(Locale.ROOT)),
                        budget,
                        AlertJson.number(o, budget.inMoney() ? "projectedAmount" : "projectedKwh"),
                        AlertJson.text(o, "currency"));
            }
        };
    }
}
