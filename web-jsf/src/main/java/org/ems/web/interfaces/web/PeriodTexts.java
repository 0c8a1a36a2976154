package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import org.ems.monitoring.application.PeriodSummary;
import org.ems.monitoring.domain.Period;

/** How the pages name a week, month or year and say what it consumed and cost, and how it compares. */
@Named("periodText")
@RequestScoped
public class PeriodTexts {

    @Inject
    Formats format;

    /** "Week of 30 Nov 2026", "December 2026", "2026". */
    public String name(Period period) {
        return switch (period.kind()) {
            case WEEK -> PageMessages.text("period.weekOf", format.date(period.start()));
            case MONTH -> format.month(YearMonth.from(period.start()));
            case YEAR -> Integer.toString(period.start().getYear());
        };
    }

    /** "312.4 kWh · 140.58 RON" (without a tariff, the kWh alone). */
    public String amounts(PeriodSummary summary) {
        return format.kwh(summary.kwh()) + " kWh"
                + (summary.cost() == null ? "" : " · " + Formats.money(summary.cost(), summary.currency()));
    }

    /** "+12% vs November 2026 · −3% vs December 2025", each only when there is something to compare with. */
    public String comparisons(PeriodSummary summary) {
        String vsPrevious = versus(summary.vsPrevious(), summary.period().previous());
        String vsYearBefore = summary.period().kind() == Period.Kind.YEAR
                ? ""
                : versus(summary.vsYearBefore(), summary.period().yearBefore());
        String both = vsPrevious.isEmpty() || vsYearBefore.isEmpty()
                ? vsPrevious + vsYearBefore
                : vsPrevious + " · " + vsYearBefore;
        if (both.isEmpty()) {
            return PageMessages.text("period.nothingToCompare");
        }
        return summary.daysCompared() < summary.period().days()
                ? PageMessages.text("period.soFar", both, summary.daysCompared())
                : both;
    }

    /** "+12% vs November 2026"; empty without a base. */
    public String versus(Integer change, Period before) {
        return change == null ? "" : PageMessages.text("period.versus", (change > 0 ? "+" : "") + change, name(before));
    }

    /** A bar's label: a day ("Thu 03"), a month ("Dec"). */
    public String bar(Period.Kind kind, LocalDate start) {
        return kind == Period.Kind.YEAR
                ? start.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, Formats.locale())
                : start.format(DateTimeFormatter.ofPattern("EEE dd", Formats.locale()));
    }

    /** A bar's date in full, for the table beside the chart. */
    public String barDate(Period.Kind kind, LocalDate start) {
        return kind == Period.Kind.YEAR
                ? format.month(YearMonth.from(start))
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(Formats.locale())
                        .format(start);
    }

    /** An amount of money with its currency, for the pages ({@link Formats#money}). */
    public String money(BigDecimal amount, String currency) {
        return Formats.money(amount, currency);
    }
}
