package nl.regiomonitor.web;


import jakarta.servlet.http.HttpServletRequest;
import nl.regiomonitor.indicator.InvalidFigureRequest;
import nl.regiomonitor.ingest.ImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of the JSON API as {@code {"message": "..."}} in Dutch; details go to the log, never
 * into the answer.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The body of every error answer of the API. */
    record ApiError(String message) {
    }

    @ExceptionHandler({ImportService.InvalidImportRequest.class, InvalidFigureRequest.class})
    ResponseEntity<ApiError> invalidRequest(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> missingPart(Exception e) {
        String name = e instanceof MissingServletRequestPartException part ? part.getRequestPartName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return answer(HttpStatus.BAD_REQUEST, "Het onderdeel '" + name + "' ontbreekt in het verzoek.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, "De waarde '" + e.getValue() + "' voor '" + e.getName() + "' is ongeldig.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        return answer(e.getStatusCode(), e.getReason() == null ? "Het verzoek kon niet worden verwerkt." : e.getReason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("Onverwachte fout bij {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                "Door een technische fout kon dit niet worden afgerond; er is niets veranderd. Probeer het later opnieuw.");
    }

    static ResponseEntity<ApiError> answer(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).body(new ApiError(message));
    }

}
