package nl.regiomonitor.plan;

/** A change made on a version of the plan that someone else has changed since; nothing was written. */
public class PlanConflict extends RuntimeException {

    PlanConflict(String message) {
        super(message, null, false, false);
    }
}
