package nl.regiomonitor.security;

import java.io.Serializable;
import java.util.Objects;

/** A role held by a user: for one region, or nationally (region null) for the national roles. */
/** Serializable because it is part of the logged-in principal, which lives in the session table. */
public record Grant(Role role, String region) implements Serializable {

    public Grant {
        Objects.requireNonNull(role);
        if (role.national() != (region == null)) {
            throw new IllegalArgumentException(
                    role.national()
                            ? "De rol " + role.dutch() + " is landelijk en hoort niet bij een regio."
                            : "De rol " + role.dutch() + " hoort bij een regio; kies een regio.");
        }
    }

    public static Grant national(Role role) {
        return new Grant(role, null);
    }

    /** For people: "Zorgkantoor ZK02" or "Beheerder". */
    public String label() {
        return region == null ? role.dutch() : role.dutch() + " " + region;
    }
}
