package nl.regiomonitor.plan;

/** How far an action of a plan is. */
public enum ActionStatus {
    NOT_STARTED("Niet gestart"),
    RUNNING("Loopt"),
    DONE("Gereed"),
    DELAYED("Vertraagd");

    private final String dutch;

    ActionStatus(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }
}
