package nl.regiomonitor.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A grant written as text, the same on the command line and in forms: {@code BEHEERDER} for a
 * national role, {@code ZORGKANTOOR:ZK02} for a role in a region.
 */
public final class GrantCodes {

    private GrantCodes() {}

    static String code(Grant grant) {
        return grant.region() == null ? grant.role().name() : grant.role().name() + ":" + grant.region();
    }

    public static List<String> codes(Collection<Grant> grants) {
        return grants.stream().map(GrantCodes::code).toList();
    }

    /** Reads codes; a wrong one gives an {@link UserService.InvalidUserChange} on field {@code grants}. */
    public static List<Grant> parse(Collection<String> codes) {
        return codes.stream().map(GrantCodes::parse).distinct().toList();
    }

    static Grant parse(String code) {
        String text = code == null ? "" : code.trim();
        int colon = text.indexOf(':');
        String roleName = (colon < 0 ? text : text.substring(0, colon)).trim().toUpperCase(Locale.ROOT);
        String region = colon < 0 ? null : text.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
        Role role = Arrays.stream(Role.values())
                .filter(r -> r.name().equals(roleName))
                .findFirst()
                .orElseThrow(() -> new UserService.InvalidUserChange(
                        "grants",
                        "Onbekende rol '" + text + "'. Kies uit "
                                + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "))
                                + "; een regionale rol met regio, bijvoorbeeld ZORGKANTOOR:ZK02."));
        try {
            return new Grant(role, region == null || region.isEmpty() ? null : region);
        } catch (IllegalArgumentException e) {
            throw new UserService.InvalidUserChange("grants", e.getMessage());
        }
    }
}
