package nl.regiomonitor.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;

/**
 * Two versions of a plan part by part: the title, the regions, each written section, each objective,
 * action and milestone, with the changed words of a changed part marked ({@link WordDiff}). Pure: no Spring, no
 * database.
 *
 * <p>Texts are compared as a reader sees them: line endings, spaces at the end of a line, blank lines
 * around the text, extra blank lines between paragraphs and non-breaking spaces do not count, so the
 * same text saved from the browser (CRLF) and through the API (LF) is no change. Progress is following
 * the plan, not changing it: the status of an action and whether a milestone is done are left out.
 * Actions are matched by their id, objectives and milestones by their text, so one row inserted in the
 * middle is one added part and does not make every row after it "changed".
 */
public final class PlanComparison {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private PlanComparison() {}

    /** How a part differs between the two versions. */
    public enum Change {
        UNCHANGED("Ongewijzigd"),
        CHANGED("Gewijzigd"),
        ADDED("Toegevoegd"),
        REMOVED("Vervallen");

        private final String dutch;

        Change(String dutch) {
            this.dutch = dutch;
        }

        public String dutch() {
            return dutch;
        }
    }

    /**
     * A run of text of one version; {@code marked} when it was removed (earlier version) or added (later version);
     * {@code omitted} when it stands for paragraphs both versions have alike, left out so the change stands out.
     */
    public record Piece(String text, boolean marked, boolean omitted) {
        Piece(String text, boolean marked) {
            this(text, marked, false);
        }
    }

    /** One part of the plan in both versions, each as pieces to render; an empty list for a part one version lacks. */
    public record Part(String label, Change change, List<Piece> before, List<Piece> after) {
        public boolean changed() {
            return change != Change.UNCHANGED;
        }
    }

    /** Every part of the plan in its order, changed or not. */
    public static List<Part> of(ActionPlan before, ActionPlan after) {
        List<Part> parts = new ArrayList<>();
        parts.add(part("Titel", before.title(), after.title()));
        parts.add(part(
                "Regio's",
                String.join(", ", orEmpty(before.regions()).stream().sorted().toList()),
                String.join(", ", orEmpty(after.regions()).stream().sorted().toList())));
        for (PlanSection section : PlanSection.values()) {
            parts.add(part(section.part() + ". " + section.title(), text(before, section), text(after, section)));
        }
        rows(
                parts,
                "Doelstelling",
                orEmpty(before.objectives()),
                orEmpty(after.objectives()),
                PlanComparison::objective,
                (a, b) -> objective(a).equals(objective(b)));
        // an action keeps its id when edited; one without an id (new, or sent without it) is matched on its text
        rows(
                parts,
                "Actie",
                orEmpty(before.actions()),
                orEmpty(after.actions()),
                PlanComparison::action,
                (a, b) -> a.id() != null && b.id() != null
                        ? a.id().equals(b.id())
                        : action(a).equals(action(b)));
        rows(
                parts,
                "Mijlpaal",
                orEmpty(before.milestones()),
                orEmpty(after.milestones()),
                PlanComparison::milestone,
                (a, b) -> milestone(a).equals(milestone(b)));
        return parts;
    }

