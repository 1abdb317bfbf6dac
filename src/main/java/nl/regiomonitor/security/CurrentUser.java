package nl.regiomonitor.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, for services that record who did something. */
public final class CurrentUser {

    /** The actor recorded for work nobody asked for in a request: demo data, migrations. */
    public static final String SYSTEM = "systeem";

    private CurrentUser() {}

    public static Optional<AppUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AppUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    /** The user name to record as actor, or {@link #SYSTEM}. */
    public static String name() {
        return get().map(AppUser::username).orElse(SYSTEM);
    }
}
