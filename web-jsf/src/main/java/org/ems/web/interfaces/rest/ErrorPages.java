package org.ems.web.interfaces.rest;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Errors the container answers itself (a refused token before the API is reached, an unknown path): problem JSON
 * under {@code /api}, a plain page elsewhere; never the server's default page with its version and stack trace.
 */
@WebServlet("/error")
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        response.setStatus(status);
        if (uri.startsWith(request.getContextPath() + "/api")) {
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("type", "about:blank")
                            .add("title", title)
                            .add("status", status)
                            .add("detail", status == 401 ? "a valid bearer token is required" : title)
                            .build()
                            .toString());
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(status + " " + title + "\n");
        }
    }
}
