package nl.regiomonitor.plan;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a plan as it was last saved under its number; {@code plan} (the whole plan as the
 * API gives it) only when one version is asked for, so two versions can be compared.
 */
public record PlanVersion(
        int number, PlanStatus status, String statusLabel, OffsetDateTime savedAt, String savedBy, JsonNode plan) {}
