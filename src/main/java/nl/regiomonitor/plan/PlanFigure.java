package nl.regiomonitor.plan;

/**
 * The figures an objective can name, so the system can follow it: the ones the Instroommonitor
 * ({@code trend}) and the regional figures ({@code indicator}) already count for the plan's regions.
 */
public enum PlanFigure {
    INFLUX_GGZ_W("Maandelijkse instroom GGZ-W van de regio's van het plan", false),
    INFLUX_GGZ_B("Maandelijkse instroom GGZ-B van de regio's van het plan", false),
    YOUNG_ADULT_SHARE("Aandeel 18–26-jarigen in de instroom GGZ-W", false),
    PROFILE_STOCK("Stand van één profiel op een peildatum", true);

    private final String dutch;
    private final boolean needsProfile;

    PlanFigure(String dutch, boolean needsProfile) {
        this.dutch = dutch;
        this.needsProfile = needsProfile;
    }

    public String dutch() {
        return dutch;
    }

    public boolean needsProfile() {
        return needsProfile;
    }
}
