package nl.regiomonitor.ingest;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import nl.regiomonitor.security.UploadGate;
import nl.regiomonitor.web.ErrorAnswers;

/**
 * A Dutch answer to an upload that cannot be read as one: too large, not multipart, broken. These
 * arise before a controller is chosen (or while its arguments are read), where the API's and the
 * pages' own error handling does not reach; without this they were a 500 or an English message.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    private static final Logger log = LoggerFactory.getLogger(UploadErrors.class);

    private final ObjectMapper json;
    private final DataSize maxSize;

    UploadErrors(ObjectMapper json, @Value("${regiomonitor.upload.max-size:200MB}") DataSize maxSize) {
        this.json = json;
        this.maxSize = maxSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= maxSize.toBytes()) {
            notAnUpload(
                    e, request,
                    response); // a limit on the parts' headers, such as a file name of thousands of characters
            return;
        }
        answer(
                request,
                response,
                HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "Het bestand is te groot: een upload is " + "hoogstens " + UploadGate.readable(maxSize)
                        + ". Splits het bestand, bijvoorbeeld per jaar of per regio.");
    }

    @ExceptionHandler(MultipartException.class)
    void notAnUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.info("Onleesbare upload naar {}: {}", request.getRequestURI(), e.getMessage());
        answer(
                request,
                response,
                HttpServletResponse.SC_BAD_REQUEST,
                "Het verzoek is geen leesbare bestandsupload. "
                        + "Stuur het bestand als multipart/form-data in het veld 'file', met een bestandsnaam van hoogstens 200 tekens.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void wrongType(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(
                request,
                response,
                HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                "Het soort inhoud (Content-Type) van het "
                        + "verzoek wordt hier niet aangenomen. Een bestand stuurt u als multipart/form-data, gegevens als application/json.");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        ErrorAnswers.write(request, response, json, status, message);
    }
}
