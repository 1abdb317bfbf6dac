package nl.regiomonitor.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

import nl.regiomonitor.web.ErrorAnswers.ErrorBody;

/**
 * Errors of the JSON API as {@code {"message": "..."}} in Dutch; details go to the log, never
 * into the answer.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** Every refusal of a capability, with the status its kind stands for and its problems per field. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ErrorBody> refused(Refusal e) {
        return ResponseEntity.status(ErrorAnswers.status(e.kind())).body(new ErrorBody(e.getMessage(), e.problems()));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ErrorBody> missingPart(Exception e) {
        String name = e instanceof MissingServletRequestPartException part
                ? part.getRequestPartName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return answer(HttpStatus.BAD_REQUEST, "Het onderdeel '" + name + "' ontbreekt in het verzoek.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(
                HttpStatus.BAD_REQUEST, "De waarde '" + e.getValue() + "' voor '" + e.getName() + "' is ongeldig.");
    }

    /** A JSON body that cannot be read, or has a value of the wrong kind (an unknown status, a date that is none). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JsonMappingException mapping
                        && !mapping.getPath().isEmpty()
                ? " bij '" + path(mapping.getPath()) + "'"
                : "";
        return answer(
                HttpStatus.BAD_REQUEST,
                "De inhoud van het verzoek is geen geldige JSON of heeft een onbekende waarde" + field + ".");
    }

    /** Where in the JSON, as {@code actions[2].status}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ErrorBody> status(ResponseStatusException e) {
        return answer(
                e.getStatusCode(), e.getReason() == null ? "Het verzoek kon niet worden verwerkt." : e.getReason());
    }

    /** A form field with a name no browser sends (such as an empty one), refused by the firewall when it is read. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ErrorBody> rejected(RequestRejectedException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "Het verzoek bevat een veld met een ongeldige naam of waarde en is niet verwerkt.");
    }

    /** A Content-Type with a wildcard ({@code *}/{@code *}) is no type at all; Spring refuses to read it with an assertion. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ErrorBody> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.contains("*")) {
            return answer(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Het soort inhoud (Content-Type) '" + type + "' is geen soort; "
                            + "stuur gegevens als application/json.");
        }
        return unexpected(e, request);
    }

    /** No database connection came free in time: the server is saturated, which is not the request's fault. */
    @ExceptionHandler(CannotGetJdbcConnectionException.class)
    ResponseEntity<ErrorBody> saturated(CannotGetJdbcConnectionException e, HttpServletRequest request) {
        log.warn("Geen databaseverbinding vrij voor {} {}", request.getMethod(), request.getRequestURI());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(new ErrorBody("Het is op dit moment te druk om uw verzoek te verwerken; er is niets veranderd. "
                        + "Probeer het over enkele seconden opnieuw."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        log.error("Onverwachte fout bij {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Door een technische fout kon dit niet worden afgerond; er is niets veranderd. Probeer het later opnieuw.");
    }

    static ResponseEntity<ErrorBody> answer(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).body(new ErrorBody(message));
    }
}
