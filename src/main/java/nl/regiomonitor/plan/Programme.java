package nl.regiomonitor.plan;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** A national programme that asks every region for a plan van aanpak by a deadline, with its aim. */
@Schema(description = "Een landelijk programma waarvoor de regio's een plan van aanpak indienen")
public record Programme(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
        @Schema(example = "Regioaanpak instroom Wlz-ggz-W") String name,

        @Schema(description = "Uiterste datum van indienen", example = "2023-12-31")
        LocalDate deadline,

        @Schema(description = "Landelijk streven: instroom per maand", example = "100")
        Integer monthlyAim) {

    /** A programme still to be created, so without an id. */
    static Programme named(String name, LocalDate deadline, int monthlyAim) {
        return new Programme(null, name, deadline, monthlyAim);
    }
}
