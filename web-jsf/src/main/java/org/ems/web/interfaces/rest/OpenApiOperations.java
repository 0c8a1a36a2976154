package org.ems.web.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Each operation's success responses and request body, typed from its Java method: the value it returns, else its
 * {@code @APIResponse} annotations (a method answering a {@code Response} says there what the body is: a record's
 * class, or {@code ref} to a wire format of {@code META-INF/openapi.yaml}); its entity parameter, else its
 * {@code @RequestBody}. An operation of a resource missing from {@link #RESOURCES} keeps Payara's untyped
 * {@code default} answer, which {@code OpenApiIT} refuses.
 */
final class OpenApiOperations {

    /** The resources of {@link EmsApi}. */
    static final List<Class<?>> RESOURCES = List.of(
            AlertsResource.class,
            ApiKeysResource.class,
            AuditResource.class,
            AuthResource.class,
            ChatResource.class,
            ConsumptionCsvResource.class,
            ConsumptionResource.class,
            DeadLettersResource.class,
            DevicesCsvResource.class,
            DevicesImportResource.class,
            DevicesResource.class,
            MeResource.class,
            MyDataResource.class,
            NotificationsResource.class,
            ReadingsCsvResource.class,
            ReadingsResource.class,
            TariffsResource.class,
            UsersCsvResource.class,
            UsersImportResource.class,
            UsersResource.class,
            WebhooksResource.class);

    private static final Set<String> NOT_A_BODY = Set.of("jakarta.ws.rs", "jakarta.ws.rs.core");

    private final OpenApiSchemas schemas;

    OpenApiOperations(OpenApiSchemas schemas) {
        this.schemas = schemas;
    }

    void type(OpenAPI openAPI) {
        String root = "/" + EmsApi.class.getAnnotation(ApplicationPath.class).value();
        for (Class<?> resource : RESOURCES) {
            String base = join(root, resource.getAnnotation(Path.class).value());
            for (Method method : resource.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                PathItem item = openAPI.getPaths().getPathItem(sub == null ? base : join(base, sub.value()));
                Operation operation = item == null ? null : item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
                if (operation != null) {
                    responses(operation, method, produces(method, resource));
                    body(operation, method, consumes(method, resource));
                }
            }
        }
    }

    private void responses(Operation operation, Method method, String produces) {
        var responses = operation.getResponses();
        List.copyOf(responses.getAPIResponses().keySet()).stream()
                .filter(code -> code.equals("default") || code.startsWith("2"))
                .forEach(responses::removeAPIResponse);
        List<APIResponse> declared = Arrays.stream(method.getAnnotationsByType(APIResponse.class))
                .filter(r -> r.responseCode().startsWith("2"))
                .toList();
        for (APIResponse answer : declared) {
            var response = OASFactory.createAPIResponse().description(answer.description());
            if (answer.content().length > 0) {
                var content = OASFactory.createContent();
                for (Content c : answer.content()) {
                    content.addMediaType(
                            c.mediaType().isEmpty() ? produces : c.mediaType(),
                            OASFactory.createMediaType().schema(schema(c.schema())));
                }
                response.content(content);
            }
            responses.addAPIResponse(answer.responseCode(), response);
        }
        if (!declared.isEmpty()) {
            return;
        }
        Class<?> returned = method.getReturnType();
        if (returned == void.class) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Done; no body"));
        } else if (returned != jakarta.ws.rs.core.Response.class
                && !jakarta.json.JsonValue.class.isAssignableFrom(returned)) {
            responses.addAPIResponse(
                    "200",
                    OASFactory.createAPIResponse()
                            .description("OK")
                            .content(content(produces, schemas.of(method.getGenericReturnType()))));
        }
    }

    private void body(Operation operation, Method method, List<String> consumes) {
        var declared = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.RequestBody.class);
        Schema schema = null;
        if (declared != null) {
            schema = schema(declared.content()[0].schema());
        } else {
            for (Parameter parameter : method.getParameters()) {
                if (isBody(parameter)) {
                    schema = parameter.getType() == String.class
                            ? OASFactory.createSchema().type(Schema.SchemaType.STRING)
                            : schemas.of(parameter.getParameterizedType());
                }
            }
        }
        if (schema == null) {
            operation.setRequestBody(null);
            return;
        }
        var content = OASFactory.createContent();
        for (String type : consumes) {
            content.addMediaType(type, OASFactory.createMediaType().schema(schema));
        }
        operation.setRequestBody(OASFactory.createRequestBody().required(true).content(content));
    }

    private Schema schema(org.eclipse.microprofile.openapi.annotations.media.Schema declared) {
        Schema schema;
        if (!declared.ref().isEmpty()) {
            schema = OASFactory.createSchema().ref(OpenApiSchemas.REFS + declared.ref());
        } else if (declared.implementation() != Void.class) {
            schema = schemas.of(declared.implementation());
        } else {
            schema = OASFactory.createSchema()
                    .type(Schema.SchemaType.valueOf(declared.type().name()));
            return declared.format().isEmpty() ? schema : schema.format(declared.format());
        }
        return declared.type() == SchemaType.ARRAY
                ? OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schema)
                : schema;
    }

    private static org.eclipse.microprofile.openapi.models.media.Content content(String type, Schema schema) {
        return OASFactory.createContent()
                .addMediaType(type, OASFactory.createMediaType().schema(schema));
    }

    private static boolean isBody(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            if (NOT_A_BODY.contains(a.annotationType().getPackageName())) {
                return false;
            }
        }
        return true;
    }

    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String produces(Method method, Class<?> resource) {
        return mediaTypes(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class))
                .get(0);
    }

    private static List<String> consumes(Method method, Class<?> resource) {
        return mediaTypes(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class));
    }

    private static List<String> mediaTypes(Annotation onMethod, Annotation onResource) {
        Annotation chosen = onMethod != null ? onMethod : onResource;
        if (chosen == null) {
            return List.of(MediaType.APPLICATION_JSON);
        }
        String[] values = chosen instanceof Produces p ? p.value() : ((Consumes) chosen).value();
        return Arrays.asList(values);
    }

    /** {@code base/sub} without doubled slashes, each {@code {name: regex}} as {@code {name}}. */
    private static String join(String base, String sub) {
        String path = (base + "/" + sub).replaceAll("/+", "/").replaceAll("/$", "");
        return path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
