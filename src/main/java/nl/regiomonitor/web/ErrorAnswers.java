package nl.regiomonitor.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The one place where a refusal becomes an HTTP status and an error becomes a body: JSON
 * {@code {"message": …}} (with {@code problems} when there are any) for the API, the error page
 * with the Dutch explanation for pages.
 */
public final class ErrorAnswers {

    /** The body of every error answer of the API; problems are left out when there are none. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ErrorBody(String message, List<Problem> problems) {

        public ErrorBody(String message) {
            this(message, List.of());
        }
    }

    private ErrorAnswers() {}

    public static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case WRONG_STATE -> HttpStatus.CONFLICT;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case UNACCEPTABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    /** Writes the error outside Spring MVC (security and upload filters): JSON for the API, else the error page. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, ObjectMapper json, int status, String message)
            throws IOException {
        if (isApi(request)) {
            writeJson(response, json, status, message);
        } else {
            request.setAttribute(ErrorPageAttributes.EXPLANATION, message);
            response.sendError(status);
        }
    }

    /**
     * Whether the request is one of the JSON API, which answers errors in JSON rather than with a page
     * and takes HTTP Basic and API keys; the actuator ({@code /actuator}) is read by programs too.
     */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/");
    }

    /** The JSON error body with its status, for an API request. */
    public static void writeJson(HttpServletResponse response, ObjectMapper json, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ErrorBody(message));
    }
}
