package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} as a client generator reads it: valid (not one message of the OpenAPI parser, every reference
 * resolved), every operation with its own id, the bearer scheme, its problem responses, and its success answer typed
 * (no untyped {@code default}); and equal to {@code docs/openapi.json}, the document the build generates the Java
 * client of {@link GeneratedClientIT} from and integrators read.
 */
class OpenApiIT extends SharedEmsSuite {

    private static final Path COMMITTED = Path.of("../../docs/openapi.json");

    @Test
    void theDocumentIsValidTypedAndCommitted() throws Exception {
        HttpResponse<String> served = http.send(
                HttpRequest.newBuilder(api.url("openapi"))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = (ObjectNode) json.readTree(served.body());
        document.remove("servers"); // where this run listens
        Files.writeString(
                Path.of("target", "openapi.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");

        ParseOptions resolving = new ParseOptions();
        resolving.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, resolving);
        assertThat(parsed.getMessages()).as("the OpenAPI parser's messages").isEmpty();
        OpenAPI openApi = parsed.getOpenAPI();
        assertThat(openApi.getComponents().getSecuritySchemes()).containsKey("bearer");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().readOperationsMap().entrySet()) {
                String name = entry.getKey() + " " + path.getKey();
                operations.add(name);
                Map<String, ApiResponse> responses = entry.getValue().getResponses();
                assertThat(responses).as(name).containsKeys("400", "500").doesNotContainKey("default");
                if (!path.getKey().startsWith("/api/auth/") && !path.getKey().startsWith("/api/notifications/")) {
                    assertThat(responses).as(name).containsKeys("401", "403");
                }
                List<String> successes = responses.keySet().stream()
                        .filter(s -> s.startsWith("2"))
                        .toList();
                assertThat(successes).as(name + ": its success answer").hasSize(1);
                var content = responses.get(successes.get(0)).getContent();
                if (content != null) {
                    content.forEach((type, media) -> assertTyped(name + " " + type, media));
                }
                if (entry.getValue().getRequestBody() != null) {
                    entry.getValue()
                            .getRequestBody()
                            .getContent()
                            .forEach((type, media) -> assertTyped(name + " body " + type, media));
                }
            }
        }
        System.out.println("OpenApiIT: " + operations.size() + " operations, "
                + openApi.getComponents().getSchemas().size() + " schemas");
        List<String> ids = openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .map(Operation::getOperationId)
                .toList();
        assertThat(ids).as("operation ids: a generated client's method names").doesNotHaveDuplicates();
        assertThat(operations)
                .hasSizeGreaterThanOrEqualTo(55)
                .contains(
                        "GET /api/devices",
                        "POST /api/devices",
                        "GET /api/api-keys",
                        "POST /api/devices/import",
                        "GET /api/devices/{id}/readings.csv",
                        "POST /api/auth/login");

        JsonNode committed = json.readTree(COMMITTED.toFile());
        assertThat(document)
                .as("docs/openapi.json is the document EMS serves: after a change of the API, copy"
                        + " server-config/dist/target/openapi.json there (and review the difference)")
                .isEqualTo(committed);
    }

    /** A body described: a record's or a wire format's schema, a list of them, or a string (CSV, a ZIP). */
    private static void assertTyped(String what, MediaType media) {
        Schema<?> schema = media.getSchema();
        assertThat(schema).as(what).isNotNull();
        Schema<?> item = schema.getItems() != null ? schema.getItems() : schema;
        boolean typed = item.get$ref() != null
                || item.getOneOf() != null
                || "string".equals(item.getType())
                || item.getProperties() != null;
        assertThat(typed).as(what + " is typed: " + schema).isTrue();
    }
}
