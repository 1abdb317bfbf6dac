package nl.regiomonitor.plan;

import java.time.LocalDate;

/** An action not done, or a milestone not reached, after its date: for a region's home page. */
public record OverdueItem(
        long planId, String planTitle, Kind kind, int number, String text, String owner, LocalDate due) {

    public enum Kind {
        ACTION("Actie"),
        MILESTONE("Mijlpaal");

        private final String dutch;

        Kind(String dutch) {
            this.dutch = dutch;
        }

        public String dutch() {
            return dutch;
        }
    }

    /** "Actie 3" or "Mijlpaal 1". */
    public String label() {
        return kind.dutch() + " " + number;
    }
}
