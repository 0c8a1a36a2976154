package org.ems.web.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the API reference page finds Swagger UI: its webjar serves it under {@code /webjars/swagger-ui/<version>},
 * the version read from the jar itself, so the page follows the version the build takes.
 */
@Named
@ApplicationScoped
public class ApiDocs {

    private static final String POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final String swaggerUi;

    public ApiDocs() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI's webjar is not in the application: " + POM);
            }
            Properties pom = new Properties();
            pom.load(in);
            swaggerUi = "/webjars/swagger-ui/" + pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of Swagger UI's files, from the context root. */
    public String getSwaggerUi() {
        return swaggerUi;
    }
}
