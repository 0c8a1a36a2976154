package org.ems.web.interfaces.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The answer to a POST that made something: 201, its {@code Location} under the collection, and it. */
final class Created {

    private Created() {}

    static Response.ResponseBuilder at(UriInfo uri, UUID id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(entity);
    }

    /** As {@link #at}, for an answer that shows a secret this once: no cache may keep it. */
    static Response.ResponseBuilder withSecret(UriInfo uri, UUID id, Object entity) {
        CacheControl never = new CacheControl();
        never.setNoStore(true);
        return at(uri, id, entity).cacheControl(never);
    }
}
