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
import org.ems.contracts.paging.Page;
import org.ems.users.application.WebhookRequest;
import org.ems.users.application.WebhookView;
import org.ems.users.application.Webhooks;
import org.ems.users.domain.WebhookDeliveries;

/** {@code /api/webhooks}: where EMS POSTs its events, for administrators only. */
@Path("webhooks")
@RolesAllowed(Roles.ADMIN)
// Problem JSON too: a client that reads only problems of an answer without a body (a DELETE) asks for just that.
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listWebhooks", summary = "A page of the webhooks, oldest first (never a secret)")
    @APIResponse(
            responseCode = "200",
            description = "A page of webhooks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        Paging paging = Paging.of(page, size, Paging.DEFAULT_SIZE);
        Page<WebhookView> found = webhooks.page(paging.request());
        return paging.answer(uri, found.total(), found.items());
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "A new webhook: the answer shows its secret, once")
    @APIResponse(
            responseCode = "201",
            description = "Made; its secret is shown in this answer only",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response create(WebhookRequest request, @Context UriInfo uri) {
        WebhookView created = webhooks.create(UsersResource.required(request));
        return Created.withSecret(uri, created.id(), created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "findWebhook")
    public WebhookView find(@PathParam("id") String id) {
        return webhooks.find(Ids.uuid(id, "webhook"));
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "changeWebhook",
            summary = "Change a webhook's URL, events, secret (left out: kept) or whether it is enabled")
    public WebhookView change(@PathParam("id") String id, WebhookRequest request) {
        return webhooks.change(Ids.uuid(id, "webhook"), UsersResource.required(request));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(Ids.uuid(id, "webhook"));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listDeliveries", summary = "The webhook's last 100 deliveries, newest first")
    public List<WebhookDeliveries.Delivery> deliveries(@PathParam("id") String id) {
        return webhooks.deliveries(Ids.uuid(id, "webhook"));
    }

    @POST
    @Path("{id}/test")
    @Operation(operationId = "testWebhook", summary = "Send the webhook a test event (webhook.test)")
    @APIResponse(responseCode = "202", description = "A test delivery is queued")
    public Response test(@PathParam("id") String id) {
        webhooks.test(Ids.uuid(id, "webhook"), caller.username());
        return Response.accepted().build();
    }
}
