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

    public AuditFilter forRegion(String code) {
        return new AuditFilter(code, actor, action, from, to, text);
    }
}