    /** A text as a reader sees it, so differences a reader cannot see are no change. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u00A0', ' ')
                .replace('\u202F', ' ');
        String trimmed =
                String.join("\n", unified.lines().map(String::stripTrailing).toList());
        // a blank line starts a paragraph, whether one or three
        return trimmed.replaceAll("\n{3,}", "\n\n").replaceAll("^\n+", "").replaceAll("\n+$", "");
    }

    private static Part part(String label, String before, String after) {
        String left = normalise(before);
        String right = normalise(after);
        if (left.equals(right)) {
            List<Piece> same = left.isEmpty() ? List.of() : List.of(new Piece(left, false));
            return new Part(label, Change.UNCHANGED, same, same);
        }
        if (left.isEmpty() || right.isEmpty()) {
            return new Part(
                    label,
                    left.isEmpty() ? Change.ADDED : Change.REMOVED,
                    left.isEmpty() ? List.of() : List.of(new Piece(left, true)),
                    right.isEmpty() ? List.of() : List.of(new Piece(right, true)));
        }
        List<String[]> ops = WordDiff.ops(left, right);
        return new Part(label, Change.CHANGED, WordDiff.side(ops, "-"), WordDiff.side(ops, "+"));
    }

    /**
     * Rows of both versions aligned: the longest run of rows that are {@code same} in order stays matched,
     * and between two matched rows the others are paired by position (a row edited in place), the rest
     * added or removed. A row is numbered as in the later version, a removed one as in the earlier.
     */
    private static <T> void rows(
            List<Part> parts,
            String name,
            List<T> before,
            List<T> after,
            Function<T, String> text,
            BiPredicate<T, T> same) {
        int[][] lcs = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                lcs[i][j] = same.test(before.get(i), after.get(j))
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Integer> gapBefore = new ArrayList<>();
        List<Integer> gapAfter = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            if (i < before.size() && j < after.size() && same.test(before.get(i), after.get(j))) {
                gap(parts, name, before, after, text, gapBefore, gapAfter);
                parts.add(part(name + " " + (j + 1), text.apply(before.get(i++)), text.apply(after.get(j++))));
            } else if (i < before.size() && (j == after.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                gapBefore.add(i++);
            } else {
                gapAfter.add(j++);
            }
        }
        gap(parts, name, before, after, text, gapBefore, gapAfter);
    }

    /** The rows between two matched ones: paired by position, the rest added or removed; the gap is emptied. */
    private static <T> void gap(
            List<Part> parts,
            String name,
            List<T> before,
            List<T> after,
            Function<T, String> text,
            List<Integer> gapBefore,
            List<Integer> gapAfter) {
        for (int k = 0; k < Math.max(gapBefore.size(), gapAfter.size()); k++) {
            if (k < gapAfter.size()) {
                int j = gapAfter.get(k);
                parts.add(part(
                        name + " " + (j + 1),
                        k < gapBefore.size() ? text.apply(before.get(gapBefore.get(k))) : "",
                        text.apply(after.get(j))));
            } else {
                int i = gapBefore.get(k);
                parts.add(part(name + " " + (i + 1) + " van de eerdere versie", text.apply(before.get(i)), ""));
            }
        }
        gapBefore.clear();
        gapAfter.clear();
    }

    private static String text(ActionPlan plan, PlanSection section) {
        Map<PlanSection, ActionPlan.Section> sections = plan.sections() == null ? Map.of() : plan.sections();
        ActionPlan.Section s = sections.get(section);
        return s == null ? "" : s.text();
    }

    private static String objective(Objective o) {
        return lines(
                "Omschrijving",
                o.description(),
                "Cijfer",
                o.figure() == null ? null : o.figure().dutch(),
                "Profiel",
                o.profileCode(),
                "Richting",
                o.direction() == null ? null : o.direction().dutch(),
                "Streefwaarde",
                o.targetValue() == null
                        ? null
                        : o.figure() == null
                                ? o.targetValue()
                                        .stripTrailingZeros()
                                        .toPlainString()
                                        .replace('.', ',')
                                : o.figure().amount(o.targetValue()),
                "Te bereiken op",
                date(o.targetDate()));
    }

    /** An action as written: its status comes from progress reports and is left out. */
    private static String action(Action a) {
        return lines(
                "Paragraaf",
                a.paragraph(),
                "Actie",
                a.description(),
                "Eigenaar",
                a.owner(),
                "Rol van de eigenaar",
                a.ownerRole(),
                "Tijdslijn",
                a.timeline());
    }

    /** A milestone as planned: whether it is done is progress and is left out. */
    private static String milestone(Milestone m) {
        return lines("Activiteit", m.activity(), "Mijlpaal", m.milestone(), "Datum gereed", date(m.dueDate()));
    }

    /** "Label: value" per line, for the values that are filled in. */
    private static String lines(String... labelsAndValues) {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < labelsAndValues.length; k += 2) {
            String value = normalise(labelsAndValues[k + 1]);
            if (!value.isBlank()) {
                lines.add(labelsAndValues[k] + ": " + value);
            }
        }
        return String.join("\n", lines);
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
