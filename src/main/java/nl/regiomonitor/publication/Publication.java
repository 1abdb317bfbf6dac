package nl.regiomonitor.publication;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.regiomonitor.common.Dutch;

/** One build of the published figures: published, or refused with the reason why. */
@Schema(description = "Een versie van de gepubliceerde cijfers")
public record Publication(
        @Schema(description = "Versienummer") long version,

        @Schema(
                description =
                        "PUBLISHED (gepubliceerd), REJECTED (afgekeurd door de controle op terugrekenen) of FAILED (mislukt)")
        Status status,

        @Schema(description = "Waarom deze versie is gemaakt, bijvoorbeeld na import 12")
        String reason,

        @Schema(description = "Laatste maand met gegevens, jjjj-mm")
        YearMonth dataThrough,

        @Schema(description = "Moment waarop de versie klaar was")
        OffsetDateTime builtAt,

        @Schema(description = "Bouwtijd in milliseconden") long buildMillis,
        @Schema(description = "Aantal tabellen") int tables,
        @Schema(description = "Aantal cellen") int cells,

        @Schema(description = "Waarom de versie niet is gepubliceerd; leeg als die wel is gepubliceerd")
        String problem) {

    public enum Status {
        PUBLISHED,
        REJECTED,
        FAILED
    }

    /** What a figure page says about the figures it shows, for example "cijfers t/m maart 2025, publicatie 7 van 29 november 2026". */
    public String line() {
        String through = dataThrough == null ? "cijfers: nog geen gegevens" : "cijfers t/m " + throughLabel();
        return through + ", publicatie " + version + " van "
                + builtInAmsterdam().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Dutch.LOCALE));
    }

    /** When the version was ready, on Dutch clocks: the database hands it over in UTC. */
    public ZonedDateTime builtInAmsterdam() {
        return builtAt.atZoneSameInstant(Dutch.ZONE);
    }

    /** The last month with data in words, for example "maart 2025"; null without data. */
    public String throughLabel() {
        return dataThrough == null ? null : dataThrough.format(DateTimeFormatter.ofPattern("MMMM yyyy", Dutch.LOCALE));
    }
}
