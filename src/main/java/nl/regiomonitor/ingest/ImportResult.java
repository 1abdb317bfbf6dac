package nl.regiomonitor.ingest;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.regiomonitor.common.Dutch;

/** The state or outcome of one import, as shown on the page, by the API and on the command line. */
@Schema(description = "Status of uitkomst van een import")
public record ImportResult(
        @Schema(description = "Nummer van de import") long id,

        @Schema(description = "Soort bestand, bijvoorbeeld indications")
        String type,

        @Schema(
                description =
                        "Naam van het bestand; bepaalt samen met de soort en de regio welke eerdere versie wordt vervangen")
        String source,

        @Schema(description = "Regio waarvoor het zorgkantoor importeerde; leeg bij een landelijk bestand")
        String region,

        @Schema(description = "Gebruikersnaam van wie importeerde")
        String importedBy,

        @Schema(
                description =
                        "RUNNING, LOADED, UNCHANGED, REJECTED, FAILED of ABORTED (afgebroken doordat de toepassing stopte)")
        ImportStatus status,

        @Schema(description = "Voortgang van 0 tot 1 terwijl de import loopt")
        double progress,

        @Schema(description = "Aantal gegevensregels dat is gelezen (bij LOADED: geladen)")
        long rowCount,

        @Schema(description = "Aantal gevonden fouten") long errorCount,

        @Schema(description = "De fouten (hoogstens de eerste 10.000)")
        List<ImportError> errors,

        @Schema(description = "Samenvatting in het Nederlands")
        String message,

        @Schema(description = "Begonnen") OffsetDateTime startedAt,

        @Schema(description = "Klaar (leeg zolang de import loopt)")
        OffsetDateTime finishedAt,

        @Schema(description = "Nummer van de latere import die deze gegevens heeft vervangen")
        Long replacedBy) {

    /** A running import with how far it is: {@code recorded} as its row says, not finished, nothing replaced. */
    static ImportResult running(ImportResult recorded, String type, double progress, long rows) {
        return new ImportResult(
                recorded.id,
                type,
                recorded.source,
                recorded.region,
                recorded.importedBy,
                ImportStatus.RUNNING,
                progress,
                rows,
                0,
                List.of(),
                recorded.message,
                recorded.startedAt,
                null,
                null);
    }

    /** A failed import told to its user as it is, when even recording it failed: finished now, nothing replaced. */
    static ImportResult failedUnrecorded(
            long id,
            String type,
            String source,
            String region,
            String importedBy,
            String message,
            OffsetDateTime started) {
        return new ImportResult(
                id,
                type,
                source,
                region,
                importedBy,
                ImportStatus.FAILED,
                1,
                0,
                0,
                List.of(),
                message,
                started,
                OffsetDateTime.now(Dutch.ZONE),
                null);
    }

    /** The status for people: a loaded import whose rows a later one replaced reads "Vervangen". */
    public String statusText() {
        return status == ImportStatus.LOADED && replacedBy != null ? "Vervangen" : status.dutch();
    }

    public boolean succeeded() {
        return status == ImportStatus.LOADED || status == ImportStatus.UNCHANGED;
    }
}
