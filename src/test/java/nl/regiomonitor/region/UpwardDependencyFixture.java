package nl.regiomonitor.region;

import nl.regiomonitor.plan.PlanService;

/**
 * Not part of the application: a region class that uses the plan, which itself uses region. The
 * architecture test adds it to the application's classes to show that its rules catch a cycle.
 */
public final class UpwardDependencyFixture {

    private UpwardDependencyFixture() {}

    static Class<?> upwards() {
        return PlanService.class;
    }
}
