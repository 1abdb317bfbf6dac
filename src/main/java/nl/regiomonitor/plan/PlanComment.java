package nl.regiomonitor.plan;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** A comment of client representation on a plan van aanpak, on the plan as a whole or on one section of it. */
@Schema(description = "Een reactie van cliëntvertegenwoordiging op een plan van aanpak")
public record PlanComment(
        long id,

        @Schema(description = "Het onderdeel waarop de reactie gaat; leeg voor het hele plan")
        PlanSection section,

        @Schema(description = "De titel van het onderdeel, of 'Het hele plan'")
        String sectionTitle,

        String text,

        @Schema(description = "De organisatie namens wie de reactie is geschreven")
        String organisation,

        OffsetDateTime writtenAt,

        @Schema(description = "De versie van het plan waarop is gereageerd")
        int planVersion) {

    static final String WHOLE_PLAN = "Het hele plan";
}
