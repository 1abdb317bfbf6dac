package nl.regiomonitor.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user of the system as held in the user store; also the logged-in principal. {@code organisation} is
 * the organisation the user works for (such as "Gemeente Den Haag"), or null when none is known.
 */
public record AppUser(
        long id,
        String username,
        String displayName,
        String organisation,
        String passwordHash,
        boolean enabled,
        List<Grant> grants)
        implements UserDetails {

    /** Whether the user holds {@code role} for {@code region}, or holds it nationally. */
    public boolean holds(Role role, String region) {
        return grants.stream()
                .anyMatch(g ->
                        g.role() == role && (g.region() == null || g.region().equals(region)));
    }

    /** The regions in which the user holds {@code role}. */
    public Set<String> regionsWith(Role role) {
        Set<String> regions = new TreeSet<>();
        grants.stream().filter(g -> g.role() == role && g.region() != null).forEach(g -> regions.add(g.region()));
        return regions;
    }

    /** Whether the user works for the organisation named {@code name}; names are compared as people type them. */
    public boolean worksFor(String name) {
        return organisation != null && name != null && organisation.strip().equalsIgnoreCase(name.strip());
    }

    /** Every region the user holds any role in, sorted. */
    public Set<String> regions() {
        Set<String> regions = new TreeSet<>();
        grants.stream().filter(g -> g.region() != null).forEach(g -> regions.add(g.region()));
        return regions;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream()
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name()))
                .distinct()
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * The principal is stored in the session table (Spring Session JDBC) without its password hash: nothing after
     * the login needs it, and it must not end up in a second table.
     */
    @Serial
    private Object writeReplace() {
        return new AppUser(id, username, displayName, organisation, null, enabled, grants);
    }

    /** Never show the hash, not even in a log line. */
    @Override
    public String toString() {
        return "AppUser[" + username + ", " + grants + "]";
    }
}
