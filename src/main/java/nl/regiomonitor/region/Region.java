package nl.regiomonitor.region;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/** A zorgkantoorregio with its population in {@link #populationYear()}. */
@Schema(description = "Een zorgkantoorregio met het aantal inwoners")
public record Region(
        @Schema(description = "CBS-code, bijvoorbeeld ZK10", example = "ZK10")
        String code,

        @Schema(description = "Naam", example = "Haaglanden")
        String name,

        @Schema(description = "Aantal inwoners in het laatst bekende jaar")
        long inhabitants,

        @Schema(description = "Aantal inwoners van 18 jaar en ouder in het laatst bekende jaar")
        long inhabitants18plus,

        @JsonIgnore Integer populationYear) {}
