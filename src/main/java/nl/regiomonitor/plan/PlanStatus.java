package nl.regiomonitor.plan;

/** Where a plan is in its workflow: written, handed in, and judged by the national programme. */
public enum PlanStatus {
    DRAFT("Concept"),
    SUBMITTED("Ingediend"),
    ACCEPTED("Geaccepteerd"),
    RETURNED("Teruggestuurd");

    private final String dutch;

    PlanStatus(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }

    /** A submitted, accepted or returned plan is frozen: a change starts the next version. */
    public boolean frozen() {
        return this != DRAFT;
    }
}
