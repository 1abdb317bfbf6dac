package nl.regiomonitor.security;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login by form (pages) or HTTP Basic (API) over the same user store; every request is decided
 * by {@link AccessRules}. CSRF tokens are required on every form and on API calls that ride on a
 * session cookie; a request that carries its own credentials cannot be forged, so it needs none.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfiguration {

    /** Pages and scripts come from this server only; nothing may frame the application. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI styles its page inline; its own pages get that, and nothing more. */
    static final String SWAGGER_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AccessRules rules, SecurityErrors errors) throws Exception {
        RequestMatcher ownCredentials = request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        };
        RequestMatcher swagger = request -> {
            String uri = request.getRequestURI();
            return uri.startsWith(request.getContextPath() + "/swagger-ui");
        };
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().access(rules))
                .formLogin(form -> form.loginPage("/login").failureHandler(errors).permitAll())
                .httpBasic(basic -> basic.realmName("Regiomonitor").authenticationEntryPoint(errors))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?uitgelogd"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ownCredentials))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .addHeaderWriter((request, response) -> {
                            if (swagger.matches(request)) {
                                response.setHeader("Content-Security-Policy", SWAGGER_POLICY);
                            }
                        })
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
