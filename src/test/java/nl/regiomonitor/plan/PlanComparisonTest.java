package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.plan.ActionPlan.Progress;
import nl.regiomonitor.plan.ActionPlan.Section;
import nl.regiomonitor.plan.PlanComparison.Change;
import nl.regiomonitor.plan.PlanComparison.Part;
import nl.regiomonitor.plan.PlanComparison.Piece;

/** Two versions of a plan compared as a reader sees them: what changed, and only that. */
class PlanComparisonTest {

    /** The actions here name their owner's organisation only. */
    private static final String NO_ROLE = null;

    private static final String BACKGROUND = """
            De instroom in GGZ-W vanuit de Wmo is hoger dan verwacht.

            De jongvolwassenen vragen extra aandacht van alle partners.

            - Gemeenten en zorgkantoor trekken samen op.""";

    private static ActionPlan plan(String background, String lineEnding, List<Action> actions) {
        Map<PlanSection, Section> sections = new EnumMap<>(PlanSection.class);
        sections.put(PlanSection.BACKGROUND, Section.of(PlanSection.BACKGROUND, background.replace("\n", lineEnding)));
        sections.put(
                PlanSection.TARGET_GROUP,
                Section.of(
                        PlanSection.TARGET_GROUP,
                        "Jongvolwassenen.\n\nHun ouders en naasten.\n".replace("\n", lineEnding)));
        sections.put(PlanSection.PARTIES, Section.of(PlanSection.PARTIES, "Gemeenten,\u00A0zorgkantoor  \n"));
        List<Objective> objectives = List.of(Objective.of(
                        "Het aandeel jongvolwassenen daalt.",
                        PlanFigure.YOUNG_ADULT_SHARE,
                        Direction.DOWN,
                        LocalDate.of(2025, 12, 31))
                .withTargetValue(new BigDecimal("8")));
        List<Milestone> milestones =
                List.of(Milestone.of("Casustafel", "Eerste casustafel gehouden", LocalDate.of(2025, 3, 31), false));
        return plan(
                PlanStatus.SUBMITTED,
                1,
                PlanContent.titled("Plan van Haaglanden", List.of("ZK10"))
                        .withSections(sections)
                        .withObjectives(objectives)
                        .withActions(actions)
                        .withMilestones(milestones));
    }

    private static ActionPlan plan(PlanStatus status, int version, PlanContent content) {
        return ActionPlan.of(
                PlanState.builder(1, 1, "Programma")
                        .status(status)
                        .versions(version, version)
                        .build(),
                content);
    }

    private static Action action(long id, String description, ActionStatus status, List<Progress> progress) {
        return new Action(
                id,
                "5a. Samenwerken",
                description,
                "Gemeenten",
                NO_ROLE,
                "Eind Q1 2025",
                LocalDate.of(2025, 3, 31),
                status,
                status.dutch(),
                false,
                progress);
    }

    private static List<Action> actions() {
        return List.of(
                action(11, "Casustafel inrichten", ActionStatus.NOT_STARTED, List.of()),
                action(12, "Overzicht van plekken maken", ActionStatus.NOT_STARTED, List.of()),
                action(13, "Regiobijeenkomst houden", ActionStatus.NOT_STARTED, List.of()));
    }

    private static List<Part> changed(List<Part> parts) {
        return parts.stream().filter(Part::changed).toList();
    }

    private static String marked(List<Piece> pieces) {
        return String.join(
                "|", pieces.stream().filter(Piece::marked).map(Piece::text).toList());
    }

    @Test
    void oneEditedParagraphIsOneChangedPartWithItsWordsMarkedAndLineEndingsAreNoChange() {
        ActionPlan before = plan(BACKGROUND, "\n", actions());
        // saved from the browser: CRLF everywhere, and the second paragraph edited
        ActionPlan after = plan(BACKGROUND.replace("extra aandacht", "bijzondere aandacht"), "\r\n", actions());

        List<Part> changed = changed(PlanComparison.of(before, after));

        assertThat(changed).hasSize(1);
        Part part = changed.get(0);
        assertThat(part.label()).isEqualTo("B. Achtergrond en probleemstelling");
        assertThat(part.change()).isEqualTo(Change.CHANGED);
        assertThat(marked(part.before())).isEqualTo("extra");
        assertThat(marked(part.after())).isEqualTo("bijzondere");
        // the paragraphs both versions have alike are left out, said as such, so the change stands out
        assertThat(part.after())
                .extracting(Piece::text, Piece::marked, Piece::omitted)
                .containsExactly(
                        tuple("1 ongewijzigde alinea weggelaten", false, true),
                        tuple("\n\nDe jongvolwassenen vragen ", false, false),
                        tuple("bijzondere", true, false),
                        tuple(" aandacht van alle partners.\n\n", false, false),
                        tuple("1 ongewijzigde alinea weggelaten", false, true));
    }

