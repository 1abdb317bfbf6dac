package nl.regiomonitor.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The secondary suppression of {@link CellSuppression}: extra hidden cells ({@code x}) after the primary rule, until
 * the {@link DisclosureAudit} finds every small hidden cell safe. Only cells that may be shown are chosen, so nothing
 * here reads the value of a small cell.
 */
final class SecondarySuppression {

    private final int threshold;

    SecondarySuppression(int threshold) {
        this.threshold = threshold;
    }

    /** Adds secondary cells to {@code marks} until every small hidden cell is safe. */
    ProtectionPattern complete(CountTable table, ProtectionPattern.Mark[] marks) {
        boolean[] hidden = new boolean[table.size()];
        List<Integer> small = new ArrayList<>();
        for (int c = 0; c < marks.length; c++) {
            hidden[c] = marks[c] != ProtectionPattern.Mark.SHOWN;
            if (hidden[c] && isSmall(table.value(c))) {
                small.add(c);
            }
        }
        if (small.isEmpty()) {
            return new ProtectionPattern(table, marks, threshold);
        }
        Set<Integer> totals = new HashSet<>();
        table.relations().forEach(r -> totals.add(r[0]));
        // only cells that may be shown are candidates, so this reads no small count
        Comparator<Integer> leastLoss = Comparator.<Integer, Boolean>comparing(totals::contains)
                .thenComparingLong(table::value)
                .thenComparingInt(c -> c);
        // hiding more cells only widens what a hidden cell can be, so a cell once safe stays safe
        Set<Integer> safe = new HashSet<>();
        while (true) {
            closeRelations(table, hidden, marks, leastLoss);
            List<Integer> weak = weak(table, marks, small, safe);
            if (weak.isEmpty()) {
                return new ProtectionPattern(table, marks, threshold);
            }
            // one more hidden cell for each weak cell in a round (a round of audits costs more than a cell),
            // except where this round already changed a relation of it: that may have been enough
            Set<Integer> touched = new HashSet<>();
            for (int cell : weak) {
                if (touched.contains(cell)) {
                    continue;
                }
                Integer extra = bestNeighbour(table, hidden, List.of(cell), leastLoss);
                if (extra == null) {
                    extra = bestNeighbour(
                            table,
                            hidden,
                            DisclosureAudit.component(table, hidden, cell).members(),
                            leastLoss);
                }
                if (extra != null) {
                    hide(extra, hidden, marks);
                    touched.addAll(neighbours(table, extra));
                } else if (relabel(table, cell, marks)) {
                    // every cell around it is hidden or 0, and still <5 and x ≥ threshold narrow it: those relations
                    // show only x
                    touched.addAll(neighbours(table, cell));
                } else {
                    throw new IllegalStateException("Cel " + table.key(cell) + " is niet te beschermen");
                }
            }
        }
    }

    /** The cells that share a relation with {@code cell}. */
    static Set<Integer> neighbours(CountTable table, int cell) {
        Set<Integer> neighbours = new HashSet<>();
        for (int[] relation : table.relations()) {
            if (Arrays.stream(relation).anyMatch(c -> c == cell)) {
                Arrays.stream(relation).forEach(neighbours::add);
            }
        }
        return neighbours;
    }

    /** Turns every {@code <5} of the relations of {@code cell} into an {@code x}; false when there was none. */
    private static boolean relabel(CountTable table, int cell, ProtectionPattern.Mark[] marks) {
        boolean changed = false;
        for (int[] relation : table.relations()) {
            if (Arrays.stream(relation).anyMatch(c -> c == cell)) {
                for (int c : relation) {
                    if (marks[c] == ProtectionPattern.Mark.PRIMARY) {
                        marks[c] = ProtectionPattern.Mark.SECONDARY;
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    private boolean isSmall(long value) {
        return value > 0 && value < threshold;
    }

    /** The small cells the audit finds too narrow, in table order; those it finds safe join {@code safe}. */
    private List<Integer> weak(
            CountTable table, ProtectionPattern.Mark[] marks, List<Integer> small, Set<Integer> safe) {
        List<Integer> open = small.stream().filter(c -> !safe.contains(c)).toList();
        DisclosureAudit.Verdicts verdicts = DisclosureAudit.check(table, marks, open, threshold);
        safe.addAll(verdicts.safe());
        return verdicts.findings().stream()
                .map(f -> table.indexOf(f.key()))
                .sorted()
                .toList();
    }

    /**
     * Hides one more cell of every relation that gives a hidden cell away, until none does: a sum
     * with a single hidden cell, and a sum with a published total whose hidden parts are all
     * {@code <5} and whose known sum leaves one of them too few values (six {@code <5} adding up to
     * 6 are each 1). Both are certain leaks, found without solving anything.
     */
    private void closeRelations(
            CountTable table, boolean[] hidden, ProtectionPattern.Mark[] marks, Comparator<Integer> leastLoss) {
        int required = DisclosureAudit.required(threshold);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] relation : table.relations()) {
                if (table.isUnion(relation)) {
                    // a union pins no cell exactly; the audit finds what it does bound
                    continue;
                }
                int count = 0;
                int bounded = 0;
                long hiddenSum = hidden[relation[0]] ? 0 : table.value(relation[0]);
                Integer best = null;
                for (int i = 0; i < relation.length; i++) {
                    int c = relation[i];
                    if (hidden[c]) {
                        count++;
                        bounded += i > 0 && marks[c] == ProtectionPattern.Mark.PRIMARY ? 1 : 0;
                    } else {
                        hiddenSum -= i > 0 ? table.value(c) : 0;
                        if (table.value(c) >= threshold && (best == null || leastLoss.compare(c, best) < 0)) {
                            best = c;
                        }
                    }
                }
                // k parts of 1..t−1 adding up to s: each lies in [max(1, s − (t−1)(k−1)), min(t−1, s − (k−1))]
                boolean narrowed = !hidden[relation[0]]
                        && bounded == count
                        && bounded > 0
                        && Math.min(threshold - 1, hiddenSum - (bounded - 1))
                                        - Math.max(1, hiddenSum - (long) (threshold - 1) * (bounded - 1))
                                        + 1
                                < required;
                if (best != null && (count == 1 || narrowed)) {
                    hide(best, hidden, marks);
                    changed = true;
                }
            }
        }
    }

    /** The shown cell (at least the threshold) that loses least among those sharing a relation with any of {@code cells}. */
    private Integer bestNeighbour(
            CountTable table, boolean[] hidden, List<Integer> cells, Comparator<Integer> leastLoss) {
        Set<Integer> of = new HashSet<>(cells);
        Integer best = null;
        for (int[] relation : table.relations()) {
            boolean touches = false;
            for (int c : relation) {
                touches |= of.contains(c);
            }
            if (touches) {
                for (int c : relation) {
                    if (!hidden[c] && table.value(c) >= threshold && (best == null || leastLoss.compare(c, best) < 0)) {
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
