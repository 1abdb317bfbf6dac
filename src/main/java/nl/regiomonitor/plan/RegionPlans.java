package nl.regiomonitor.plan;

import java.util.List;

/**
 * A region's part in the plans van aanpak, for a national overview: the plans it takes part in (newest change first) and
 * how many of their actions and milestones are overdue.
 */
public record RegionPlans(String region, List<Plan> plans, int overdue) {

    /**
     * One plan of the region.
     *
     * @param submittedLate handed in after the programme's deadline
     * @param pastDeadline still a draft while the programme's deadline has passed
     */
    public record Plan(long id, String title, PlanStatus status, boolean submittedLate, boolean pastDeadline) {

        /** The status for people, with what is late: "Concept, te laat", "Ingediend, te laat ingediend". */
        public String statusText() {
            return status.dutch() + (pastDeadline ? ", te laat" : submittedLate ? ", te laat ingediend" : "");
        }
    }
}
