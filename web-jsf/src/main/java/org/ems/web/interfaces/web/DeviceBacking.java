package org.ems.web.interfaces.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;
import org.ems.devices.application.TariffService;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.domain.DayTotal;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.Pricing;

/**
 * A device's page in the portal (its owner, or an administrator): the hours of one local day in the device's zone
 * as a bar chart with the limit drawn as a line (23 or 25 bars on DST days; each bar's tooltip gives its readings and
 * marks), growing as readings arrive when the day is today ({@link PeriodBacking}: its week, month or year). Another's
 * device, or none, is the "not found" page.
 */
@Named
@ViewScoped
public class DeviceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceService devices;

    @Inject
    ConsumptionService consumption;

    @Inject
    Caller caller;

    @Inject
    TariffService tariffs;

    private DeviceData device;
    private LocalDate date;
    private List<HourTotal> hours = List.of();
    private String dayCost;

    /** The page's view action, before anything renders: another's device, or none, answers 404. */
    public void open() {
        if (device != null) {
            return; // a postback of the open page
        }
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        try {
            device = devices.find(
                    UUID.fromString(context.getRequestParameterMap().getOrDefault("id", "")), caller);
        } catch (IllegalArgumentException | Rejected notVisible) {
            try {
                context.responseSendError(404, "no such device");
                FacesContext.getCurrentInstance().responseComplete();
            } catch (IOException gone) {
                // the browser went away
            }
            return;
        }
        String asked = context.getRequestParameterMap().get("date");
        try {
            date = asked == null ? LocalDate.now(zone()) : LocalDate.parse(asked);
        } catch (java.time.format.DateTimeParseException notADate) {
            date = LocalDate.now(zone());
        }
        show();
    }

    /** Reads the chosen day. */
    public void show() {
        hours = consumption.day(device.id(), date, zone()).hours();
        Pricing pricing = Pricing.of(device.tariffId(), tariffs);
        BigDecimal cost = pricing.cost(hours);
        dayCost = cost == null ? null : Formats.money(cost, pricing.currency());
    }

    /** A reading of the device was stored (pushed): today's chart grows; another day stays as it is. */
    public void refresh() {
        if (date.equals(LocalDate.now(zone()))) {
            show();
        }
    }

    private ZoneId zone() {
        return ZoneId.of(device.timeZone());
    }

    /** The day's hours as a Chart.js bar chart: bars over the limit in red, the limit as a line. */
    public String getDayChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder kwh = Json.createArrayBuilder();
        JsonArrayBuilder colors = Json.createArrayBuilder();
        JsonArrayBuilder limit = Json.createArrayBuilder();
        JsonArrayBuilder notes = Json.createArrayBuilder();
        for (HourTotal hour : hours) {
            String marks = marks(hour);
            notes.add(PageMessages.text("device.note", hour.readings(), marks.isEmpty() ? 0 : 1, marks));
            labels.add(hour.start().format(DateTimeFormatter.ofPattern("HH:mm")) + hourMark(hour));
            kwh.add(hour.kwh());
            colors.add(hour.kwh().compareTo(device.maxHourlyKwh()) > 0 ? "#d32f2f" : "#1e88e5");
            limit.add(device.maxHourlyKwh());
        }
        return Charts.chart(
                "bar",
                labels,
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("type", "line")
                                .add("label", PageMessages.text("device.limit"))
                                .add("data", limit)
                                .add("borderColor", "#f57c00")
                                .add("pointRadius", 0)
                                .add(
                                        "borderDash",
                                        Json.createArrayBuilder().add(6).add(4)))
                        .add(Json.createObjectBuilder()
                                .add("label", PageMessages.text("device.kwh"))
                                .add("data", kwh)
                                .add("notes", notes) // the tooltip's second line (ems.dayChart)
                                .add("backgroundColor", colors)));
    }

    /** An hour's marks in words of the page: estimated, meter reset. */
    public String marks(HourTotal hour) {
        return hour.flags().stream()
                .map(f -> PageMessages.text("device.flag." + f.name()))
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    /** A mark after an hour's label: estimated (*) or with a meter reset (!), explained under the chart. */
    private static String hourMark(HourTotal hour) {
        return hour.flags().isEmpty()
                ? ""
                : hour.flags().stream()
                        .map(f -> f.name().equals("RESET") ? "!" : "*")
                        .sorted()
                        .reduce("", String::concat);
    }

    public BigDecimal getDayTotal() {
        return DayTotal.of(date, hours).kwh();
    }

    /** What the day cost, with its currency ("8.45 RON"); null without a tariff. */
    public String getDayCost() {
        return dayCost;
    }

    public DeviceData getDevice() {
        return device;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public List<HourTotal> getHours() {
        return hours;
    }
}
