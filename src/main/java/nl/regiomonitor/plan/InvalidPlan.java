package nl.regiomonitor.plan;

import java.util.List;

import nl.regiomonitor.web.Problem;
import nl.regiomonitor.web.Refusal;

/**
 * A plan, or a step in its workflow, refused for what is in it; every problem names its field as
 * a path into the plan's JSON such as {@code sections.BACKGROUND} or {@code actions[2].owner}.
 */
public class InvalidPlan extends Refusal {

    InvalidPlan(String message, List<Problem> problems) {
        super(Kind.UNACCEPTABLE, message, problems);
    }
}