    @Test
    void aReplacedPhraseIsOneDeletionAndOneInsertion() {
        Part part = changed(PlanComparison.of(
                        plan("De instroom daalt snel.", "\n", actions()),
                        plan("Het aantal stijgt snel.", "\n", actions())))
                .get(0);
        assertThat(marked(part.before())).isEqualTo("De instroom daalt");
        assertThat(marked(part.after())).isEqualTo("Het aantal stijgt");
    }

    @Test
    void progressIsNoChangeOfThePlan() {
        ActionPlan before = plan(BACKGROUND, "\n", actions());
        List<Action> followed = new ArrayList<>(actions());
        followed.set(
                1,
                action(
                        12,
                        "Overzicht van plekken maken",
                        ActionStatus.DELAYED,
                        List.of(new Progress(
                                "Wacht op de gemeenten.",
                                ActionStatus.DELAYED,
                                "Vertraagd",
                                OffsetDateTime.parse("2025-02-01T10:00:00+01:00"),
                                "gemeente.haaglanden"))));
        ActionPlan after = plan(BACKGROUND, "\n", followed);
        Milestone done = Milestone.of("Casustafel", "Eerste casustafel gehouden", LocalDate.of(2025, 3, 31), true);
        after = plan(PlanStatus.DRAFT, 2, after.content().withMilestones(List.of(done)));

        assertThat(changed(PlanComparison.of(before, after))).isEmpty();
    }

    @Test
    void anActionInsertedInTheMiddleIsOneAddedPart() {
        List<Action> more = new ArrayList<>(actions());
        more.add(1, Action.of("5b. Toegang", "Factsheet voor de toegang maken", "Zorgkantoor", NO_ROLE, "Q2 2025"));

        List<Part> changed =
                changed(PlanComparison.of(plan(BACKGROUND, "\n", actions()), plan(BACKGROUND, "\n", more)));

        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).label()).isEqualTo("Actie 2");
        assertThat(changed.get(0).change()).isEqualTo(Change.ADDED);
        assertThat(changed.get(0).before()).isEmpty();
        assertThat(marked(changed.get(0).after())).contains("Actie: Factsheet voor de toegang maken");
    }

    @Test
    void aRemovedObjectiveAndAnEditedActionAreEachOnePart() {
        ActionPlan before = plan(BACKGROUND, "\n", actions());
        List<Action> edited = new ArrayList<>(actions());
        edited.set(2, action(13, "Regiobijeenkomst met aanbieders houden", ActionStatus.NOT_STARTED, List.of()));
        ActionPlan after = plan(BACKGROUND, "\n", edited);
        after = plan(after.status(), 2, after.content().withObjectives(List.of()));

        List<Part> changed = changed(PlanComparison.of(before, after));

        assertThat(changed)
                .extracting(Part::label, Part::change)
                .containsExactly(
                        tuple("Doelstelling 1 van de eerdere versie", Change.REMOVED),
                        tuple("Actie 3", Change.CHANGED));
        assertThat(marked(changed.get(0).before())).contains("Streefwaarde: 8% van de instroom GGZ-W");
        assertThat(marked(changed.get(1).after())).isEqualTo("met aanbieders ");
    }

    @Test
    void normalisingKeepsWhatAReaderSees() {
        assertThat(PlanComparison.normalise("\r\n\r\nEen  \r\nTwee\r\rDrie\n\n\n\nVier\u00A0vijf \n\n"))
                .isEqualTo("Een\nTwee\n\nDrie\n\nVier vijf");
        assertThat(PlanComparison.normalise(null)).isEmpty();
    }

    @Test
    void aRunOfUnchangedParagraphsIsLeftOutAsOne() {
        String five = "Een.\n\nTwee.\n\nDrie.\n\nVier.\n\nVijf.";
        Part part = changed(PlanComparison.of(
                        plan(five, "\n", actions()), plan(five.replace("Vier.", "Vier, nu anders."), "\n", actions())))
                .get(0);
        assertThat(part.before())
                .extracting(Piece::text)
                .containsExactly(
                        "3 ongewijzigde alinea's weggelaten", "\n\nVier.\n\n", "1 ongewijzigde alinea weggelaten");
        assertThat(marked(part.after())).isEqualTo(", nu anders");
    }
}
