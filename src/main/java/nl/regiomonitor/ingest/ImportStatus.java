package nl.regiomonitor.ingest;

/** Where an import stands. */
public enum ImportStatus {
    RUNNING("Bezig"),
    LOADED("Geladen"),
    UNCHANGED("Ongewijzigd"),
    REJECTED("Geweigerd"),
    FAILED("Mislukt"),
    /** The application stopped (was killed) before the import ended; marked so at the next start. */
    ABORTED("Afgebroken");

    private final String dutch;

    ImportStatus(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }

    public boolean finished() {
        return this != RUNNING;
    }
}
