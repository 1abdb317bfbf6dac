package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A whole plan van aanpak as the API gives it and takes it back: what a GET answers can be PUT
 * again unchanged. Fields marked read-only are derived or kept by the workflow and are ignored
 * when a plan is saved; of a section only {@code text} is read, of an action its {@code id}
 * (to keep its progress notes) and the fields a person writes.
 */
@Schema(description = "Een plan van aanpak volgens het landelijk invulformat")
public record ActionPlan(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
        @Schema(description = "Het programma; alleen bij het aanmaken") Long programmeId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String programme,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Uiterste datum van indienen") LocalDate deadline,
        String title,
        @Schema(description = "Regiocodes, één of meer (een gezamenlijk plan, zoals ZK01 en ZK28)") List<String> regions,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) PlanStatus status,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String statusLabel,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Voor optimistisch vergrendelen; ook de ETag") Integer lockVersion,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "1, 2, …: een wijziging na indienen begint een nieuwe versie") Integer versionNumber,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) OffsetDateTime submittedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String submittedBy,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Ingediend na de uiterste datum") Boolean late,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Toelichting van de landelijke beoordeling") String reviewComment,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) OffsetDateTime reviewedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String reviewedBy,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) OffsetDateTime changedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String changedBy,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Percentage van de verplichte onderdelen dat is ingevuld") Integer completeness,
        Map<PlanSection, Section> sections,
        List<Objective> objectives,
        List<Action> actions,
        List<Milestone> milestones) {

    /** A written part of the template; {@code text} in light markup, {@code html} made from it safely. */
    public record Section(
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String title,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String guidance,
            String text,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String html) {
    }

    /** A SMART objective: the figure it moves, a target value or direction, and a date. */
    public record Objective(
            String description,
            PlanFigure figure,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String figureLabel,
            @Schema(description = "Profielcode (zoals GGZ03W), verplicht bij de stand van één profiel") String profileCode,
            Direction direction,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String directionLabel,
            BigDecimal targetValue,
            LocalDate targetDate,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Cijfer, streefwaarde of richting, en datum ingevuld") Boolean measurable) {
    }

    /** An action of the actions table: paragraph of the plan, text, owner, timeline and status. */
    public record Action(
            @Schema(description = "Leeg voor een nieuwe actie") Long id,
            @Schema(example = "5b. Toegang/bemiddeling/coördinatie") String paragraph,
            String description,
            @Schema(description = "Verantwoordelijke organisatie, bij voorkeur zoals een organisatie van de regio('s) heet "
                    + "(de organisaties van hun gebruikers); vrije tekst tot 200 tekens. Een zorgaanbieder meldt alleen voortgang "
                    + "op acties waarvan de eigen organisatie eigenaar is.", example = "Zorgkantoor Haaglanden") String owner,
            @Schema(example = "coördinator zorgkantoren") String ownerRole,
            @Schema(example = "Eind Q1 2024") String timeline,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Uit de tijdslijn; leeg bij continu") LocalDate dueDate,
            ActionStatus status,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String statusLabel,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) Boolean overdue,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) List<Progress> progress) {
    }

    /** A progress note on an action, with the status it gave the action. */
    public record Progress(String note, ActionStatus status, String statusLabel, OffsetDateTime writtenAt, String writtenBy) {
    }

    /** A line of the planning: activity, milestone and the date it is due. */
    public record Milestone(
            String activity,
            String milestone,
            LocalDate dueDate,
            Boolean done,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) Boolean overdue) {
    }
}
