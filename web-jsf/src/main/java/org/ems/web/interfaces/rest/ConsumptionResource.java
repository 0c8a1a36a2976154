package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;
import org.ems.devices.application.TariffService;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.DayConsumption;
import org.ems.monitoring.domain.DayTotal;
import org.ems.monitoring.domain.HourFlag;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.Pricing;

/**
 * {@code /api/devices/{id}/consumption}: a device's consumption (the owner or an administrator; another's device is a
 * 404): each hour of a local day, each day of a range, and the hours of a range as CSV. Days are those of the
 * device's zone.
 */
@Path("devices/{id}/consumption")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class ConsumptionResource {

    static final String CSV = "text/csv";

    /** The longest range of months asked at once. */
    static final int MAX_MONTHS = 120;

    @Inject
    ConsumptionService consumption;

    @Inject
    DeviceService devices;

    @Inject
    TariffService tariffs;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getHourlyConsumption",
            summary = "Consumption of a device in every clock hour of a local day")
    public ConsumptionView day(
            @PathParam("id") String id,
            @Parameter(description = "local day, YYYY-MM-DD; default today") @QueryParam("date") String date) {
        LocalDate requested = date == null || date.isBlank() ? null : localDate("date", date);
        DeviceData device = visible(id);
        ZoneId zone = ZoneId.of(device.timeZone());
        LocalDate day = requested != null ? requested : LocalDate.now(zone);
        return ConsumptionView.of(consumption.day(device.id(), day, zone), pricing(device));
    }

    @GET
    @Path("daily")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getDailyConsumption",
            summary = "Consumption of a device in every local day from 'from' to 'to' (at most 366)")
    public DailyView daily(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = localDate("from", from); // bad input before "not found"
        LocalDate last = localDate("to", to);
        DeviceData device = visible(id);
        Pricing pricing = pricing(device);
        List<DayView> days = consumption.days(device.id(), first, last, zone(device)).stream()
                .map(d -> DayView.of(DayTotal.of(d.date(), d.hours()), pricing.cost(d.hours())))
                .toList();
        return new DailyView(device.id(), device.timeZone(), pricing.currency(), days);
    }

    @GET
    @Path("monthly")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getMonthlyConsumption",
            summary = "Consumption and cost of a device in every local month from 'from' to 'to' (at most 120)")
    public MonthlyView monthly(
            @PathParam("id") String id,
            @Parameter(description = "YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM") @QueryParam("to") String to) {
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw Problem.badRequest("to must not be before from");
        }
        if (first.until(last, java.time.temporal.ChronoUnit.MONTHS) >= MAX_MONTHS) {
            throw Problem.badRequest("at most " + MAX_MONTHS + " months at once");
        }
        DeviceData device = visible(id);
        Pricing pricing = pricing(device);
        List<MonthView> months = new java.util.ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            List<HourTotal> hours =
                    consumption.days(device.id(), month.atDay(1), month.atEndOfMonth(), zone(device)).stream()
                            .flatMap(d -> d.hours().stream())
                            .toList();
            DayTotal total = DayTotal.of(month.atDay(1), hours);
            months.add(new MonthView(
                    month.toString(), total.kwh(), pricing.cost(hours), total.readings(), flagWords(total.flags())));
        }
        return new MonthlyView(device.id(), device.timeZone(), pricing.currency(), months);
    }

    /** The CSV export: served at {@code devices/{id}/consumption.csv} by {@link ConsumptionCsvResource}. */
    Response csv(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        LocalDate first = localDate("from", from);
        LocalDate last = localDate("to", to);
        DeviceData device = visible(id);
        csvRows(csv, consumption.days(device.id(), first, last, zone(device)), pricing(device));
        return Response.ok(csv.toString(), CSV + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"consumption-" + id + "-" + from + "-" + to + ".csv\"")
                .build();
    }

    /** The first line of the hours' CSV. */
    static final String CSV_HEADER = "start,kwh,readings,flags,price,cost\n";

    /** The hours of {@code days} as rows of the CSV, priced by {@code pricing}: the one place of its format. */
    static void csvRows(StringBuilder csv, List<DayConsumption> days, Pricing pricing) {
        for (DayConsumption day : days) {
            for (HourTotal hour : day.hours()) {
                csv.append(hour.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                        .append(',')
                        .append(hour.kwh().toPlainString())
                        .append(',')
                        .append(hour.readings())
                        .append(',')
                        .append(String.join("|", flagWords(hour.flags())))
                        .append(',')
                        .append(plain(pricing.price(hour)))
                        .append(',')
                        .append(plain(pricing.cost(hour)))
                        .append('\n');
            }
        }
    }

    /** The device if the caller may see it: who may see it, and its zone, are the device catalogue's. */
    private DeviceData visible(String id) {
        return devices.find(Ids.uuid(id, "device"), caller);
    }

    private static ZoneId zone(DeviceData device) {
        return ZoneId.of(device.timeZone());
    }

    private Pricing pricing(DeviceData device) {
        return pricing(device, tariffs);
    }

    static Pricing pricing(DeviceData device, TariffService tariffs) {
        return Pricing.of(device.tariffId(), tariffs);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static YearMonth month(String name, String text) {
        try {
            return YearMonth.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be a month as YYYY-MM, not '" + text + "'");
        }
    }

    static LocalDate localDate(String name, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be a day as YYYY-MM-DD, not '" + text + "'");
        }
    }

    /** Flags as the API shows them: lower-case words ({@code estimated}, {@code reset}), sorted. */
    static List<String> flagWords(Set<HourFlag> flags) {
        return flags.stream()
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
    }

    /** JSON of a device's day, as docs/rest-api.md pins it; {@code currency} null without a tariff. */
    public record ConsumptionView(
            UUID deviceId, LocalDate date, String timeZone, String currency, List<HourView> hours) {

        static ConsumptionView of(DayConsumption day, Pricing pricing) {
            return new ConsumptionView(
                    day.deviceId(),
                    day.date(),
                    day.timeZone().getId(),
                    pricing.currency(),
                    day.hours().stream().map(h -> HourView.of(h, pricing)).toList());
        }
    }

    /** JSON of one hour; price and cost null without a tariff. */
    public record HourView(
            OffsetDateTime start, BigDecimal kwh, int readings, List<String> flags, BigDecimal price, BigDecimal cost) {

        static HourView of(HourTotal hour, Pricing pricing) {
            return new HourView(
                    hour.start(),
                    hour.kwh(),
                    hour.readings(),
                    flagWords(hour.flags()),
                    pricing.price(hour),
                    pricing.cost(hour));
        }
    }

    /** JSON of a device's days. */
    public record DailyView(UUID deviceId, String timeZone, String currency, List<DayView> days) {}

    /** JSON of one day: the sum of its hours (the cost too). */
    public record DayView(LocalDate date, BigDecimal kwh, BigDecimal cost, int readings, List<String> flags) {

        static DayView of(DayTotal day, BigDecimal cost) {
            return new DayView(day.date(), day.kwh(), cost, day.readings(), flagWords(day.flags()));
        }
    }

    /** JSON of a device's months. */
    public record MonthlyView(UUID deviceId, String timeZone, String currency, List<MonthView> months) {}

    /** JSON of one month ({@code YYYY-MM}): the sum of its hours. */
    public record MonthView(String month, BigDecimal kwh, BigDecimal cost, int readings, List<String> flags) {}
}
