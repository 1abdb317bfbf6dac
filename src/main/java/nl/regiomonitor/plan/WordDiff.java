package nl.regiomonitor.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.regiomonitor.plan.PlanComparison.Piece;

/**
 * The changed words between two texts of a plan part, as operations {"=", token}, {"-", token} or {"+", token}, and
 * each version's side of them as pieces to render. Pure: no Spring, no database.
 */
final class WordDiff {

    /** Words, single punctuation marks and runs of white space: the units a change is marked in. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|\\s+|[^\\p{L}\\p{N}\\s]");
    /** Above this many cells the word table costs too much memory; the changed middle is then marked as a whole. */
    private static final long MAX_CELLS = 4_000_000;

    private WordDiff() {}

    /** The word operations turning {@code left} into {@code right}, with paragraphs both have alike left out. */
    static List<String[]> ops(String left, String right) {
        return omitUnchangedParagraphs(diff(tokens(left), tokens(right)));
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
                    lcs[i][j] = midA.get(i).equals(midB.get(j))
                            ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
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
            boolean between =
                    k > 0 && k < ops.size() - 1 && !"=".equals(ops.get(k - 1)[0]) && !"=".equals(ops.get(k + 1)[0]);
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
                result.add(new String[] {
                    "…", alike == 1 ? "1 ongewijzigde alinea weggelaten" : alike + " ongewijzigde alinea's weggelaten"
                });
                alike = 0;
            }
            if (!last && !(alike > 0)) {
                result.add(separators.get(k));
            }
        }
        return result;
    }

    /** One version's pieces: common text plain, its own ({@code "-"} before, {@code "+"} after) marked, runs joined. */
    static List<Piece> side(List<String[]> ops, String own) {
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
}
