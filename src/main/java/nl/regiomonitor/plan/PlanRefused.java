package nl.regiomonitor.plan;

/** A request about a plan that cannot be done: the plan is not there, not the user's, or not in the right state. */
public class PlanRefused extends RuntimeException {

    /** Why it is refused. */
    public enum Reason { NOT_FOUND, FORBIDDEN, WRONG_STATE }

    private final Reason reason;

    PlanRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
