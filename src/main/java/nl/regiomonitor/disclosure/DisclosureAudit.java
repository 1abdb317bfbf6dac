package nl.regiomonitor.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What an outsider can work out from a protected table. The outsider knows everything published
 * and how it was made: counts are whole numbers; a shown cell (a shown 0 too) is exact; a
 * {@code <5} cell is 1 to threshold − 1; an {@code x} is at least the threshold, since
 * {@link CellSuppression} only hides such cells to protect others, except in the few places where
 * it shows a small count as {@code x}, so an {@code x} that could be one of those, judged from the
 * labels ({@link #maybeSmall}), is at least 1; every relation of the
 * {@link CountTable} holds (a sum as an equation; a {@link CountTable#union} as: no part exceeds
 * the total, and the parts add up to at least the total). For every {@code <5} cell this gives the
 * smallest and largest whole value consistent with all of it. The requirement: that range keeps at
 * least three values (at a threshold of 3 or less, every value a {@code <3} cell can have); one
 * value left is {@link Kind#PINNED}, two {@link Kind#NARROWED}.
 * <p>
 * Integer programs are slow, so most cells are settled without one (OR-Tools: GLOP for the linear
 * programs, SCIP for the integer ones; both sparse, so a component of thousands of hidden cells, as
 * tables linked over many periods give, is solved in about a second): an LP whose optimum
 * is a whole-numbered solution is a solution the outsider must allow, and one LP that minimises (or
 * maximises) the sum of many cells at once gives such a solution for all of them; a cell whose own
 * LP range, rounded inward, already holds too few values certainly fails. Only the cells these
 * leave open get an integer program of their own.
 */
public final class DisclosureAudit {

    /** How far the outsider gets: one value left, or two. */
    public enum Kind {
        PINNED,
        NARROWED
    }

    /** A {@code <5} cell whose whole-numbered range is too narrow: the smallest and largest value the outsider cannot rule out. */
    public record Finding(String key, long value, long lowest, long highest, Kind kind) {}

    private DisclosureAudit() {}

    /** Every small hidden cell of the pattern whose range is too narrow; empty when the table is safe. */
    public static List<Finding> audit(ProtectionPattern pattern, int threshold) {
        CountTable table = pattern.table();
        ProtectionPattern.Mark[] marks = new ProtectionPattern.Mark[table.size()];
        List<Integer> small = new ArrayList<>();
        for (int c = 0; c < table.size(); c++) {
            marks[c] = pattern.mark(c);
            if (pattern.hidden(c) && table.value(c) > 0 && table.value(c) < threshold) {
                small.add(c);
            }
        }
        if (pattern.cube() != null) {
            // a cell with a certificate is safe; only the others need a program over their component
            small = pattern.cube().uncertified(marks, threshold);
        }
        return check(table, marks, small, threshold, pattern.cube() != null).findings();
    }

    /**
     * How small a small total may be known to be at least before {@code <5} on it narrows it (and its
     * parts): from 3 up, a total of 1..t−1 keeps fewer than three values.
     */
    static int manySmallParts(int threshold) {
        return threshold - required(threshold) + 1;
    }

    /**
     * The {@code x} cells that may hide a small count, judged from the labels: those of a relation
     * that shows neither a {@code <5} nor a count above 0 (where {@link CellSuppression} may have
     * turned every {@code <5} into an {@code x}), and the {@link #smallTotals} with the {@code <5}
     * cells and those as small and the other {@code x} cells as candidates. The other {@code x}
     * cells are at least the threshold.
     */
    static boolean[] maybeSmall(CountTable table, ProtectionPattern.Mark[] marks, int threshold) {
        boolean[] maybe = new boolean[table.size()];
        for (int[] relation : table.relations()) {
            if (Arrays.stream(relation)
                    .noneMatch(c -> marks[c] == ProtectionPattern.Mark.PRIMARY
                            || marks[c] == ProtectionPattern.Mark.SHOWN && table.value(c) != 0)) {
                for (int c : relation) {
                    maybe[c] |= marks[c] == ProtectionPattern.Mark.SECONDARY;
                }
            }
        }
        boolean[] small = new boolean[table.size()];
        boolean[] candidate = new boolean[table.size()];
        for (int c = 0; c < small.length; c++) {
            small[c] = marks[c] == ProtectionPattern.Mark.PRIMARY || maybe[c];
            candidate[c] = marks[c] == ProtectionPattern.Mark.SECONDARY && !maybe[c];
        }
        boolean[] flagged = smallTotals(
                table,
                small,
                candidate,
                c -> marks[c] != ProtectionPattern.Mark.SHOWN || table.value(c) != 0,
                threshold);
        for (int c = 0; c < maybe.length; c++) {
            maybe[c] |= flagged[c];
        }
        return maybe;
    }

    /**
     * The {@code candidate} cells a {@code <5} would narrow: each small cell is at least 1, a sum at
     * least the sum of what its small (or flagged) parts are at least; a candidate that is at least
     * {@link #manySmallParts} this way is flagged, and so is a candidate equal to a flagged cell (the
     * two cells of a sum that are not zeros), since its {@code <5} would cap the other at t−1.
     */
    static boolean[] smallTotals(
            CountTable table, boolean[] small, boolean[] candidate, IntPredicate nonZero, int threshold) {
        int many = manySmallParts(threshold);
        long[] least = new long[table.size()];
        boolean[] flagged = new boolean[table.size()];
        for (int c = 0; c < least.length; c++) {
            least[c] = small[c] ? 1 : 0;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] relation : table.relations()) {
                if (table.isUnion(relation)) {
                    continue;
                }
                int total = relation[0];
                long sum = 0;
                for (int i = 1; i < relation.length; i++) {
                    sum += small[relation[i]] || flagged[relation[i]] ? least[relation[i]] : 0;
                }
                if ((small[total] || candidate[total]) && sum > least[total]) {
                    least[total] = sum;
                    changed = true;
                }
                if (candidate[total] && !flagged[total] && least[total] >= many) {
                    flagged[total] = true;
                    changed = true;
                }
                int[] pair = equalPair(table, relation, nonZero);
                if (pair != null) {
                    for (int k = 0; k < 2; k++) {
                        int one = pair[k];
                        int other = pair[1 - k];
                        if (flagged[one] && candidate[other] && !flagged[other]) {
                            flagged[other] = true;
                            least[other] = Math.max(least[other], least[one]);
                            changed = true;
                        }
                    }
                }
            }
        }
        return flagged;
    }

    /**
     * The total and the one part of a sum that are not (known) zeros, so equal; null when the sum has
     * another number of such parts, or is a union.
     */
    static int[] equalPair(CountTable table, int[] relation, IntPredicate nonZero) {
        if (table.isUnion(relation) || !nonZero.test(relation[0])) {
            return null;
        }
        int part = -1;
        for (int i = 1; i < relation.length; i++) {
            if (nonZero.test(relation[i])) {
                if (part >= 0) {
                    return null;
                }
                part = relation[i];
            }
        }
        return part < 0 ? null : new int[] {relation[0], part};
    }

    /** The values a small cell must keep open: three, or all it has when the threshold is 3 or less. */
    static int required(int threshold) {
        return Math.min(3, threshold - 1);
    }

    /** The cells proven safe, and the cells found too narrow with their exact range. */
    record Verdicts(Set<Integer> safe, List<Finding> findings) {}

    /**
     * Decides for each of {@code cells} (small, hidden) whether its whole-numbered range keeps enough
     * values.
     */
    static Verdicts check(CountTable table, ProtectionPattern.Mark[] marks, List<Integer> cells, int threshold) {
        return check(table, marks, cells, threshold, false);
    }

    /** @param anyX whether an {@code x} may hide any count, 0 too (as in a {@link LinkedCube}) */
    static Verdicts check(
            CountTable table, ProtectionPattern.Mark[] marks, List<Integer> cells, int threshold, boolean anyX) {
        boolean[] hidden = new boolean[table.size()];
        for (int c = 0; c < hidden.length; c++) {
            hidden[c] = marks[c] != ProtectionPattern.Mark.SHOWN;
        }
        int required = required(threshold);
        boolean[] maybeSmall = anyX ? null : maybeSmall(table, marks, threshold);
        Set<Integer> safe = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        Set<Integer> decided = new HashSet<>();
        for (int cell : cells) {
            if (decided.contains(cell)) {
                continue;
            }
            try (OutsiderProgram program =
                    new OutsiderProgram(table, hidden, marks, maybeSmall, component(table, hidden, cell), threshold)) {
                List<Integer> asked = cells.stream()
                        .filter(c -> !decided.contains(c) && program.holds(c))
                        .toList();
                decided.addAll(asked);
                program.witnessJointly(asked, required);
                for (int c : asked) {
                    long[] range = program.range(c, required);
                    if (range == null) {
                        safe.add(c);
                        continue;
                    }
                    long values = range[1] - range[0] + 1;
                    findings.add(new Finding(
                            table.key(c),
                            table.value(c),
                            range[0],
                            range[1],
                            values <= 1 ? Kind.PINNED : Kind.NARROWED));
                }
            }
        }
        return new Verdicts(safe, findings);
    }

    /** The smallest and largest whole value of hidden {@code cell} given what is published. */
    static long[] bounds(ProtectionPattern pattern, int cell) {
        CountTable table = pattern.table();
        ProtectionPattern.Mark[] marks = new ProtectionPattern.Mark[table.size()];
        boolean[] hidden = new boolean[table.size()];
        for (int c = 0; c < marks.length; c++) {
            marks[c] = pattern.mark(c);
            hidden[c] = pattern.hidden(c);
        }
        try (OutsiderProgram program = new OutsiderProgram(
                table,
                hidden,
                marks,
                pattern.cube() != null ? null : maybeSmall(table, marks, pattern.threshold()),
                component(table, hidden, cell),
                pattern.threshold())) {
            return new long[] {program.exact(cell, false), program.exact(cell, true)};
        }
    }

    /** The hidden cells connected to a hidden cell through relations (the cell first), and those relations. */
    record Component(List<Integer> members, List<int[]> relations) {}

    static Component component(CountTable table, boolean[] hidden, int cell) {
        Map<Integer, List<int[]>> relationsOf = new HashMap<>();
        for (int[] relation : table.relations()) {
            for (int c : relation) {
                if (hidden[c]) {
                    relationsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(relation);
                }
            }
        }
        List<Integer> members = new ArrayList<>(List.of(cell));
        Set<Integer> seen = new HashSet<>(members);
        List<int[]> involved = new ArrayList<>();
        Set<int[]> seenRelations = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int m = 0; m < members.size(); m++) {
            for (int[] relation : relationsOf.getOrDefault(members.get(m), List.of())) {
                if (seenRelations.add(relation)) {
                    involved.add(relation);
                    for (int c : relation) {
                        if (hidden[c] && seen.add(c)) {
                            members.add(c);
                        }
                    }
                }
            }
        }
        return new Component(members, involved);
    }
}
