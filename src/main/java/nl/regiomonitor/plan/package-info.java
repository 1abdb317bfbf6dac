/**
 * The plan van aanpak (SPEC §6, seed 000): programmes with a deadline; plans of one or more regions
 * with the sections of the national template, SMART objectives linked to a figure, actions with
 * owner, timeline and progress, and milestones; the workflow draft → submitted → accepted or
 * returned, where a change after submission makes a new version and every version is kept; and
 * what is overdue per region. {@link nl.regiomonitor.plan.PlanService} is what other packages use.
 */
package nl.regiomonitor.plan;
