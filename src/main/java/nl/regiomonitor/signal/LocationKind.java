package nl.regiomonitor.signal;

/** What kind of location a visit went to, as the regioperspectief reports them ("5 woonlocaties en 1 VPT-locatie"). */
public enum LocationKind {
    WOONLOCATIE("Woonlocatie"),
    VPT_LOCATIE("VPT-locatie"),
    DAGBESTEDING("Dagbesteding"),
    THUIS("Bij de cliënt thuis (bijvoorbeeld Housing First)"),
    OVERIG("Overig");

    private final String dutch;

    LocationKind(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }
}
