package nl.regiomonitor.security;

/** The roles of SPEC.md §2. {@code LANDELIJK} and {@code BEHEERDER} are national, the others held per region. */
public enum Role {
    ZORGKANTOOR("Zorgkantoor", false),
    GEMEENTE("Gemeente", false),
    AANBIEDER("Zorgaanbieder", false),
    CLIENTVERTEGENWOORDIGING("Cliëntvertegenwoordiging", false),
    LANDELIJK("Landelijk (ministerie, programma)", true),
    BEHEERDER("Beheerder", true);

    private final String dutch;
    private final boolean national;

    Role(String dutch, boolean national) {
        this.dutch = dutch;
        this.national = national;
    }

    public String dutch() {
        return dutch;
    }

    public boolean national() {
        return national;
    }
}
