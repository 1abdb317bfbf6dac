package nl.regiomonitor.plan;

import nl.regiomonitor.web.Refusal;

/** A change made on a version of the plan that someone else has changed since; nothing was written. */
public class PlanConflict extends Refusal {

    PlanConflict(String message) {
        super(Kind.STALE, message);
    }
}
