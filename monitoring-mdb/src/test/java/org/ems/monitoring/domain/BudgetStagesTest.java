package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.device.MonthlyBudget;
import org.junit.jupiter.api.Test;

/** Budget warnings: projected linearly from the third day, exceeded on any day. */
class BudgetStagesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    private static final MonthlyBudget KWH = new MonthlyBudget(new BigDecimal("300"), null);

    private static ZonedDateTime april(int day, int hour) {
        return ZonedDateTime.of(2026, 4, day, hour, 0, 0, 0, ZONE);
    }

    @Test
    void fromTheThirdDayTheDaysSoFarAreCarriedOnToTheMonthsEnd() {
        // 10 days of April's 30 (no DST change in April) at 12 kWh a day: 360 kWh projected
        var due = BudgetStages.due(KWH, new BigDecimal("120"), 3, null, april(11, 0));
        assertThat(due).singleElement().satisfies(budget -> {
            assertThat(budget.stage()).isEqualTo(AlertFacts.Budget.Stage.PROJECTED);
            assertThat(budget.projected()).isEqualByComparingTo("360");
            assertThat(budget.month()).hasToString("2026-04");
        });
        assertThat(BudgetStages.due(KWH, new BigDecimal("90"), 3, null, april(11, 0)))
                .as("270 projected")
                .isEmpty();
    }

    @Test
    void notProjectedOnTheFirstTwoDaysButExceededAnyDay() {
        assertThat(BudgetStages.due(KWH, new BigDecimal("50"), 3, null, april(2, 12)))
                .isEmpty();
        assertThat(BudgetStages.due(KWH, new BigDecimal("301"), 3, null, april(2, 12)))
                .extracting(AlertFacts.Budget::stage)
                .containsExactly(AlertFacts.Budget.Stage.EXCEEDED);
        assertThat(BudgetStages.due(KWH, new BigDecimal("301"), 3, null, april(20, 12)))
                .extracting(AlertFacts.Budget::stage)
                .containsExactly(AlertFacts.Budget.Stage.PROJECTED, AlertFacts.Budget.Stage.EXCEEDED);
    }

    @Test
    void aBudgetInMoneyIsProjectedToTheCurrencysMinorUnit() {
        var money = new MonthlyBudget(null, new BigDecimal("100"));
        var due = BudgetStages.due(money, new BigDecimal("35.55"), 2, "RON", april(11, 0));
        assertThat(due).singleElement().satisfies(budget -> {
            assertThat(budget.projected()).isEqualByComparingTo("106.65");
            assertThat(budget.currency()).isEqualTo("RON");
        });
    }
}
