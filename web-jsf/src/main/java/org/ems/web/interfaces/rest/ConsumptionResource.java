package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.DayConsumption;
import org.ems.monitoring.domain.HourTotal;

/** {@code GET /api/devices/{id}/consumption?date=YYYY-MM-DD}: a device's consumption in each hour of a local day. */
@Path("devices/{id}/consumption")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
@Produces(MediaType.APPLICATION_JSON)
public class ConsumptionResource {

    @Inject
    ConsumptionService consumption;

    @Inject
    DeviceService devices;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Consumption of a device in every clock hour of a local day")
    public ConsumptionView day(
            @PathParam("id") String id,
            @Parameter(description = "local day, YYYY-MM-DD; default today") @QueryParam("date") String date) {
        UUID deviceId = Ids.uuid(id, "device");
        LocalDate requested = date == null || date.isBlank() ? null : localDate(date);
        // Who may see the device, and its zone: the device catalogue (another's device is a 404 there).
        DeviceData device = devices.find(deviceId, caller);
        ZoneId zone = ZoneId.of(device.timeZone());
        LocalDate day = requested != null ? requested : LocalDate.now(zone);
        return ConsumptionView.of(consumption.day(device.id(), day, zone));
    }

    private static LocalDate localDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("date must be a day as YYYY-MM-DD, not '" + text + "'");
        }
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

    /** JSON of one hour; flags are lower-case words ({@code reset}, {@code estimated}). */
    public record HourView(OffsetDateTime start, BigDecimal kwh, int readings, List<String> flags) {

        static HourView of(HourTotal hour) {
            return new HourView(
                    hour.start(),
                    hour.kwh(),
                    hour.readings(),
                    hour.flags().stream()
                            .map(f -> f.name().toLowerCase(Locale.ROOT))
                            .sorted()
                            .toList());
        }
    }
}
