package nl.regiomonitor.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides on an upload (a multipart request) before anything reads its body: one larger than
 * {@code regiomonitor.upload.max-size} gets 413, and one that {@link AccessRules} would refuse for
 * the visitor of the session gets 401 or 403. Without this, reading the CSRF token or a parameter
 * makes the server store the whole body on disk first. A request with its own credentials
 * (HTTP Basic) is authenticated by Spring Security, which then decides without reading the body:
 * it needs no CSRF token, and {@link AccessRules} takes an upload's region from the query string.
 */
@Component
@ConditionalOnWebApplication
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
public class UploadGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadGate.class);

    private final AccessRules rules;
    private final SecurityErrors errors;
    private final ObjectMapper json;
    private final DataSize maxSize;

    UploadGate(
            AccessRules rules,
            SecurityErrors errors,
            ObjectMapper json,
            @Value("${regiomonitor.upload.max-size:200MB}") DataSize maxSize) {
        this.rules = rules;
        this.errors = errors;
        this.json = json;
        this.maxSize = maxSize;
    }

    /** Whether the request is an upload, whose parameters are in a body that may be large. */
    public static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The first value of a parameter in the query string only, or null: never reads the body. */
    public static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (decode(key).equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape names nothing we know
        }
    }

    /** The largest upload, for messages: "200 MB". */
    public static String readable(DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " kB";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxSize.toBytes()) {
            log.info(
                    "Upload van {} bytes naar {} geweigerd: groter dan {}",
                    request.getContentLengthLong(),
                    request.getRequestURI(),
                    readable(maxSize));
            response.setHeader(HttpHeaders.CONNECTION, "close"); // the body is not read
            String message = "Het bestand is te groot: een upload is hoogstens " + readable(maxSize)
                    + ". Splits het bestand, bijvoorbeeld per jaar of per regio.";
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                json.writeValue(response.getOutputStream(), Map.of("message", message));
            } else {
                request.setAttribute(SecurityErrors.REFUSAL, message);
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            }
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            Authentication user = sessionUser(request);
            if (!rules.check(() -> user, new RequestAuthorizationContext(request))
                    .isGranted()) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
                if (user == null) {
                    errors.commence(request, response, new InsufficientAuthenticationException("upload zonder sessie"));
                } else {
                    errors.handle(request, response, new AccessDeniedException("upload zonder recht"));
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Authentication sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object context = session == null
                ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }
}
