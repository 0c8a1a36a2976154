package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.chat.application.ChatService;
import org.ems.chat.domain.ChatMessage;
import org.ems.chat.interfaces.wire.ChatFrames;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.devices.application.DeviceImport;
import org.ems.devices.application.DeviceRow;
import org.ems.devices.application.DeviceService;
import org.ems.devices.application.TariffService;
import org.ems.monitoring.application.AlertService;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.ReadingsExport;
import org.ems.monitoring.domain.ReadingArchive;
import org.ems.users.application.ProfileService;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;
import org.ems.web.infrastructure.csv.CsvFiles;

/**
 * {@code GET /api/me/export}: everything EMS keeps of the caller, as a ZIP (GDPR articles 15 and 20): the profile and
 * notification settings, the devices, each device's hourly consumption over all its readings, the alerts and the
 * chat, each as JSON and, where it is a table, CSV. Streamed, file by file.
 */
@Path("me/export")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class MyDataResource {

    private static final int PAGE = 500;

    @Inject
    Caller caller;

    @Inject
    UserService users;

    @Inject
    ProfileService profiles;

    @Inject
    DeviceService devices;

    @Inject
    DeviceImport deviceRows;

    @Inject
    TariffService tariffs;

    @Inject
    ConsumptionService consumption;

    @Inject
    ReadingsExport readings;

    @Inject
    AlertService alerts;

    @Inject
    ChatService chat;

    @GET
    @Produces("application/zip")
    @Operation(
            operationId = "exportMyData",
            summary = "Download my data: profile, devices, hourly consumption, alerts and chat as JSON and CSV (ZIP)")
    @APIResponse(
            responseCode = "200",
            description = "A ZIP of the caller's data",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export() {
        Caller me = caller; // the request's, taken before the answer streams
        UserView profile = users.find(me.userId());
        StreamingOutput zip = out -> {
            try (ZipOutputStream files = new ZipOutputStream(out, StandardCharsets.UTF_8);
                    Jsonb json = JsonbBuilder.create()) {
                Writer writer = new OutputStreamWriter(files, StandardCharsets.UTF_8);
                file(files, writer, "profile.json", json.toJson(profile));
                file(files, writer, "notifications.json", json.toJson(profiles.notifications(me.userId())));
                List<DeviceData> mine =
                        all(page -> devices.page(new DeviceService.DeviceQuery(null, null, false, page), me));
                file(files, writer, "devices.json", json.toJson(mine));
                StringBuilder csv = new StringBuilder();
                CSVPrinter rows = CsvFiles.printer(csv, DeviceRow.COLUMNS);
                for (DeviceRow row : deviceRows.rows(mine)) {
                    rows.printRecord(row.cells());
                }
                file(files, writer, "devices.csv", csv.toString());
                for (DeviceData device : mine) {
                    file(files, writer, "consumption/" + device.id() + ".csv", hours(device));
                }
                alerts(files, writer, me);
                chat(files, writer, me);
                writer.flush();
            } catch (Exception e) {
                throw e instanceof IOException io ? io : new IOException("cannot write the export", e);
            }
        };
        return Response.ok(zip, "application/zip")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"ems-" + profile.username() + "-" + LocalDate.now() + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The device's hours from its first reading's local day to its last's, a year of days at a time. */
    private String hours(DeviceData device) {
        StringBuilder csv = new StringBuilder(ConsumptionResource.CSV_HEADER);
        Optional<ReadingArchive.Span> span = readings.span(device.id());
        if (span.isPresent()) {
            ZoneId zone = ZoneId.of(device.timeZone());
            LocalDate last = LocalDate.ofInstant(span.get().last(), zone);
            for (LocalDate from = LocalDate.ofInstant(span.get().first(), zone);
                    !from.isAfter(last);
                    from = from.plusDays(ConsumptionService.MAX_DAYS)) {
                LocalDate to = from.plusDays(ConsumptionService.MAX_DAYS - 1L);
                ConsumptionResource.csvRows(
                        csv,
                        consumption.days(device.id(), from, to.isAfter(last) ? last : to, zone),
                        ConsumptionResource.pricing(device, tariffs));
            }
        }
        return csv.toString();
    }

    private void alerts(ZipOutputStream files, Writer writer, Caller me) throws IOException {
        List<AlertMessage> mine =
                all(page -> alerts.page(me, Optional.empty(), Optional.empty(), Optional.empty(), page));
        JsonArrayBuilder json = Json.createArrayBuilder();
        StringBuilder csv = new StringBuilder();
        CSVPrinter rows = CsvFiles.printer(
                csv, List.of("id", "kind", "deviceId", "createdAt", "acknowledgedAt", "withdrawnAt", "alert"));
        for (AlertMessage alert : mine) {
            JsonObject object = alert.toJsonObject();
            json.add(object);
            rows.printRecord(
                    object.getString("id"),
                    object.getString("kind"),
                    object.getString("deviceId"),
                    text(object, "createdAt"),
                    text(object, "acknowledgedAt"),
                    text(object, "withdrawnAt"),
                    object.toString());
        }
        file(files, writer, "alerts.json", json.build().toString());
        file(files, writer, "alerts.csv", csv.toString());
    }

    /** A client's conversation with the team, oldest first (an administrator has none of their own). */
    private void chat(ZipOutputStream files, Writer writer, Caller me) throws IOException {
        List<ChatMessage> messages = new ArrayList<>();
        if (!me.isAdmin()) {
            UUID before = null;
            for (List<ChatMessage> page;
                    !(page = chat.messages(me, me.userId(), before, ChatService.MAX_PAGE)).isEmpty(); ) {
                messages.addAll(0, page); // each page newest last, pages going back in time
                before = page.get(0).id();
            }
        }
        JsonArrayBuilder json = Json.createArrayBuilder();
        StringBuilder csv = new StringBuilder();
        CSVPrinter rows = CsvFiles.printer(csv, List.of("id", "sentAt", "from", "text", "alert"));
        for (ChatMessage message : messages) {
            json.add(ChatFrames.message(message));
            rows.printRecord(
                    message.id(),
                    message.sentAt(),
                    message.from().username(),
                    message.text(),
                    message.alert() == null ? "" : message.alert());
        }
        file(files, writer, "chat.json", json.build().toString());
        file(files, writer, "chat.csv", csv.toString());
    }

    private static <T> List<T> all(java.util.function.Function<PageRequest, Page<T>> pages) {
        List<T> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> found = pages.apply(new PageRequest(page * PAGE, PAGE, "created", false)); // oldest first
            items.addAll(found.items());
            if ((page + 1L) * PAGE >= found.total()) {
                return items;
            }
        }
    }

    private static String text(JsonObject object, String name) {
        return !object.containsKey(name) || object.isNull(name) ? "" : object.getString(name);
    }

    private static void file(ZipOutputStream files, Writer writer, String name, String content) throws IOException {
        writer.flush();
        files.putNextEntry(new ZipEntry(name));
        writer.write(content);
        writer.flush();
        files.closeEntry();
    }
}
