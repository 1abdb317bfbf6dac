package nl.regiomonitor.plan;

import java.time.OffsetDateTime;
import java.util.List;

/** A plan in a list: what a national overview of all regions' plans shows. */
public record PlanSummary(
        long id,
        String title,
        String programme,
        List<String> regions,
        PlanStatus status,
        String statusLabel,
        int versionNumber,
        int lockVersion,
        int completeness,
        boolean late,
        OffsetDateTime submittedAt,
        OffsetDateTime changedAt) {

    static PlanSummary of(ActionPlan p) {
        return new PlanSummary(
                p.id(),
                p.title(),
                p.programme(),
                p.regions(),
                p.status(),
                p.statusLabel(),
                p.versionNumber(),
                p.lockVersion(),
                p.completeness(),
                p.late(),
                p.submittedAt(),
                p.changedAt());
    }
}
