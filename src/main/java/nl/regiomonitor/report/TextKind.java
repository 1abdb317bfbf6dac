package nl.regiomonitor.report;

/**
 * The texts a care office writes in its regioperspectief, in the order of seed 004's chapters; only regional tasks
 * come in numbers, each with a title.
 */
public enum TextKind {
    INTRODUCTION("Inleiding", "Waarom dit regioperspectief er is en wat erin staat."),
    LOOK_BACK("Terugblik", "Wat er in het jaar in de regio is gebeurd; staat boven de kerncijfers."),
    SECTOR("Sectorbeeld: trends en ontwikkelingen", "Het landelijke beeld: instroom, bekostiging, samenwerking."),
    SUMMARY(
            "Samenvatting regio-inzicht",
            "Staat er niets, dan toont het rapport de zinnen die uit de cijfers volgen; "
                    + "die staan hier al ingevuld om aan te passen."),
    DEMAND("Zorgvraag", "Uitleg bij de indicaties, de verdeling over de profielen en de prevalentie."),
    AFFORDABILITY("Betaalbaarheid", "Uitleg bij de kosten per cliënt en de verzilvering per leveringsvorm."),
    ACCESSIBILITY("Toegankelijkheid", "Uitleg bij de wachtlijst, de doorstroom tussen regio's en het zorgaanbod."),
    QUALITY("Kwaliteit", "Indrukken uit locatiebezoeken, kwaliteitsdialogen en signalen."),
    REGIONAL_PLAN("Regioplan", "Waar de regio samen aan werkt; staat boven de regionale opgaven."),
    REGIONAL_TASK("Regionale opgave", null),
    DISCLAIMER("Disclaimer", "Staat boven de vaste uitleg over beschermde aantallen."),
    CONTACT("Contact", "Wie lezers kunnen benaderen met vragen, bijvoorbeeld een e-mailadres; staat in het colofon.");

    private final String dutch;
    private final String hint;

    TextKind(String dutch, String hint) {
        this.dutch = dutch;
        this.hint = hint;
    }

    public String dutch() {
        return dutch;
    }

    /** What the text is for, shown at its field in the editor. */
    public String hint() {
        return hint;
    }

    /** Whether a report has at most one text of this kind. */
    public boolean single() {
        return this != REGIONAL_TASK;
    }
}
