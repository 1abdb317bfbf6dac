package nl.regiomonitor.security;

import java.util.Set;

/**
 * The regions of a plan van aanpak, for the rules of {@link AccessRules} whose region is that of
 * the plan named in the path; implemented by the package that owns the plans.
 */
public interface PlanRegions {

    /** The region codes of the plan; empty when there is no such plan. */
    Set<String> of(long planId);
}
