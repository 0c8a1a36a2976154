package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Roles;
import org.ems.contracts.paging.Page;
import org.ems.users.application.AuditTrail;
import org.ems.users.domain.AuditEntry;
import org.ems.users.domain.AuditRepository;

/** {@code GET /api/audit?page=0&size=50}: the administrators' changes, newest first (ADMIN); bounds as {@link Paging}. */
@Path("audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "A page of the audit log, newest first",
            content = @Content(schema = @Schema(ref = "AuditPage")))
    @Operation(operationId = "getAuditLog")
    public Response page(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        Paging paging = Paging.of(page, size, 50);
        Page<AuditEntry> found = audit.page(new AuditRepository.Query(null, null, null), paging.request());
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (AuditEntry e : found.items()) {
            JsonObjectBuilder entry = Json.createObjectBuilder()
                    .add("at", e.at().toInstant().toString())
                    .add("actor", e.actor())
                    .add("action", e.action())
                    .add("targetType", e.targetType())
                    .add("targetId", e.targetId().toString());
            add(entry, "before", e.before());
            add(entry, "after", e.after());
            entries.add(entry);
        }
        JsonObject body = Json.createObjectBuilder()
                .add("page", paging.page())
                .add("size", paging.size())
                .add("total", found.total())
                .add("entries", entries)
                .build();
        return paging.answer(uri, found.total(), body);
    }

    private static void add(JsonObjectBuilder entry, String name, String json) {
        if (json == null) {
            entry.addNull(name);
        } else {
            try (var reader = Json.createReader(new StringReader(json))) {
                entry.add(name, reader.readValue());
            }
        }
    }
}
