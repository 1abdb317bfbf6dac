package nl.regiomonitor.security;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * How a user name and password are checked, for the login form and HTTP Basic alike: the password
 * first, always (an unknown name is checked against a dummy hash), and only then whether the
 * account may log in, so that no answer and no timing tells an unknown name from a disabled
 * account; and not at all while {@link LoginThrottle} holds the name or address back.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    /** An attempt that came before its delay had passed; it gets the same answer as a wrong password. */
    static class HeldBack extends BadCredentialsException {
        HeldBack() {
            super("Te vroeg na eerdere mislukte pogingen");
        }
    }

    /** The only provider, so no other (such as Spring's default for the user store) can be asked past the throttle. */
    @Bean
    AuthenticationProvider throttledLogin(UserService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account uitgeschakeld");
            }
        });
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                if (throttle.holdsBack(attempt.getName(), address(attempt))) {
                    try {
                        passwords.authenticate(attempt); // only so that the answer takes as long as any other
                    } catch (AuthenticationException ignored) {
                        // the outcome is not used
                    }
                    throw new HeldBack();
                }
                return passwords.authenticate(attempt);
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    /** Spring's publisher knows exceptions by exact class only. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(HeldBack.class, AuthenticationFailureBadCredentialsEvent.class));
        return publisher;
    }

    /** The client address of an attempt (behind a proxy: as the proxy forwarded it, see server.forward-headers-strategy). */
    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
