package org.ems.contracts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.device.MonthlyBudget;
import org.junit.jupiter.api.Test;

class AlertMessageTest {

    private static final UUID ID = UUID.fromString("9b0e1a52-7c3d-4f2e-8d1b-5a6c7e8f9012");
    private static final UUID DEVICE = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");
    private static final Instant CREATED = Instant.parse("2026-03-29T07:31:02.118Z");
    private static final AlertMessage ALERT = alert(new AlertFacts.OverLimit(
            OffsetDateTime.parse("2026-03-29T10:00+03:00"), new BigDecimal("2.61"), new BigDecimal("2.5")));

    private static AlertMessage alert(AlertFacts facts) {
        return new AlertMessage(ID, DEVICE, facts, CREATED, null, null, null);
    }

    @Test
    void theJsonIsPinned() {
        assertThat(ALERT.toJson())
                .isEqualTo("{\"id\":\"9b0e1a52-7c3d-4f2e-8d1b-5a6c7e8f9012\",\"kind\":\"OVER_LIMIT\","
                        + "\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"hourStart\":\"2026-03-29T10:00:00+03:00\","
                        + "\"kwh\":2.61,\"limitKwh\":2.5,\"createdAt\":\"2026-03-29T07:31:02.118Z\",\"acknowledgedAt\":null,"
                        + "\"withdrawnAt\":null,\"withdrawnReason\":null}");
    }

    @Test
    void everyKindRoundTripsWithItsMembers() {
        List<AlertMessage> kinds = List.of(
                ALERT,
                alert(new AlertFacts.Projected(
                        OffsetDateTime.parse("2026-03-29T14:00+03:00"),
                        new BigDecimal("0.9"),
                        new BigDecimal("2.4"),
                        new BigDecimal("2.0"),
                        Instant.parse("2026-03-29T11:42:00Z"))),
                alert(new AlertFacts.Silent(Instant.parse("2026-03-29T09:02:11Z"), null)),
                alert(new AlertFacts.Silent(
                        Instant.parse("2026-03-29T09:02:11Z"), Instant.parse("2026-03-29T12:00:00Z"))),
                alert(new AlertFacts.Budget(
                        YearMonth.of(2026, 3),
                        AlertFacts.Budget.Stage.PROJECTED,
                        new MonthlyBudget(new BigDecimal("350"), null),
                        new BigDecimal("410.5"),
                        null)),
                alert(new AlertFacts.Budget(
                        YearMonth.of(2026, 3),
                        AlertFacts.Budget.Stage.EXCEEDED,
                        new MonthlyBudget(null, new BigDecimal("500")),
                        new BigDecimal("500.12"),
                        "RON")));
        for (AlertMessage alert : kinds) {
            assertThat(AlertMessage.fromJson(alert.toJson())).isEqualTo(alert);
        }
        assertThat(kinds.get(1).toJson())
                .contains("\"kind\":\"PROJECTED\"", "\"projectedKwh\":2.4", "\"expectedAt\":\"2026-03-29T11:42:00Z\"");
        assertThat(kinds.get(2).toJson()).contains("\"kind\":\"SILENT\"", "\"resolvedAt\":null");
        assertThat(kinds.get(4).toJson())
                .contains(
                        "\"month\":\"2026-03\"",
                        "\"stage\":\"projected\"",
                        "\"budget\":{\"kwh\":350}",
                        "\"projectedKwh\":410.5");
        assertThat(kinds.get(5).toJson()).contains("\"projectedAmount\":500.12", "\"currency\":\"RON\"");
        assertThat(kinds.get(2).ended()).isFalse();
        assertThat(kinds.get(3).ended()).as("a silent meter that reports again").isTrue();
        assertThat(kinds.get(4).day()).hasToString("2026-03-01");
    }

    @Test
    void anAlertOfBeforeKindsIsOverTheLimit() {
        String older = ALERT.toJson().replace("\"kind\":\"OVER_LIMIT\",", "");
        assertThat(AlertMessage.fromJson(older)).isEqualTo(ALERT);
    }

    @Test
    void roundTripsAcknowledgedWithdrawnOrNot() {
        var acknowledged = new AlertMessage(
                ID,
                DEVICE,
                ALERT.facts(),
                CREATED,
                Instant.parse("2026-03-29T08:00:00Z"),
                Instant.parse("2026-03-29T09:00:00Z"),
                "late readings put the hour within its limit: 2.4 kWh");
        assertThat(acknowledged.toJson())
                .contains("\"acknowledgedAt\":\"2026-03-29T08:00:00Z\"")
                .contains("\"withdrawnAt\":\"2026-03-29T09:00:00Z\"");
        assertThat(AlertMessage.fromJson(acknowledged.toJson())).isEqualTo(acknowledged);
        assertThat(acknowledged.standing()).isFalse();
        assertThat(acknowledged.ended()).isTrue();
        assertThat(ALERT.standing()).isTrue();
    }

    @Test
    void refusesWhatIsNotAnAlert() {
        assertThatThrownBy(() -> AlertMessage.fromJson("{\"id\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertMessage.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertMessage.fromJson(ALERT.toJson().replace("OVER_LIMIT", "ON_FIRE")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
