package nl.regiomonitor.report;

import nl.regiomonitor.indicator.RegionTables;

/**
 * Where the figures of a report come from, written under each: its reference date, and which publication
 * the figures are of (null when none). Shared by the report's chapters and figures.
 */
record Sources(String referenceDate, String publication) {

    /** The sources of a report on {@code year}'s reference date. */
    static Sources forYear(int year, String publication) {
        return new Sources(RegionalReport.LONG.format(RegionTables.referenceDate(year)), publication);
    }

    /** "Bron: indicaties, Regiomonitor Wlz-ggz; peildatum 1 oktober 2024; cijfers t/m …, publicatie 7 van …." */
    String of(String what, String when) {
        return "Bron: " + what + ", Regiomonitor Wlz-ggz; " + (when == null ? "peildatum " + referenceDate : when)
                + (publication == null ? "" : "; " + publication) + ".";
    }
}
