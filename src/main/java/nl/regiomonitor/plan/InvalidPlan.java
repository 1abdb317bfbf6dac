package nl.regiomonitor.plan;

import java.util.List;

/** A plan, or a step in its workflow, refused for what is in it; every problem names its field. */
public class InvalidPlan extends RuntimeException {

    private final transient List<PlanProblem> problems;

    InvalidPlan(String message, List<PlanProblem> problems) {
        super(message, null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
