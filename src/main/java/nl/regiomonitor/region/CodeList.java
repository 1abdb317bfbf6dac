package nl.regiomonitor.region;

/** The reference code lists an import checks codes against (SPEC.md §3). */
public enum CodeList {
    REGION("regiocode", "zorgkantoorregio"),
    PROFILE("zorgprofiel", "zorgprofiel"),
    ORIGIN("herkomst", "herkomst"),
    DELIVERY_FORM("leveringsvorm", "leveringsvorm"),
    WAIT_STATUS("wachtstatus", "wachtstatus");

    private final String dutchName;
    private final String dutchNoun;

    CodeList(String dutchName, String dutchNoun) {
        this.dutchName = dutchName;
        this.dutchNoun = dutchNoun;
    }

    /** E.g. "onbekende regiocode". */
    public String dutchName() {
        return dutchName;
    }

    public String dutchNoun() {
        return dutchNoun;
    }
}
