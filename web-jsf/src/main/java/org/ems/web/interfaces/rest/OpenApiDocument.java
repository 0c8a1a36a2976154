package org.ems.web.interfaces.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every operation of {@code /openapi} shares, added in one place ({@code mp.openapi.filter}): the bearer
 * security scheme (a JWT of {@code POST /api/auth/login} or an API key), required by every operation but those open
 * to anyone; the {@code Problem} schema of every error; and the problem responses each operation can give (400, 401,
 * 403; 404 where a path names something; 413 where it takes a body; 429 where it is throttled; 500); and each
 * operation's typed success responses and request body ({@link OpenApiOperations}).
 */
public class OpenApiDocument implements OASFilter {

    static final String BEARER = "bearer";

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** Operations anyone may call: no credential. */
    private static final List<String> OPEN = List.of(
            "/api/auth/login",
            "/api/auth/password-reset",
            "/api/auth/password-reset/confirm",
            "/api/auth/email-confirmation",
            "/api/notifications/unsubscribe");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema("Problem", problem());
        components.addSchema("RowError", rowError());
        components.addSecurityScheme(
                BEARER,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A token of POST /api/auth/login (15 minutes), or an API key ems_... "
                                + "(POST /api/api-keys); HTTP Basic of a meter on POST /api/readings alone"));
        openAPI.setComponents(components);
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        if (openAPI.getPaths() == null) {
            return;
        }
        OpenApiSchemas schemas = new OpenApiSchemas(components);
        new OpenApiOperations(schemas).type(openAPI);
        schemas.addComponents();
        withoutPayaraEndpoints(openAPI);
        // No servers: the API is where the document is (OpenAPI: then "/"), behind a proxy too; Payara would name
        // the address it listens on.
        openAPI.setServers(new java.util.ArrayList<>());
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().getOperations().entrySet()) {
                common(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
    }

    /**
     * Payara adds a top-level {@code endpoints} member of its own (a list of the paths), which the OpenAPI 3
     * schema refuses (no {@code x-} prefix): validators and generators report it.
     */
    private static void withoutPayaraEndpoints(OpenAPI openAPI) {
        try {
            openAPI.getClass()
                    .getMethod("setEndpoints", Map.class)
                    .invoke(openAPI, new java.util.HashMap<>()); // not null: Payara copies it
        } catch (NoSuchMethodException another) {
            // another implementation: nothing to take out
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Payara's endpoints could not be taken out", e);
        }
    }

    private static void common(String path, PathItem.HttpMethod method, Operation operation) {
        // Grouped by what they are about (a generated client's DevicesApi, UsersApi...): /api/devices.csv with devices.
        operation.setTags(List.of(path.split("/")[2].replaceAll("\\..*", "")));
        boolean open = OPEN.contains(path);
        if (open) {
            operation.setSecurity(List.of()); // anyone
        }
        add(operation, "400", "Bad input: a parameter, a field or the body (each field listed in errors)");
        if (!open) {
            add(operation, "401", "No valid credential");
            add(operation, "403", "The caller's role may not do this");
        }
        if (path.contains("{")) {
            add(operation, "404", "No such thing, or one the caller may not see");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            add(operation, "413", "A body over 1 MiB, refused unread");
        }
        if (path.endsWith("/import")) {
            add(operation, "422", "Rows of the file refused (each listed in rows); nothing applied");
        }
        if (!open || path.startsWith("/api/auth")) {
            add(operation, "429", "Too many requests (sign-in attempts, or an API key's rate); see Retry-After");
        }
        add(operation, "500", "EMS's fault: the detail is an incident id");
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        operation.getResponses().addAPIResponse(status, response);
    }

    /** RFC 9457's problem, as {@link Problem} writes it. */
    private static Schema problem() {
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string("about:blank"))
                .addProperty("title", string("the status' short description"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("what went wrong, for a person"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema()
                                        .type(Schema.SchemaType.OBJECT)
                                        .addProperty("field", string("the field, as the request names it"))
                                        .addProperty("message", string("what is wrong with it"))))
                .addProperty(
                        "rows",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref("#/components/schemas/RowError")))
                .required(List.of("title", "status", "detail"));
    }

    private static Schema rowError() {
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("row", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("field", string("the column"))
                .addProperty("message", string("what is wrong"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
