package nl.regiomonitor.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import nl.regiomonitor.web.ErrorAnswers;

/**
 * Login by form (pages), and for the API also HTTP Basic or a personal API key, over the same
 * user store; every request is decided by {@link AccessRules}. Basic and keys count under
 * {@code /api/} only, so every page form needs the session and its CSRF token. An API call that
 * carries its own credentials cannot be forged, so it needs no token; one that rides on the
 * session cookie does.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfiguration {

    /** Pages and scripts come from this server only; nothing may frame the application. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI styles its page inline; its own pages get that, and nothing more. */
    static final String SWAGGER_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AccessRules rules, SecurityErrors errors, ApiTokenService tokens)
            throws Exception {
        BasicAuthenticationConverter basicCredentials = new BasicAuthenticationConverter();
        basicCredentials.setCredentialsCharset(StandardCharsets.UTF_8);
        RequestMatcher ownCredentials = request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return ErrorAnswers.isApi(request)
                    && authorization != null
                    && (authorization.regionMatches(true, 0, "Basic ", 0, 6) || ApiTokenFilter.carriesKey(request));
        };
        RequestMatcher swagger = request -> {
            String uri = request.getRequestURI();
            return uri.startsWith(request.getContextPath() + "/swagger-ui");
        };
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().access(rules))
                .formLogin(
                        form -> form.loginPage("/login").failureHandler(errors).permitAll())
                .httpBasic(basic -> basic.realmName("Regiomonitor")
                        .authenticationEntryPoint(errors)
                        .withObjectPostProcessor(new ObjectPostProcessor<BasicAuthenticationFilter>() {
                            @Override
                            public <O extends BasicAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationConverter(request ->
                                        ErrorAnswers.isApi(request) ? basicCredentials.convert(request) : null);
                                return filter;
                            }
                        }))
                .addFilterBefore(new ApiTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?uitgelogd"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ownCredentials))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .addHeaderWriter((request, response) -> {
                            if (swagger.matches(request)) {
                                response.setHeader("Content-Security-Policy", SWAGGER_POLICY);
                            }
                        })
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
