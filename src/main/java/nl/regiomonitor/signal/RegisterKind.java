package nl.regiomonitor.signal;

/**
 * The kinds of register entry, with their Dutch labels and which fields each needs (the same
 * rules as the checks of table {@code register_entry}).
 */
public enum RegisterKind {
    CLIENT_SIGNAL("Klantsignaal", "Klantsignalen", null, false),
    OCO_SIGNAL("OCO-signaal", "OCO-signalen", null, false),
    LOCATION_VISIT("Locatiebezoek", "Locatiebezoeken", "Zorgaanbieder", false),
    QUALITY_DIALOGUE("Kwaliteitsdialoog", "Kwaliteitsdialogen", "Zorgaanbieder", false),
    EXPERT_BY_EXPERIENCE("Ervaringsdeskundige in dienst", "Ervaringsdeskundigen in dienst", null, false),
    REGIONAL_MEETING("Regiobijeenkomst", "Regiobijeenkomsten", null, false),
    CONTRACTED_PROVIDER("Gecontracteerde zorgaanbieder", "Gecontracteerde zorgaanbieders", "Zorgaanbieder", false),
    INNOVATION_PROJECT("Innovatieproject", "Innovatieprojecten", "Naam van het project", true),
    STIMULUS_PROJECT(
            "Project regionaal stimuleringsbudget",
            "Projecten regionaal stimuleringsbudget",
            "Naam van het project",
            true);

    private final String dutch;
    private final String plural;
    private final String requiredName;
    private final boolean needsDescription;

    RegisterKind(String dutch, String plural, String requiredName, boolean needsDescription) {
        this.dutch = dutch;
        this.plural = plural;
        this.requiredName = requiredName;
        this.needsDescription = needsDescription;
    }

    public String dutch() {
        return dutch;
    }

    public String plural() {
        return plural;
    }

    /** Client and OCO signals carry a category. */
    public boolean signal() {
        return this == CLIENT_SIGNAL || this == OCO_SIGNAL;
    }

    /** A visit says what kind of location was visited. */
    public boolean needsLocationKind() {
        return this == LOCATION_VISIT;
    }

    /** The label of the name this kind requires (a provider, a project), or null when the name is optional. */
    public String requiredName() {
        return requiredName;
    }

    public boolean needsDescription() {
        return needsDescription;
    }
}
