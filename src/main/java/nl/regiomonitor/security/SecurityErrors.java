package nl.regiomonitor.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import nl.regiomonitor.web.ErrorAnswers;
import nl.regiomonitor.web.ErrorPageAttributes;

/**
 * What a refused request gets: 401 when nobody is logged in (a page visit goes to the login page
 * instead), 403 otherwise, with a Dutch message (JSON for the API, the error page for pages) and
 * never any data.
 */
@Component
class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    /** Request attribute the error page shows as its explanation. */
    static final String REFUSAL = ErrorPageAttributes.EXPLANATION;

    static final String NOT_LOGGED_IN = "U bent niet ingelogd. Log in om dit te doen.";
    static final String NO_ACCESS =
            "U heeft geen toegang tot deze gegevens of deze handeling. " + "Uw rol en regio geven daar geen recht op.";
    static final String CSRF = "Het formulier is verlopen of komt niet van deze website. "
            + "Laad de pagina opnieuw en probeer het nog eens.";

    static final String BUSY = "Het is op dit moment te druk om uw verzoek te verwerken; er is niets veranderd. "
            + "Probeer het over enkele seconden opnieuw.";
    static final int RETRY_AFTER_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(SecurityErrors.class);

    private final ObjectMapper json;

    SecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            // the credentials could not be checked for lack of capacity: they were not refused
            log.warn(
                    "Inloggegevens niet te controleren bij {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage());
            busy(request, response);
        } else if (ErrorAnswers.isApi(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Regiomonitor\", charset=\"UTF-8\"");
            ErrorAnswers.writeJson(response, json, HttpServletResponse.SC_UNAUTHORIZED, NOT_LOGGED_IN);
        } else if ("GET".equals(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + "/login");
        } else {
            request.setAttribute(REFUSAL, NOT_LOGGED_IN);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String message = e instanceof CsrfException ? CSRF : NO_ACCESS;
        log.info(
                "Geweigerd: {} {} voor {} ({})",
                request.getMethod(),
                request.getRequestURI(),
                CurrentUser.name(),
                e.getClass().getSimpleName());
        ErrorAnswers.write(request, response, json, HttpServletResponse.SC_FORBIDDEN, message);
    }

    /**
     * A failed form login goes back to the login page, with one and the same answer whatever the
     * reason (unknown name, wrong password, disabled, held back): only the audit trail tells which.
     */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            busy(request, response);
        } else {
            // the name goes back in the field (never the password), through the session rather than the address
            String username = request.getParameter("username");
            if (username != null) {
                request.getSession()
                        .setAttribute(
                                LoginController.TYPED_USERNAME,
                                username.length() > LoginController.LONGEST_NAME
                                        ? username.substring(0, LoginController.LONGEST_NAME)
                                        : username);
            }
            response.sendRedirect(request.getContextPath() + "/login?fout");
        }
    }

    /** 503 with Retry-After: the server is too busy to check who is asking right now, try again shortly. */
    void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        ErrorAnswers.write(request, response, json, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BUSY);
    }
}
