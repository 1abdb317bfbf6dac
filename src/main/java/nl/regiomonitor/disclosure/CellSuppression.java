package nl.regiomonitor.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Protects a {@link CountTable}. Primary rule: a cell counting 1 to threshold − 1 clients is hidden
 * ({@code <5}); 0 is shown. Secondary suppression then hides extra cells ({@code x}) until the
 * {@link DisclosureAudit} finds no primary cell that can be bounded more tightly than
 * [0, threshold]:
 * <ol>
 *   <li>a sum with exactly one hidden cell gives it away, and so does a sum with a published total
 *       whose hidden parts hold a {@code <5} and add up to less than the threshold: hide one more
 *       cell of it (found without solving anything);</li>
 *   <li>a primary cell the audit still finds too narrow gets one more hidden cell among the
 *       cells it shares a relation with (or, when those are all hidden, among those of its
 *       hidden neighbours); repeat from 1.</li>
 * </ol>
 * The extra cell is chosen to lose as little as possible: a cell that is no total before one that
 * is, then the smallest count that is at least the threshold (a zero cannot move down, so it
 * protects nothing in that direction), then the lowest position. The table's order fixes the
 * outcome: the same table always gets the same pattern.
 */
@Component
public class CellSuppression {

    private final int threshold;

    public CellSuppression(@Value("${regiomonitor.disclosure.threshold:5}") int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("De drempel voor kleine aantallen is minstens 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** The words for a hidden small count at this threshold. */
    public SmallCells smallCells() {
        return new SmallCells(threshold);
    }

    /** Only the primary rule: what the tables looked like before secondary suppression, for the audit to catch. */
    public ProtectionPattern primaryOnly(CountTable table) {
        return new ProtectionPattern(table, primary(table), threshold);
    }

    public ProtectionPattern protect(CountTable table) {
        return complete(table, primary(table), Set.of());
    }

    /**
     * Protects {@code extended}: the cells of the protected table of {@code base} (under the same
     * keys), plus new cells, each the total of relations over cells of {@code base} only. Such a
     * total is shown only when all its parts are shown, so it tells nothing the parts do not
     * already, and the cells of {@code base} stay as safe as they were; closing and the audit then
     * run over the whole table from there. A table that ties many others together (every region's
     * all profiles) is protected this way in seconds, where suppressing it from scratch takes minutes.
     */
    public ProtectionPattern extend(ProtectionPattern base, CountTable extended) {
        CountTable known = base.table();
        ProtectionPattern.Mark[] marks = primary(extended);
        for (int c = 0; c < extended.size(); c++) {
            if (known.contains(extended.key(c))) {
                marks[c] = base.mark(extended.key(c));
            }
        }
        Set<List<String>> baseRelations = new HashSet<>();
        known.relations().forEach(r -> baseRelations.add(keys(known, r)));
        for (int[] relation : extended.relations()) {
            boolean newTotal = !known.contains(extended.key(relation[0]));
            boolean newPart = false;
            boolean hiddenPart = false;
            for (int i = 1; i < relation.length; i++) {
                newPart |= !known.contains(extended.key(relation[i]));
                hiddenPart |= marks[relation[i]] != ProtectionPattern.Mark.SHOWN;
            }
            // a new relation between cells of base would tell more about them than base was protected against
            if (newPart || !newTotal && !baseRelations.contains(keys(extended, relation))) {
                throw new IllegalArgumentException("Cel " + extended.key(relation[0]) + " is geen totaal van beschermde cellen");
            }
            if (newTotal && hiddenPart && marks[relation[0]] == ProtectionPattern.Mark.SHOWN) {
                marks[relation[0]] = ProtectionPattern.Mark.SECONDARY;
            }
        }
        Set<String> safe = new HashSet<>();
        for (int c = 0; c < known.size(); c++) {
            safe.add(known.key(c));
        }
        return complete(extended, marks, safe);
    }

    private static List<String> keys(CountTable table, int[] relation) {
        return Arrays.stream(relation).mapToObj(table::key).toList();
    }

    /** Adds secondary cells to {@code marks} until every primary cell is safe; those of {@code safe} are already. */
    private ProtectionPattern complete(CountTable table, ProtectionPattern.Mark[] marks, Set<String> safeKeys) {
        boolean[] hidden = new boolean[table.size()];
        List<Integer> primaries = new ArrayList<>();
        for (int c = 0; c < marks.length; c++) {
            hidden[c] = marks[c] != ProtectionPattern.Mark.SHOWN;
            if (marks[c] == ProtectionPattern.Mark.PRIMARY) {
                primaries.add(c);
            }
        }
        if (primaries.isEmpty()) {
            return new ProtectionPattern(table, marks, threshold);
        }
        Set<Integer> totals = new HashSet<>();
        table.relations().forEach(r -> totals.add(r[0]));
        Comparator<Integer> leastLoss = Comparator.<Integer, Boolean>comparing(totals::contains)
                .thenComparing(c -> table.value(c) < threshold)
                .thenComparingLong(table::value)
                .thenComparingInt(c -> c);
        // hiding more cells only widens what a hidden cell can be, so a cell once safe stays safe
        Set<Integer> safe = new HashSet<>();
        safeKeys.forEach(key -> safe.add(table.indexOf(key)));
        while (true) {
            closeRelations(table, hidden, marks, leastLoss);
            Integer weak = firstWeak(table, hidden, primaries, safe);
            if (weak == null) {
                return new ProtectionPattern(table, marks, threshold);
            }
            Integer extra = bestNeighbour(table, hidden, List.of(weak), leastLoss);
            if (extra == null) {
                extra = bestNeighbour(table, hidden, DisclosureAudit.component(table, hidden, weak).members(), leastLoss);
            }
            if (extra == null) {
                throw new IllegalStateException("Cel " + table.key(weak) + " is niet te beschermen");
            }
            hide(extra, hidden, marks);
        }
    }

    private Integer firstWeak(CountTable table, boolean[] hidden, List<Integer> primaries, Set<Integer> safe) {
        List<Integer> open = primaries.stream().filter(c -> !safe.contains(c)).toList();
        DisclosureAudit.Verdicts verdicts = DisclosureAudit.check(table, hidden, open, threshold, true);
        safe.addAll(verdicts.safe());
        return verdicts.findings().isEmpty() ? null : table.indexOf(verdicts.findings().get(0).key());
    }

    private ProtectionPattern.Mark[] primary(CountTable table) {
        ProtectionPattern.Mark[] marks = new ProtectionPattern.Mark[table.size()];
        for (int c = 0; c < marks.length; c++) {
            long value = table.value(c);
            marks[c] = value > 0 && value < threshold ? ProtectionPattern.Mark.PRIMARY : ProtectionPattern.Mark.SHOWN;
        }
        return marks;
    }

    /**
     * Hides one more cell of every relation that gives a hidden cell away, until none does: a
     * relation with a single hidden cell, and a relation with a published total whose hidden parts
     * hold a {@code <5} cell but add up to less than the threshold (that sum is known, and no part
     * can exceed it). Both are certain leaks, found without solving anything.
     */
    private void closeRelations(CountTable table, boolean[] hidden, ProtectionPattern.Mark[] marks,
                                Comparator<Integer> leastLoss) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] relation : table.relations()) {
                if (table.isUnion(relation)) {
                    // a union pins no cell exactly; the audit finds what it does bound
                    continue;
                }
                int count = 0;
                long hiddenParts = 0;
                boolean primary = false;
                Integer best = null;
                for (int i = 0; i < relation.length; i++) {
                    int c = relation[i];
                    if (hidden[c]) {
                        count++;
                        hiddenParts += i > 0 ? table.value(c) : 0;
                        primary |= marks[c] == ProtectionPattern.Mark.PRIMARY;
                    } else if (best == null || leastLoss.compare(c, best) < 0) {
                        best = c;
                    }
                }
                boolean tooLittleHidden = !hidden[relation[0]] && primary && hiddenParts < threshold;
                if (best != null && (count == 1 || tooLittleHidden)) {
                    hide(best, hidden, marks);
                    changed = true;
                }
            }
        }
    }

    /** The shown cell that loses least among those sharing a relation with any of {@code cells}. */
    private static Integer bestNeighbour(CountTable table, boolean[] hidden, List<Integer> cells, Comparator<Integer> leastLoss) {
        Set<Integer> of = new HashSet<>(cells);
        Integer best = null;
        for (int[] relation : table.relations()) {
            boolean touches = false;
            for (int c : relation) {
                touches |= of.contains(c);
            }
            if (touches) {
                for (int c : relation) {
                    if (!hidden[c] && (best == null || leastLoss.compare(c, best) < 0)) {
                        best = c;
                    }
                }
            }
        }
        return best;
    }

    private static void hide(int cell, boolean[] hidden, ProtectionPattern.Mark[] marks) {
        hidden[cell] = true;
        marks[cell] = ProtectionPattern.Mark.SECONDARY;
    }
}
