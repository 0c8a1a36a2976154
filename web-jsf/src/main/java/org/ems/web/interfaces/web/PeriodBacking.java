package org.ems.web.interfaces.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import org.ems.contracts.device.DeviceData;
import org.ems.monitoring.application.PeriodService;
import org.ems.monitoring.application.PeriodSummary;
import org.ems.monitoring.domain.Period;

/**
 * The device page's week, month or year holding its chosen day: a bar per day (per month for a year), what it used and
 * cost, the change against the period before and the same period a year before, a table of the bars (the chart's
 * text), and the period's CSV.
 */
@Named
@ViewScoped
public class PeriodBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceBacking page;

    @Inject
    PeriodService periods;

    @Inject
    PeriodTexts texts;

    private Period.Kind kind = Period.Kind.MONTH;
    private PeriodSummary summary;

    public PeriodSummary getSummary() {
        DeviceData device = page.getDevice();
        if (summary == null
                || summary.period().kind() != kind
                || !Period.of(kind, page.getDate()).equals(summary.period())) {
            ZoneId zone = ZoneId.of(device.timeZone());
            summary = periods.summary(device.id(), zone, device.tariffId(), kind, page.getDate(), LocalDate.now(zone));
        }
        return summary;
    }

    /** Reads the period again (a reading of the device arrived). */
    public void refresh() {
        summary = null;
    }

    /** The bars as a Chart.js bar chart. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder kwh = Json.createArrayBuilder();
        for (PeriodSummary.Bar bar : getSummary().bars()) {
            labels.add(texts.bar(kind, bar.start()));
            kwh.add(bar.kwh());
        }
        return Charts.chart(
                "bar",
                labels,
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add(
                                        "label",
                                        PageMessages.text(
                                                kind == Period.Kind.YEAR ? "period.kwhPerMonth" : "device.kwhPerDay"))
                                .add("data", kwh)
                                .add("backgroundColor", "#43a047")));
    }

    /** The CSV of the period's hours (the API serves it to the page session too). */
    public String getCsvUrl() {
        Period period = getSummary().period();
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/devices/"
                + page.getDevice().id() + "/consumption.csv?from=" + period.start() + "&to="
                + period.end().minusDays(1);
    }

    public Period.Kind getKind() {
        return kind;
    }

    public void setKind(Period.Kind kind) {
        this.kind = kind;
    }

    public Period.Kind[] getKinds() {
        return Period.Kind.values();
    }
}
