package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;

/** How the pages name an alert's kind, its period and what it says, in the viewer's language. */
@Named("alertText")
@RequestScoped
public class AlertTexts {

    @Inject
    Formats format;

    public String kind(AlertKind kind) {
        return PageMessages.text("alerts.kind." + kind.name());
    }

    /** The hour, the silence's start or the month. */
    public String when(AlertMessage alert) {
        AlertFacts facts = alert.facts();
        if (facts instanceof AlertFacts.OverLimit over) {
            return format.dayAndHour(over.hourStart());
        } else if (facts instanceof AlertFacts.Projected projected) {
            return format.dayAndHour(projected.hourStart());
        } else if (facts instanceof AlertFacts.Silent silent) {
            return format.time(silent.lastReadingAt());
        }
        return format.month(((AlertFacts.Budget) facts).month());
    }

    /** What it says, in a sentence. */
    public String what(AlertMessage alert) {
        AlertFacts facts = alert.facts();
        if (facts instanceof AlertFacts.OverLimit over) {
            return PageMessages.text("alerts.what.OVER_LIMIT", format.kwh(over.kwh()), format.kwh(over.limitKwh()));
        } else if (facts instanceof AlertFacts.Projected projected) {
            return PageMessages.text(
                    "alerts.what.PROJECTED",
                    format.kwh(projected.projectedKwh()),
                    format.kwh(projected.limitKwh()),
                    projected.expectedAt().atZone(format.zone()).format(DateTimeFormatter.ofPattern("HH:mm")));
        } else if (facts instanceof AlertFacts.Silent silent) {
            return silent.resolvedAt() == null
                    ? PageMessages.text("alerts.what.SILENT", format.time(silent.lastReadingAt()))
                    : PageMessages.text(
                            "alerts.what.SILENT.resolved",
                            format.time(silent.lastReadingAt()),
                            format.time(silent.resolvedAt()));
        }
        AlertFacts.Budget budget = (AlertFacts.Budget) facts;
        return PageMessages.text(
                "alerts.what.BUDGET." + budget.stage().json(),
                amount(budget.projected(), budget),
                amount(budget.budget().value(), budget));
    }

    private String amount(BigDecimal value, AlertFacts.Budget budget) {
        return budget.budget().inMoney() ? Formats.money(value, budget.currency()) : format.kwh(value) + " kWh";
    }
}
