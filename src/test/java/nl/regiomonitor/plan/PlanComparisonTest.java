package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.plan.ActionPlan.Progress;
import nl.regiomonitor.plan.ActionPlan.Section;
import nl.regiomonitor.plan.PlanComparison.Change;
import nl.regiomonitor.plan.PlanComparison.Part;
import nl.regiomonitor.plan.PlanComparison.Piece;
import org.junit.jupiter.api.Test;

/** Two versions of a plan compared as a reader sees them: what changed, and only that. */
class PlanComparisonTest {

    private static final String BACKGROUND = """
            De instroom in GGZ-W vanuit de Wmo is hoger dan verwacht.

            De jongvolwassenen vragen extra aandacht van alle partners.

            - Gemeenten en zorgkantoor trekken samen op.""";

    private static ActionPlan plan(String background, String lineEnding, List<Action> actions) {
        Map<PlanSection, Section> sections = new EnumMap<>(PlanSection.class);
        sections.put(PlanSection.BACKGROUND, new Section(null, null, background.replace("\n", lineEnding), null));
        sections.put(PlanSection.TARGET_GROUP, new Section(null, null, "Jongvolwassenen.\n\nHun ouders en naasten.\n"
                .replace("\n", lineEnding), null));
        sections.put(PlanSection.PARTIES, new Section(null, null, "Gemeenten,\u00A0zorgkantoor  \n", null));
        List<Objective> objectives = List.of(new Objective("Het aandeel jongvolwassenen daalt.", PlanFigure.YOUNG_ADULT_SHARE, null, null,
                Direction.DOWN, null, new java.math.BigDecimal("8"), LocalDate.of(2025, 12, 31), null));
        List<Milestone> milestones = List.of(new Milestone("Casustafel", "Eerste casustafel gehouden", LocalDate.of(2025, 3, 31), false, null));
        return new ActionPlan(1L, 1L, "Programma", null, "Plan van Haaglanden", List.of("ZK10"), PlanStatus.SUBMITTED, null, 1, 1,
                null, null, false, null, null, null, null, null, null, sections, objectives, actions, milestones);
    }

    private static Action action(long id, String description, ActionStatus status, List<Progress> progress) {
        return new Action(id, "5a. Samenwerken", description, "Gemeenten", null, "Eind Q1 2025", LocalDate.of(2025, 3, 31), status,
                status.dutch(), false, progress);
    }

    private static List<Action> actions() {
        return List.of(action(11, "Casustafel inrichten", ActionStatus.NOT_STARTED, List.of()),
                action(12, "Overzicht van plekken maken", ActionStatus.NOT_STARTED, List.of()),
                action(13, "Regiobijeenkomst houden", ActionStatus.NOT_STARTED, List.of()));
    }

    private static List<Part> changed(List<Part> parts) {
        return parts.stream().filter(Part::changed).toList();
    }

    private static String marked(List<Piece> pieces) {
        return String.join("|", pieces.stream().filter(Piece::marked).map(Piece::text).toList());
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
        assertThat(part.after()).extracting(Piece::text, Piece::marked, Piece::omitted).containsExactly(
                tuple("1 ongewijzigde alinea weggelaten", false, true),
                tuple("\n\nDe jongvolwassenen vragen ", false, false),
                tuple("bijzondere", true, false),
                tuple(" aandacht van alle partners.\n\n", false, false),
                tuple("1 ongewijzigde alinea weggelaten", false, true));
    }

    @Test
    void aReplacedPhraseIsOneDeletionAndOneInsertion() {
        Part part = changed(PlanComparison.of(plan("De instroom daalt snel.", "\n", actions()),
                plan("Het aantal stijgt snel.", "\n", actions()))).get(0);
        assertThat(marked(part.before())).isEqualTo("De instroom daalt");
        assertThat(marked(part.after())).isEqualTo("Het aantal stijgt");
    }

    @Test
    void progressIsNoChangeOfThePlan() {
        ActionPlan before = plan(BACKGROUND, "\n", actions());
        List<Action> followed = new ArrayList<>(actions());
        followed.set(1, action(12, "Overzicht van plekken maken", ActionStatus.DELAYED, List.of(new Progress("Wacht op de gemeenten.",
                ActionStatus.DELAYED, "Vertraagd", OffsetDateTime.parse("2025-02-01T10:00:00+01:00"), "gemeente.haaglanden"))));
        ActionPlan after = plan(BACKGROUND, "\n", followed);
        Milestone done = new Milestone("Casustafel", "Eerste casustafel gehouden", LocalDate.of(2025, 3, 31), true, null);
        after = new ActionPlan(after.id(), after.programmeId(), after.programme(), after.deadline(), after.title(), after.regions(),
                PlanStatus.DRAFT, null, 2, 2, null, null, false, null, null, null, null, null, null, after.sections(), after.objectives(),
                after.actions(), List.of(done));

        assertThat(changed(PlanComparison.of(before, after))).isEmpty();
    }

    @Test
    void anActionInsertedInTheMiddleIsOneAddedPart() {
        List<Action> more = new ArrayList<>(actions());
        more.add(1, new Action(null, "5b. Toegang", "Factsheet voor de toegang maken", "Zorgkantoor", null, "Q2 2025", null,
                ActionStatus.NOT_STARTED, null, null, null));

        List<Part> changed = changed(PlanComparison.of(plan(BACKGROUND, "\n", actions()), plan(BACKGROUND, "\n", more)));

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
        after = new ActionPlan(after.id(), after.programmeId(), after.programme(), after.deadline(), after.title(), after.regions(),
                after.status(), null, 2, 2, null, null, false, null, null, null, null, null, null, after.sections(), List.of(),
                after.actions(), after.milestones());

        List<Part> changed = changed(PlanComparison.of(before, after));

        assertThat(changed).extracting(Part::label, Part::change).containsExactly(
                tuple("Doelstelling 1 van de eerdere versie", Change.REMOVED),
                tuple("Actie 3", Change.CHANGED));
        assertThat(marked(changed.get(0).before())).contains("Streefwaarde: 8% van de instroom GGZ-W");
        assertThat(marked(changed.get(1).after())).isEqualTo("met aanbieders ");
    }

    @Test
    void normalisingKeepsWhatAReaderSees() {
        assertThat(PlanComparison.normalise("\r\n\r\nEen  \r\nTwee\r\rDrie\n\n\n\nVier\u00A0vijf \n\n")).isEqualTo("Een\nTwee\n\nDrie\n\nVier vijf");
        assertThat(PlanComparison.normalise(null)).isEmpty();
    }

    @Test
    void aRunOfUnchangedParagraphsIsLeftOutAsOne() {
        String five = "Een.\n\nTwee.\n\nDrie.\n\nVier.\n\nVijf.";
        Part part = changed(PlanComparison.of(plan(five, "\n", actions()), plan(five.replace("Vier.", "Vier, nu anders."), "\n", actions())))
                .get(0);
        assertThat(part.before()).extracting(Piece::text).containsExactly("3 ongewijzigde alinea's weggelaten", "\n\nVier.\n\n",
                "1 ongewijzigde alinea weggelaten");
        assertThat(marked(part.after())).isEqualTo(", nu anders");
    }
}
