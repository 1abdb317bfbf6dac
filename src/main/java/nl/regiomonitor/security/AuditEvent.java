package nl.regiomonitor.security;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** One line of the audit trail: who did what when, and for a change the values before and after. */
public record AuditEvent(
        long id,
        OffsetDateTime at,
        String actor,
        AuditAction action,
        String subject,
        String subjectId,
        String region,
        String summary,
        JsonNode before,
        JsonNode after) {}
