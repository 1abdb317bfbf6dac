package nl.regiomonitor.report;

/** The texts a care office writes in its regioperspectief; only regional tasks come in numbers, each with a title. */
public enum TextKind {
    INTRODUCTION("Inleiding"),
    LOOK_BACK("Terugblik"),
    REGIONAL_TASK("Regionale opgave"),
    DISCLAIMER("Disclaimer");

    private final String dutch;

    TextKind(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }

    /** Whether a report has at most one text of this kind. */
    public boolean single() {
        return this != REGIONAL_TASK;
    }
}
