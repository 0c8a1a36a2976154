package org.ems.web.infrastructure.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.platform.LogLines;

/**
 * The HTTP access log: a line for every request to EMS (pages, API, sockets, health, metrics), refused ones included,
 * with the client's address as {@link ClientAddresses} judges it, the signed-in user, method, path, status and time
 * taken. Never the query string, nor any header that may carry a credential. Under the launcher it goes to
 * {@code logs/<instance>-access.0.log} (rotated like every log of EMS, text or JSON as {@code ems.log.format} says);
 * on a Payara Server, to the logger {@code org.ems.access} of the server log.
 */
@WebListener
public class AccessLog implements ServletRequestListener, ServletContextListener {

    private static final Logger LOG = Logger.getLogger("org.ems.access");

    private static final String STARTED = AccessLog.class.getName() + ".started";

    private static final String RESPONSE = AccessLog.class.getName() + ".response";

    @Inject
    ClientAddresses addresses;

    @Inject
    @ConfigProperty(name = "ems.log.directory")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "ems.log.name", defaultValue = "micro")
    String instance;

    @Inject
    @ConfigProperty(name = "ems.log.format", defaultValue = "text")
    String format;

    @Inject
    @ConfigProperty(name = "ems.log.file-size", defaultValue = "10485760")
    int fileSize;

    @Inject
    @ConfigProperty(name = "ems.log.files", defaultValue = "10")
    int files;

    private FileHandler file;

    /**
     * Notes the response of a request, whose status the log reads when the request ends: the authentication mechanism
     * calls this first thing, as it sees every request (and answers some itself).
     */
    static void answering(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(RESPONSE, response);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (directory.isEmpty()) {
            return;
        }
        try {
            file = new FileHandler(
                    Path.of(directory.get(), instance + "-access.%g.log").toString(), fileSize, files, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the access log in " + directory.get(), e);
        }
        file.setFormatter(LogLines.asIs());
        LOG.addHandler(file);
        LOG.setUseParentHandlers(false);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (file != null) {
            LOG.removeHandler(file);
            file.close();
        }
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        event.getServletRequest().setAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)
                || !(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        Object status =
                request.getAttribute(RESPONSE) instanceof HttpServletResponse response ? response.getStatus() : "-";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", Instant.now());
        fields.put("client", addresses.of(request));
        fields.put("user", request.getRemoteUser());
        fields.put("method", request.getMethod());
        fields.put("path", request.getRequestURI()); // without the query string, which may hold secrets
        fields.put("protocol", request.getProtocol());
        fields.put("status", status);
        fields.put("millis", (System.nanoTime() - started) / 1_000_000);
        fields.put("agent", request.getHeader("User-Agent"));
        LOG.info("json".equals(format) ? LogLines.json(fields) : text(fields));
    }

    /** Like the common log format: {@code client user [time] "method path protocol" status millis "agent"}. */
    private static String text(Map<String, Object> f) {
        return f.get("client") + " " + (f.get("user") == null ? "-" : f.get("user")) + " [" + f.get("time") + "] \""
                + f.get("method") + " " + f.get("path") + " " + f.get("protocol") + "\" " + f.get("status") + " "
                + f.get("millis") + "ms \"" + (f.get("agent") == null ? "-" : f.get("agent")) + "\"";
    }
}
