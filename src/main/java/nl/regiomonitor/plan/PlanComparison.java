package nl.regiomonitor.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;

/**
 * Two versions of a plan part by part: the title, the regions, each written section, each objective,
 * action and milestone, with the changed words of a changed part marked. Pure: no Spring, no database.
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
    /** Words, single punctuation marks and runs of white space: the units a change is marked in. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|\\s+|[^\\p{L}\\p{N}\\s]");
    /** Above this many cells the word table costs too much memory; the changed middle is then marked as a whole. */
    private static final long MAX_CELLS = 4_000_000;

    private PlanComparison() {
    }

    /** How a part differs between the two versions. */
    public enum Change {
        UNCHANGED("Ongewijzigd"), CHANGED("Gewijzigd"), ADDED("Toegevoegd"), REMOVED("Vervallen");

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
        parts.add(part("Regio's", String.join(", ", orEmpty(before.regions()).stream().sorted().toList()),
                String.join(", ", orEmpty(after.regions()).stream().sorted().toList())));
        for (PlanSection section : PlanSection.values()) {
            parts.add(part(section.part() + ". " + section.title(), text(before, section), text(after, section)));
        }
        rows(parts, "Doelstelling", orEmpty(before.objectives()), orEmpty(after.objectives()), PlanComparison::objective,
                (a, b) -> objective(a).equals(objective(b)));
        // an action keeps its id when edited; one without an id (new, or sent without it) is matched on its text
        rows(parts, "Actie", orEmpty(before.actions()), orEmpty(after.actions()), PlanComparison::action,
                (a, b) -> a.id() != null && b.id() != null ? a.id().equals(b.id()) : action(a).equals(action(b)));
        rows(parts, "Mijlpaal", orEmpty(before.milestones()), orEmpty(after.milestones()), PlanComparison::milestone,
                (a, b) -> milestone(a).equals(milestone(b)));
        return parts;
    }

    /** A text as a reader sees it, so differences a reader cannot see are no change. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ').replace('\u202F', ' ');
        String trimmed = String.join("\n", unified.lines().map(String::stripTrailing).toList());
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
            return new Part(label, left.isEmpty() ? Change.ADDED : Change.REMOVED, left.isEmpty() ? List.of() : List.of(new Piece(left, true)),
                    right.isEmpty() ? List.of() : List.of(new Piece(right, true)));
        }
        List<String[]> ops = omitUnchangedParagraphs(diff(tokens(left), tokens(right)));
        return new Part(label, Change.CHANGED, side(ops, "-"), side(ops, "+"));
    }

    /**
     * Rows of both versions aligned: the longest run of rows that are {@code same} in order stays matched,
     * and between two matched rows the others are paired by position (a row edited in place), the rest
     * added or removed. A row is numbered as in the later version, a removed one as in the earlier.
     */
    private static <T> void rows(List<Part> parts, String name, List<T> before, List<T> after, Function<T, String> text,
                                 BiPredicate<T, T> same) {
        int[][] lcs = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                lcs[i][j] = same.test(before.get(i), after.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
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
    private static <T> void gap(List<Part> parts, String name, List<T> before, List<T> after, Function<T, String> text,
                                List<Integer> gapBefore, List<Integer> gapAfter) {
        for (int k = 0; k < Math.max(gapBefore.size(), gapAfter.size()); k++) {
            if (k < gapAfter.size()) {
                int j = gapAfter.get(k);
                parts.add(part(name + " " + (j + 1), k < gapBefore.size() ? text.apply(before.get(gapBefore.get(k))) : "",
                        text.apply(after.get(j))));
            } else {
                int i = gapBefore.get(k);
                parts.add(part(name + " " + (i + 1) + " van de eerdere versie", text.apply(before.get(i)), ""));
            }
        }
        gapBefore.clear();
        gapAfter.clear();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /**
     * The word operations turning {@code a} into {@code b}, each {"=", token}, {"-", token} or {"+", token}:
     * the common start and end set aside, a longest common subsequence of the rest.
     */
    private static List<String[]> diff(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<String[]> ops = new ArrayList<>();
        a.subList(0, start).forEach(t -> ops.add(new String[] {"=", t}));
        List<String> midA = a.subList(start, endA);
        List<String> midB = b.subList(start, endB);
        List<String[]> middle = new ArrayList<>();
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            midA.forEach(t -> middle.add(new String[] {"-", t}));
            midB.forEach(t -> middle.add(new String[] {"+", t}));
        } else {
            int[][] lcs = new int[midA.size() + 1][midB.size() + 1];
            for (int i = midA.size() - 1; i >= 0; i--) {
                for (int j = midB.size() - 1; j >= 0; j--) {
                    lcs[i][j] = midA.get(i).equals(midB.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < midA.size() || j < midB.size()) {
                if (i < midA.size() && j < midB.size() && midA.get(i).equals(midB.get(j))) {
                    middle.add(new String[] {"=", midA.get(i++)});
                    j++;
                } else if (j < midB.size() && (i == midA.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    middle.add(new String[] {"+", midB.get(j++)});
                } else {
                    middle.add(new String[] {"-", midA.get(i++)});
                }
            }
        }
        ops.addAll(readable(middle));
        a.subList(endA, a.size()).forEach(t -> ops.add(new String[] {"=", t}));
        return ops;
    }

    /**
     * A space kept between two changed words is counted as changed too, so "de instroom daalt" replaced by
     * "het aantal stijgt" reads as one deletion and one insertion instead of three of each.
     */
    private static List<String[]> readable(List<String[]> ops) {
        List<String[]> result = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            String[] op = ops.get(k);
            boolean between = k > 0 && k < ops.size() - 1 && !"=".equals(ops.get(k - 1)[0]) && !"=".equals(ops.get(k + 1)[0]);
            if ("=".equals(op[0]) && op[1].isBlank() && between) {
                result.add(new String[] {"-", op[1]});
                result.add(new String[] {"+", op[1]});
            } else {
                result.add(op);
            }
        }
        return result;
    }

    /**
     * Paragraphs (separated by a blank line) that both versions have alike are replaced, a run of them at a time,
     * by one {@code "…"} operation saying how many there were: a long text shows only the paragraphs that changed.
     */
    private static List<String[]> omitUnchangedParagraphs(List<String[]> ops) {
        List<List<String[]>> paragraphs = new ArrayList<>();
        List<String[]> separators = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        for (String[] op : ops) {
            if ("=".equals(op[0]) && op[1].contains("\n\n")) {
                paragraphs.add(current);
                separators.add(op);
                current = new ArrayList<>();
            } else {
                current.add(op);
            }
        }
        paragraphs.add(current);
        List<String[]> result = new ArrayList<>();
        int alike = 0;
        for (int k = 0; k < paragraphs.size(); k++) {
            boolean changed = paragraphs.get(k).stream().anyMatch(op -> !"=".equals(op[0]));
            if (!changed) {
                alike++;
            } else {
                result.addAll(paragraphs.get(k));
            }
            boolean last = k == paragraphs.size() - 1;
            if (alike > 0 && (last || paragraphs.get(k + 1).stream().anyMatch(op -> !"=".equals(op[0])))) {
                result.add(new String[] {"…", alike == 1 ? "1 ongewijzigde alinea weggelaten" : alike + " ongewijzigde alinea's weggelaten"});
                alike = 0;
            }
            if (!last && !(alike > 0)) {
                result.add(separators.get(k));
            }
        }
        return result;
    }

    /** One version's pieces: common text plain, its own ({@code "-"} before, {@code "+"} after) marked, runs joined. */
    private static List<Piece> side(List<String[]> ops, String own) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean marked = false;
        for (String[] op : ops) {
            if ("…".equals(op[0])) {
                if (!run.isEmpty()) {
                    pieces.add(new Piece(run.toString(), marked));
                    run.setLength(0);
                }
                pieces.add(new Piece(op[1], false, true));
                continue;
            }
            if (!"=".equals(op[0]) && !own.equals(op[0])) {
                continue;
            }
            boolean mark = own.equals(op[0]);
            if (mark != marked && !run.isEmpty()) {
                pieces.add(new Piece(run.toString(), marked));
                run.setLength(0);
            }
            marked = mark;
            run.append(op[1]);
        }
        if (!run.isEmpty()) {
            pieces.add(new Piece(run.toString(), marked));
        }
        return pieces;
    }

    private static String text(ActionPlan plan, PlanSection section) {
        Map<PlanSection, ActionPlan.Section> sections = plan.sections() == null ? Map.of() : plan.sections();
        ActionPlan.Section s = sections.get(section);
        return s == null ? "" : s.text();
    }

    private static String objective(Objective o) {
        return lines("Omschrijving", o.description(), "Cijfer", o.figure() == null ? null : o.figure().dutch(), "Profiel", o.profileCode(),
                "Richting", o.direction() == null ? null : o.direction().dutch(), "Streefwaarde", o.targetValue() == null ? null
                        : o.figure() == null ? o.targetValue().stripTrailingZeros().toPlainString().replace('.', ',')
                        : o.figure().amount(o.targetValue()), "Te bereiken op", date(o.targetDate()));
    }

    /** An action as written: its status comes from progress reports and is left out. */
    private static String action(Action a) {
        return lines("Paragraaf", a.paragraph(), "Actie", a.description(), "Eigenaar", a.owner(), "Rol van de eigenaar", a.ownerRole(),
                "Tijdslijn", a.timeline());
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
