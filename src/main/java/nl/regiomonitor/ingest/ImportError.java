package nl.regiomonitor.ingest;

import io.swagger.v3.oas.annotations.media.Schema;

/** One reason a file was refused: where (line, column), what was there and why, in Dutch. */
@Schema(description = "Een reden waarom een bestand is geweigerd")
public record ImportError(
        @Schema(description = "Regelnummer in het bestand (1 = kopregel); leeg als het om het hele bestand gaat") Integer line,
        @Schema(description = "Kolomnaam, als de fout in één kolom zit") String column,
        @Schema(description = "De waarde zoals die in het bestand staat (verborgen bij een mogelijk BSN)") String value,
        @Schema(description = "De reden, in het Nederlands") String message) {

    static ImportError ofFile(String message) {
        return new ImportError(null, null, null, message);
    }
}
