package nl.regiomonitor.plan;

import java.math.BigDecimal;

/**
 * The figures an objective can name, so the system can follow it: the ones the Instroommonitor
 * ({@code trend}) and the regional figures ({@code indicator}) already count for the plan's regions.
 */
public enum PlanFigure {
    INFLUX_GGZ_W("Maandelijkse instroom GGZ-W van de regio's van het plan", false, "nieuwe cliënten GGZ-W per maand"),
    INFLUX_GGZ_B("Maandelijkse instroom GGZ-B van de regio's van het plan", false, "nieuwe cliënten GGZ-B per maand"),
    /** A share: the chart beside it counts the young adults per month, the target is their percentage of the influx. */
    YOUNG_ADULT_SHARE("Aandeel 18–26-jarigen in de instroom GGZ-W", false, "% van de instroom GGZ-W"),
    PROFILE_STOCK("Stand van één profiel op een peildatum", true, "cliënten op de peildatum (1 oktober)");

    private final String dutch;
    private final boolean needsProfile;
    private final String unit;

    PlanFigure(String dutch, boolean needsProfile, String unit) {
        this.dutch = dutch;
        this.needsProfile = needsProfile;
        this.unit = unit;
    }

    public String dutch() {
        return dutch;
    }

    public boolean needsProfile() {
        return needsProfile;
    }

    /** What a target value of this figure counts, in plain Dutch. */
    public String unit() {
        return unit;
    }

    /** A target value with its unit and a decimal comma: "8% van de instroom GGZ-W", "20 nieuwe cliënten GGZ-W per maand". */
    public String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',') + (unit.startsWith("%") ? "" : " ") + unit;
    }
}
