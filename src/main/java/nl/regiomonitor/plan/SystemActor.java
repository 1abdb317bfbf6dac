package nl.regiomonitor.plan;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.Grant;
import nl.regiomonitor.security.Role;

/**
 * Work nobody asked for in a request, such as demo data, done through the same plan methods as a person's: as the actor
 * {@value CurrentUser#SYSTEM}, who holds the care office role in just the regions given. The access rules then let it
 * write those regions' plans as they would let their care office, and nothing else; no user can log in as it.
 */
final class SystemActor {

    private SystemActor() {}

    /** What {@code work} answers, done as the care office of {@code regions}; then the caller's own user is back. */
    static <T> T asCareOffice(Set<String> regions, Supplier<T> work) {
        List<Grant> grants = regions.stream()
                .map(region -> new Grant(Role.ZORGKANTOOR, region))
                .toList();
        AppUser system = new AppUser(0, CurrentUser.SYSTEM, "Systeem", "Regiomonitor", "", false, grants);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(system, "", system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
