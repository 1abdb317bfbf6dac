package nl.regiomonitor.publication;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request reads the publication that was current when it came in, to the end, even when a
 * new one becomes current meanwhile. A figure answer of the API names its version in the header
 * {@value #HEADER}; {@code ?versie=N} asks for a version by number.
 */
@Component
@ConditionalOnWebApplication
class PublicationFilter extends OncePerRequestFilter {

    static final String HEADER = "Publicatie-Versie";
    static final String PARAMETER = "versie";

    private final Generations generations;
    private final PublicationService publications;
    private final ObjectMapper json;

    PublicationFilter(Generations generations, PublicationService publications, ObjectMapper json) {
        this.generations = generations;
        this.publications = publications;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Generations.Current current = generations.current();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean figures = path.startsWith("/api/v1/figures/") || path.startsWith("/api/v1/trend/");
        if (figures && current.publication() != null) {
            long version = current.publication().version();
            String asked = request.getParameter(PARAMETER);
            if (asked != null && !asked.equals(Long.toString(version))) {
                refuse(response, asked, version);
                return;
            }
            response.setHeader(HEADER, Long.toString(version));
        }
        try (AutoCloseable pinned = generations.pin(current.generation())) {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Figures are worked out for the current version only; an older one is read from its stored tables. */
    private void refuse(HttpServletResponse response, String asked, long current) throws IOException {
        String message;
        int status;
        Long version = parse(asked);
        if (version == null) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            message = "De versie '" + asked + "' is geen nummer. De versies staan onder /api/v1/publicaties.";
        } else if (publications
                .find(version)
                .filter(p -> p.status() == Publication.Status.PUBLISHED)
                .isEmpty()) {
            status = HttpServletResponse.SC_NOT_FOUND;
            message = "Er is geen gepubliceerde versie " + version + ". De versies staan onder /api/v1/publicaties.";
        } else {
            status = HttpServletResponse.SC_NOT_FOUND;
            message = "Versie " + version + " is niet meer de huidige publicatie (dat is " + current
                    + "). Haar tabellen, zoals " + "gepubliceerd, staan onder /api/v1/publicaties/" + version + ".";
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of("message", message));
    }

    private static Long parse(String asked) {
        try {
            return Long.parseLong(asked.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
