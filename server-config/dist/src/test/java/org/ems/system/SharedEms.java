package org.ems.system;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One EMS for the suites of a test JVM that need nothing of their own: started by the first suite that asks for it
 * (a {@link RunningEms} parameter of its {@code @BeforeAll}), stopped once the JVM's tests are done. It trusts
 * 127.0.0.1 as a reverse proxy, so that a suite plays clients at other addresses with {@code X-Forwarded-For} (the
 * throttles count per address): each suite makes its own users and addresses, and their order does not matter.
 */
final class SharedEms implements ParameterResolver {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    /** Closed by JUnit with the root context, after the last suite. */
    private record Started(RunningEms ems) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            ems.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningEms.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedEms.class))
                .getOrComputeIfAbsent(Started.class, key -> start(), Started.class)
                .ems();
    }

    private static Started start() {
        try {
            return new Started(RunningEms.ready(
                    "shared", Map.of("EMS_ADMIN_PASSWORD", ADMIN_PASSWORD, "EMS_TRUSTED_PROXIES", "127.0.0.1/32")));
        } catch (Exception e) {
            throw new IllegalStateException("EMS did not start", e);
        }
    }
}
