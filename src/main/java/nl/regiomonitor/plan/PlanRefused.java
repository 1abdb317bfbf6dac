package nl.regiomonitor.plan;

import nl.regiomonitor.web.Refusal;

/** A request about a plan that cannot be done: the plan is not there, not the user's, or not in the right state. */
public class PlanRefused extends Refusal {

    PlanRefused(Kind kind, String message) {
        super(kind, message);
    }
}
