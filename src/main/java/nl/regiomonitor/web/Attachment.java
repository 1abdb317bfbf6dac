package nl.regiomonitor.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Headers of a file the browser saves rather than shows. */
public final class Attachment {

    private Attachment() {}

    public static void headers(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
    }

    /** {@code attachment; filename="…"}, for a response built as a {@code ResponseEntity}. */
    public static String disposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
