package nl.regiomonitor.monitor;

import java.util.Locale;

import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.trend.Verdict;

/**
 * What the Instroommonitor opens with for a region or NL, in short, for pages that point to it: the published verdict over
 * the whole series at the period the monitor shows first, and the latest point as published.
 *
 * @param period what one point is: a month, or a quarter or year where months are mostly hidden
 * @param verdict the verdict, or null when too many points are hidden for one
 * @param sentence the judgement in words, as the monitor says it
 * @param latestLabel the latest point, for example "oktober 2025" or "3e kwartaal 2025"; null without data
 * @param latest that point's published cell ("<5" or "x" when hidden); null without data
 * @param target the national aim per point (NL only), or null
 */
public record InfluxHeadline(
        String region,
        Period period,
        Verdict verdict,
        String sentence,
        String latestLabel,
        Cell latest,
        Double target) {

    /** The verdict for people: "Dalend", "Stijgend", "Stabiel", "Geen signaal", or "Geen oordeel" without one. */
    public String verdictLabel() {
        if (verdict == null) {
            return "Geen oordeel";
        }
        return switch (verdict) {
            case DALEND -> "Dalend";
            case STIJGEND -> "Stijgend";
            case STABIEL -> "Stabiel";
            case GEEN_SIGNAAL -> "Geen signaal";
        };
    }

    /** The CSS modifier of the verdict, as the Instroommonitor's: verdict-dalend, …, verdict-geen_signaal, or verdict-geen-oordeel without one. */
    public String verdictClass() {
        return "verdict-" + (verdict == null ? "geen-oordeel" : verdict.name().toLowerCase(Locale.ROOT));
    }

    /** Whether the latest point is shown and above the aim; false without an aim or when it is hidden. */
    public boolean aboveTarget() {
        return target != null && latest != null && !latest.suppressed() && latest.value() > target;
    }
}
