package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.paging.Page;
import org.ems.devices.application.DeviceRequest;
import org.ems.devices.application.DeviceService;
import org.ems.devices.application.MeterCredentials;

/** {@code /api/devices}: administrators manage all devices; clients see their own (another's is a 404). */
@Path("devices")
// Problem JSON too: a client that reads only problems of an answer without a body (a DELETE) asks for just that.
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class DevicesResource {

    /** The orders of the list. */
    static final List<String> SORTS = List.of("created", "name", "maxHourlyKwh", "timeZone");

    @Inject
    DeviceService devices;

    @Inject
    MeterCredentials credentials;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    @Operation(
            operationId = "listDevices",
            summary = "A page of the devices (a client: own; oldest first unless sorted), by owner, unassigned only,"
                    + " a word in name, description or address")
    @APIResponse(
            responseCode = "200",
            description = "A page of devices",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceData.class)))
    public Response list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort,
            @QueryParam("ownerId") String ownerId,
            @QueryParam("unassigned") String unassigned,
            @QueryParam("text") String text,
            @Context UriInfo uri) {
        Paging paging = Paging.of(page, size, Paging.DEFAULT_SIZE);
        Page<DeviceData> found = devices.page(
                new DeviceService.DeviceQuery(
                        text,
                        Ids.optional(ownerId, "owner").orElse(null),
                        Paging.flag("unassigned", unassigned).orElse(false),
                        paging.request(sort, SORTS, "created")),
                caller);
        return paging.answer(uri, found.total(), found.items());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    @Operation(operationId = "findDevice")
    public DeviceData find(@PathParam("id") String id) {
        return devices.find(Ids.uuid(id, "device"), caller);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createDevice")
    @APIResponse(
            responseCode = "201",
            description = "Made",
            content = @Content(schema = @Schema(implementation = DeviceData.class)))
    public Response create(DeviceRequest request, @Context UriInfo uri) {
        DeviceData created = devices.create(UsersResource.required(request));
        return Created.at(uri, created.id(), created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateDevice")
    public DeviceData update(@PathParam("id") String id, DeviceRequest request) {
        return devices.update(Ids.uuid(id, "device"), UsersResource.required(request));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteDevice")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        devices.delete(Ids.uuid(id, "device"));
        return Response.noContent().build();
    }

    /** A meter credential for the device: its password is in this answer only; issuing again rotates it. */
    @POST
    @Path("{id}/credentials")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(
            responseCode = "201",
            description = "Issued; its password is in this answer only",
            content = @Content(schema = @Schema(implementation = MeterCredentials.Issued.class)))
    public Response issueCredential(@PathParam("id") String id) {
        MeterCredentials.Issued issued = credentials.issue(Ids.uuid(id, "device"));
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }

    @DELETE
    @Path("{id}/credentials")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeCredential(@PathParam("id") String id) {
        credentials.revoke(Ids.uuid(id, "device"));
        return Response.noContent().build();
    }
}
