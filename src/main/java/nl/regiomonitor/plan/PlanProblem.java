package nl.regiomonitor.plan;

/**
 * What is missing or wrong in a plan, in Dutch, and where: a path into the plan's JSON such as
 * {@code sections.BACKGROUND} or {@code actions[2].owner}.
 */
public record PlanProblem(String field, String message) {
}
