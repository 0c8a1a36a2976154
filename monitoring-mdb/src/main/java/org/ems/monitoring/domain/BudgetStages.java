package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.device.MonthlyBudget;

/**
 * The budget warnings a month has earned by {@code now}: {@code exceeded} once its consumption so far is over the
 * budget; {@code projected} from the third local day on, once the consumption so far, carried on linearly to the end
 * of the month, is over it (an exceeded month is projected over too).
 */
public final class BudgetStages {

    /** Before this day of the month the days so far say too little to project from. */
    public static final int FIRST_PROJECTED_DAY = 3;

    private BudgetStages() {}

    /**
     * @param soFar the month's consumption up to {@code now} in the budget's unit (kWh, or the sum of the hours' costs)
     * @param scale the decimals of the unit (3 for kWh, the currency's minor unit for money)
     * @param currency the currency of a budget in money, else null
     */
    public static List<AlertFacts.Budget> due(
            MonthlyBudget budget, BigDecimal soFar, int scale, String currency, ZonedDateTime now) {
        YearMonth month = YearMonth.from(now);
        ZonedDateTime start = month.atDay(1).atStartOfDay(now.getZone());
        ZonedDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(now.getZone());
        List<AlertFacts.Budget> due = new ArrayList<>();
        long elapsed = Duration.between(start, now).toSeconds();
        if (now.getDayOfMonth() >= FIRST_PROJECTED_DAY && elapsed > 0) {
            BigDecimal projected = soFar.multiply(
                            BigDecimal.valueOf(Duration.between(start, end).toSeconds()))
                    .divide(BigDecimal.valueOf(elapsed), MathContext.DECIMAL64)
                    .setScale(scale, RoundingMode.HALF_UP);
            if (projected.compareTo(budget.value()) > 0) {
                due.add(new AlertFacts.Budget(month, AlertFacts.Budget.Stage.PROJECTED, budget, projected, currency));
            }
        }
        if (soFar.compareTo(budget.value()) > 0) {
            due.add(new AlertFacts.Budget(
                    month,
                    AlertFacts.Budget.Stage.EXCEEDED,
                    budget,
                    soFar.setScale(scale, RoundingMode.HALF_UP),
                    currency));
        }
        return due;
    }
}
