package nl.regiomonitor.indicator;

import io.swagger.v3.oas.annotations.media.Schema;

/** A column or row of a figure: a code and its Dutch name. */
@Schema(description = "Een categorie van een tabel: code en naam")
public record Category(
        @Schema(description = "Code, bijvoorbeeld GGZ03W of TOTAAL")
        String code,

        @Schema(description = "Naam in het Nederlands") String name) {

    public static final Category TOTAL = new Category("TOTAAL", "Totaal");
}
