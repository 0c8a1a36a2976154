package org.ems.system;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One EMS for the suites of a test JVM that need nothing of their own: started by the first suite that asks for it
 * (a {@link RunningEms} parameter of its {@code @BeforeAll}), stopped when the test JVM exits. It trusts
 * 127.0.0.1 as a reverse proxy, so that a suite plays clients at other addresses with {@code X-Forwarded-For} (the
 * throttles count per address): each suite makes its own users and addresses, and their order does not matter.
 */
final class SharedEms implements ParameterResolver {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    /**
     * Failsafe hands a test JVM one suite at a time, each in a JUnit run of its own (a root context of its own), so
     * the EMS is the JVM's: it outlives the suites and stops when the JVM exits.
     */
    private static RunningEms ems;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningEms.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return started();
    }

    private static synchronized RunningEms started() {
        if (ems == null) {
            try {
                ems = RunningEms.ready(
                        "shared", Map.of("EMS_ADMIN_PASSWORD", ADMIN_PASSWORD, "EMS_TRUSTED_PROXIES", "127.0.0.1/32"));
            } catch (Exception e) {
                throw new IllegalStateException("EMS did not start", e);
            }
            RunningEms started = ems;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "shared-ems-stop"));
        }
        return ems;
    }
}
