package nl.regiomonitor.security;

/** The kinds of event the audit trail holds. */
public enum AuditAction {
    LOGIN("Ingelogd"),
    LOGIN_FAILED("Inloggen mislukt"),
    CREATE("Aangemaakt"),
    CHANGE("Gewijzigd"),
    DELETE("Verwijderd"),
    IMPORT("Geïmporteerd"),
    SUBMIT("Ingediend"),
    EXPORT("Onbeschermd gedownload"),
    PUBLISH("Gepubliceerd"),
    ACCEPT("Geaccepteerd"),
    RETURN("Teruggestuurd");

    private final String dutch;

    AuditAction(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }
}
