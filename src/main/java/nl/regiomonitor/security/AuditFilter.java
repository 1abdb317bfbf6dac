package nl.regiomonitor.security;

import java.time.LocalDate;

/**
 * Which audit events to show; every part may be empty. {@code region} limits to one region's
 * events (the view of that region's care office).
 */
public record AuditFilter(String region, String actor, AuditAction action, LocalDate from, LocalDate to, String text) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    /** The whole trail (no region), narrowed by what was typed. */
    public static AuditFilter everyRegion(String actor, AuditAction action, LocalDate from, LocalDate to, String text) {
        return new AuditFilter(null, actor, action, from, to, text);
    }

    public AuditFilter forRegion(String code) {
        return new AuditFilter(code, actor, action, from, to, text);
    }

    /** This filter, narrowed to what one user did. */
    public AuditFilter byActor(String name) {
        return new AuditFilter(region, name, action, from, to, text);
    }

    /** This filter, narrowed to events whose summary or subject holds {@code typed}. */
    public AuditFilter containing(String typed) {
        return new AuditFilter(region, actor, action, from, to, typed);
    }
}
