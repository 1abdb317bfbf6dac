package nl.regiomonitor.plan;

/** Which way an objective wants its figure to go. */
public enum Direction {
    DOWN("Dalen"),
    UP("Stijgen"),
    STABLE("Stabiel blijven");

    private final String dutch;

    Direction(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }
}
