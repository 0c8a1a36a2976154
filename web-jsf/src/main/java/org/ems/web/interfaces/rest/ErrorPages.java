package org.ems.web.interfaces.rest;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.ems.web.infrastructure.security.SecurityHeaders;

/**
 * Errors the container answers itself (a refused token before the API is reached, an unknown path, a page that
 * failed): problem JSON under {@code /api}, the problem page for a page not allowed or not found, plain text
 * elsewhere; never the server's default page with its version and stack trace (a failure's goes to the log, under
 * the incident id the answer names).
 */
@WebServlet("/error")
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PROBLEM_PAGE = "/problem.xhtml";

    private static boolean isPage(HttpServletRequest request, String uri) {
        String path = uri.substring(request.getContextPath().length());
        return (path.endsWith(".xhtml") || path.endsWith("/"))
                && !path.startsWith("/jakarta.faces.resource/")
                && !path.equals(PROBLEM_PAGE);
    }

    /** What went wrong, in words: for a 403 or 429 the reason EMS refused with, if it gave one. */
    private static String detail(HttpServletRequest request, int status, String title) {
        if (status == 401) {
            return "a valid bearer token is required";
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return (status == 403 || status == 429) && message instanceof String reason && !reason.isBlank()
                ? reason
                : title;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        response.setStatus(status);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            // a page or servlet failed: the trace goes to the log under an incident id, the id to the client
            title = ProblemMapper.incident(failure);
        }
        boolean api = uri.startsWith(request.getContextPath() + "/api");
        if (!api && (status == 403 || status == 404) && isPage(request, uri)) {
            // A person at a page they may not see, or that is not there: a page that says so, in their layout.
            try {
                request.getRequestDispatcher(PROBLEM_PAGE).forward(request, response);
                return;
            } catch (ServletException e) {
                throw new IOException("cannot show the problem page", e);
            }
        }
        SecurityHeaders.apply(request, response);
        if (api) {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("type", "about:blank")
                            .add("title", title)
                            .add("status", status)
                            .add("detail", detail(request, status, title))
                            .build()
                            .toString());
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(status + " " + title + "\n");
        }
    }
}
