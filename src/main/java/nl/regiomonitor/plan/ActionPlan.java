package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.regiomonitor.web.RichText;

/**
 * A whole plan van aanpak as the API gives it and takes it back: what a GET answers can be PUT
 * again unchanged. Fields marked read-only are derived or kept by the workflow and are ignored
 * when a plan is saved; of a section only {@code text} is read, of an action its {@code id}
 * (to keep its progress notes) and the fields a person writes. It is also the shape of a stored version (the snapshot
 * in {@code plan_version}). Inside the application a plan is its {@link PlanContent} and its {@link PlanState}.
 */
@Schema(description = "Een plan van aanpak volgens het landelijk invulformat")
public record ActionPlan(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,

        @Schema(description = "Het programma; alleen bij het aanmaken")
        Long programmeId,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String programme,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Uiterste datum van indienen")
        LocalDate deadline,

        String title,

        @Schema(description = "Regiocodes, één of meer (een gezamenlijk plan, zoals ZK01 en ZK28)")
        List<String> regions,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY) PlanStatus status,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String statusLabel,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Voor optimistisch vergrendelen; ook de ETag")
        Integer lockVersion,

        @Schema(
                accessMode = Schema.AccessMode.READ_ONLY,
                description = "1, 2, …: een wijziging na indienen begint een nieuwe versie")
        Integer versionNumber,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY) OffsetDateTime submittedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String submittedBy,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Ingediend na de uiterste datum")
        Boolean late,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Toelichting van de landelijke beoordeling")
        String reviewComment,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY) OffsetDateTime reviewedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String reviewedBy,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) OffsetDateTime changedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String changedBy,

        @Schema(
                accessMode = Schema.AccessMode.READ_ONLY,
                description = "Percentage van de verplichte onderdelen dat is ingevuld")
        Integer completeness,

        Map<PlanSection, Section> sections,
        List<Objective> objectives,
        List<Action> actions,
        List<Milestone> milestones) {

    /** The plan as the API shows it: what the system keeps and what people wrote, with how complete that is. */
    public static ActionPlan of(PlanState state, PlanContent content) {
        return new ActionPlan(
                state.id(),
                state.programmeId(),
                state.programme(),
                state.deadline(),
                content.title(),
                content.regions(),
                state.status(),
                state.status().dutch(),
                state.lockVersion(),
                state.versionNumber(),
                state.submittedAt(),
                state.submittedBy(),
                state.late(),
                state.reviewComment(),
                state.reviewedAt(),
                state.reviewedBy(),
                state.changedAt(),
                state.changedBy(),
                content.completeness(),
                content.sections(),
                content.objectives(),
                content.actions(),
                content.milestones());
    }

    /** What people wrote in this plan; what the API marks read-only is not part of it. */
    public PlanContent content() {
        return new PlanContent(title, regions, sections, objectives, actions, milestones);
    }

    /** A written part of the template; {@code text} in light markup, {@code html} made from it safely. */
    public record Section(
            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            String title,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            String guidance,

            String text,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            String html) {

        /** The text written in {@code section}, with the template's title and guidance and the text made into HTML. */
        public static Section of(PlanSection section, String text) {
            return new Section(section.title(), section.guidance(), text, text == null ? null : RichText.toHtml(text));
        }
    }

    /** A SMART objective: the figure it moves, a target value or direction, and a date. */
    public record Objective(
            String description,
            PlanFigure figure,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            String figureLabel,

            @Schema(description = "Profielcode (zoals GGZ03W), verplicht bij de stand van één profiel")
            String profileCode,

            Direction direction,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            String directionLabel,

            BigDecimal targetValue,
            LocalDate targetDate,

            @Schema(
                    accessMode = Schema.AccessMode.READ_ONLY,
                    description = "Cijfer, streefwaarde of richting, en datum ingevuld")
            Boolean measurable) {

        /** An objective on {@code figure}, of no single profile and without a target value (see the {@code with…}s). */
        public static Objective of(String description, PlanFigure figure, Direction direction, LocalDate targetDate) {
            return written(description, figure, null, direction, null, targetDate);
        }

        /** An objective as written; its labels, and whether it is measurable, follow from what is filled in. */
        public static Objective written(
                String description,
                PlanFigure figure,
                String profileCode,
                Direction direction,
                BigDecimal targetValue,
                LocalDate targetDate) {
            return new Objective(
                    description,
                    figure,
                    figure == null ? null : figure.dutch(),
                    profileCode,
                    direction,
                    direction == null ? null : direction.dutch(),
                    targetValue,
                    targetDate,
                    figure != null && (direction != null || targetValue != null) && targetDate != null);
        }

        public Objective withProfileCode(String code) {
            return written(description, figure, code, direction, targetValue, targetDate);
        }

        public Objective withTargetValue(BigDecimal value) {
            return written(description, figure, profileCode, direction, value, targetDate);
        }
    }

    /** An action of the actions table: paragraph of the plan, text, owner, timeline and status. */
    public record Action(
            @Schema(description = "Leeg voor een nieuwe actie")
            Long id,

            @Schema(example = "5b. Toegang/bemiddeling/coördinatie")
            String paragraph,

            String description,

            @Schema(
                    description =
                            "Verantwoordelijke organisatie, bij voorkeur zoals een organisatie van de regio('s) heet "
                                    + "(de organisaties van hun gebruikers); vrije tekst tot 200 tekens. Een zorgaanbieder meldt alleen voortgang "
                                    + "op acties waarvan de eigen organisatie eigenaar is.",
                    example = "Zorgkantoor Haaglanden")
            String owner,

            @Schema(example = "coördinator zorgkantoren") String ownerRole,
            @Schema(example = "Eind Q1 2024") String timeline,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Uit de tijdslijn; leeg bij continu")
            LocalDate dueDate,

            ActionStatus status,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            String statusLabel,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            Boolean overdue,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            List<Progress> progress) {

        /** A new action, not started, without progress; its due date follows from the timeline. */
        public static Action of(String paragraph, String description, String owner, String ownerRole, String timeline) {
            return new Action(
                    null,
                    paragraph,
                    description,
                    owner,
                    ownerRole,
                    timeline,
                    dueOf(timeline),
                    ActionStatus.NOT_STARTED,
                    ActionStatus.NOT_STARTED.dutch(),
                    false,
                    List.of());
        }

        /** This action as the stored action {@code id}, so its progress notes stay with it. */
        public Action withId(Long id) {
            return new Action(
                    id,
                    paragraph,
                    description,
                    owner,
                    ownerRole,
                    timeline,
                    dueDate,
                    status,
                    statusLabel,
                    overdue,
                    progress);
        }

        public Action withStatus(ActionStatus status) {
            return new Action(
                    id,
                    paragraph,
                    description,
                    owner,
                    ownerRole,
                    timeline,
                    dueDate,
                    status,
                    status.dutch(),
                    overdue,
                    progress);
        }

        /** The date a timeline says an action is due; none for "Continu" or a timeline that cannot be read. */
        static LocalDate dueOf(String timeline) {
            return Timeline.parse(timeline).map(Timeline::due).orElse(null);
        }
    }

    /** A progress note on an action, with the status it gave the action. */
    public record Progress(
            String note, ActionStatus status, String statusLabel, OffsetDateTime writtenAt, String writtenBy) {}

    /** A line of the planning: activity, milestone and the date it is due. */
    public record Milestone(
            String activity,
            String milestone,
            LocalDate dueDate,
            Boolean done,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY)
            Boolean overdue) {

        /** A line of the planning as written; whether it is overdue is known once it is stored. */
        public static Milestone of(String activity, String milestone, LocalDate dueDate, boolean done) {
            return new Milestone(activity, milestone, dueDate, done, false);
        }
    }
}
