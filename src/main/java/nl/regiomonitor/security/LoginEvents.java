package nl.regiomonitor.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords towards the lock and writes logins to the audit trail. A successful
 * login on a page is a line; an API call with HTTP Basic logs in on every request, so only its
 * failures are.
 */
@Component
class LoginEvents {

    private final UserService users;

    LoginEvents(UserService users) {
        this.users = users;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName(), false);
    }

    @EventListener
    void succeededInteractively(InteractiveAuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName(), true);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String reason;
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            reason = "onbekende gebruiker of onjuist wachtwoord";
        } else if (event instanceof AuthenticationFailureLockedEvent) {
            reason = "account geblokkeerd na te veel mislukte pogingen";
        } else if (event instanceof AuthenticationFailureDisabledEvent) {
            reason = "account uitgeschakeld";
        } else {
            reason = "inloggen niet gelukt";
        }
        users.recordFailedLogin(String.valueOf(event.getAuthentication().getName()),
                event instanceof AuthenticationFailureBadCredentialsEvent, reason);
    }
}
