package nl.regiomonitor.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Feeds logins to the {@link LoginThrottle} and writes them to the audit trail, with the real
 * reason of a failure (the user only ever hears that it failed). A successful login on a page is a
 * line; an API call with HTTP Basic logs in on every request, so only its failures are.
 */
@Component
class LoginEvents {

    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final UserService users;
    private final LoginThrottle throttle;

    LoginEvents(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    @EventListener
    void succeededInteractively(InteractiveAuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String name = String.valueOf(attempt.getName());
        AuthenticationException e = event.getException();
        if (e instanceof AuthenticationServiceException) {
            // the user store could not answer (no free connection): not the user's fault, and no place to write it
            log.warn("Inloggen van {} niet te controleren: {}", name, e.getMessage());
            return;
        }
        String reason;
        if (e instanceof LoginConfiguration.HeldBack) {
            reason = "te snel na eerdere mislukte pogingen, niet gecontroleerd";
        } else if (e instanceof DisabledException) {
            reason = "account uitgeschakeld";
        } else if (e instanceof BadCredentialsException) {
            reason = "onbekende gebruiker of onjuist wachtwoord";
        } else {
            reason = "inloggen niet gelukt";
        }
        if (!(e instanceof LoginConfiguration.HeldBack)) {
            throttle.failed(name, LoginConfiguration.address(attempt));
        }
        users.recordFailedLogin(name, reason);
    }
}
