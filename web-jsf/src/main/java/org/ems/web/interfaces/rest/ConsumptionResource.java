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
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.DayConsumption;
import org.ems.monitoring.domain.DayTotal;
import org.ems.monitoring.domain.HourFlag;
import org.ems.monitoring.domain.HourTotal;

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

    @Inject
    ConsumptionService consumption;

    @Inject
    DeviceService devices;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consumption of a device in every clock hour of a local day")
    public ConsumptionView day(
            @PathParam("id") String id,
            @Parameter(description = "local day, YYYY-MM-DD; default today") @QueryParam("date") String date) {
        LocalDate requested = date == null || date.isBlank() ? null : localDate("date", date);
        DeviceData device = visible(id);
        ZoneId zone = ZoneId.of(device.timeZone());
        LocalDate day = requested != null ? requested : LocalDate.now(zone);
        return ConsumptionView.of(consumption.day(device.id(), day, zone));
    }

    @GET
    @Path("daily")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consumption of a device in every local day from 'from' to 'to' (at most 366)")
    public DailyView daily(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        List<DayConsumption> range = range(id, from, to);
        List<DayView> days = range.stream()
                .map(d -> DayView.of(DayTotal.of(d.date(), d.hours())))
                .toList();
        return new DailyView(range.get(0).deviceId(), range.get(0).timeZone().getId(), days);
    }

    /** The CSV export: served at {@code devices/{id}/consumption.csv} by {@link ConsumptionCsvResource}. */
    Response csv(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        StringBuilder csv = new StringBuilder("start,kwh,readings,flags\n");
        for (DayConsumption day : range(id, from, to)) {
            for (HourTotal hour : day.hours()) {
                csv.append(hour.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                        .append(',')
                        .append(hour.kwh().toPlainString())
                        .append(',')
                        .append(hour.readings())
                        .append(',')
                        .append(String.join("|", flagWords(hour.flags())))
                        .append('\n');
            }
        }
        return Response.ok(csv.toString(), CSV + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"consumption-" + id + "-" + from + "-" + to + ".csv\"")
                .build();
    }

    /** The device if the caller may see it: who may see it, and its zone, are the device catalogue's. */
    private DeviceData visible(String id) {
        return devices.find(Ids.uuid(id, "device"), caller);
    }

    /** The days from {@code from} to {@code to} of the device the caller may see (bad input before "not found"). */
    private List<DayConsumption> range(String id, String from, String to) {
        LocalDate first = localDate("from", from);
        LocalDate last = localDate("to", to);
        DeviceData device = visible(id);
        return consumption.days(device.id(), first, last, ZoneId.of(device.timeZone()));
    }

    private static LocalDate localDate(String name, String text) {
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

    /** JSON of a device's day, as docs/rest-api.md pins it. */
    public record ConsumptionView(UUID deviceId, LocalDate date, String timeZone, List<HourView> hours) {

        static ConsumptionView of(DayConsumption day) {
            return new ConsumptionView(
                    day.deviceId(),
                    day.date(),
                    day.timeZone().getId(),
                    day.hours().stream().map(HourView::of).toList());
        }
    }

    /** JSON of one hour. */
    public record HourView(OffsetDateTime start, BigDecimal kwh, int readings, List<String> flags) {

        static HourView of(HourTotal hour) {
            return new HourView(hour.start(), hour.kwh(), hour.readings(), flagWords(hour.flags()));
        }
    }

    /** JSON of a device's days. */
    public record DailyView(UUID deviceId, String timeZone, List<DayView> days) {}

    /** JSON of one day: the sum of its hours. */
    public record DayView(LocalDate date, BigDecimal kwh, int readings, List<String> flags) {

        static DayView of(DayTotal day) {
            return new DayView(day.date(), day.kwh(), day.readings(), flagWords(day.flags()));
        }
    }
}
