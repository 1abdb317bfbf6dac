package nl.regiomonitor.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.regiomonitor.web.ErrorAnswers;

/**
 * Logs an API call in by its personal API key ({@code Authorization: Bearer <key>}), for this
 * request only. Only under {@code /api/}: a page never takes a key, so a page form always needs
 * the session and its CSRF token. A key that is no (longer a) key gets the usual 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final SecurityErrors errors;

    ApiTokenFilter(ApiTokenService tokens, SecurityErrors errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    static boolean carriesKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ErrorAnswers.isApi(request) || !carriesKey(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AppUser> user;
        try {
            user = tokens.userOf(request.getHeader(HttpHeaders.AUTHORIZATION)
                    .substring(BEARER.length())
                    .strip());
        } catch (DataAccessException e) {
            errors.commence(
                    request, response, new AuthenticationServiceException("API-sleutel niet te controleren", e));
            return;
        }
        if (user.isEmpty()) {
            errors.commence(request, response, new BadCredentialsException("Onbekende of ingetrokken API-sleutel"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
