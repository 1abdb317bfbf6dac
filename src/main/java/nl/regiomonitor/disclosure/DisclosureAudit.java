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

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

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

    private static final double TOLERANCE = 1e-6;

    /** How far the outsider gets: one value left, or two. */
    public enum Kind {
        PINNED, NARROWED
    }

    /** A {@code <5} cell whose whole-numbered range is too narrow: the smallest and largest value the outsider cannot rule out. */
    public record Finding(String key, long value, long lowest, long highest, Kind kind) {
    }

    static {
        // OR-Tools' solvers are native code, shipped for Linux in the ortools-linux-x86-64 jar
        Loader.loadNativeLibraries();
    }

    private DisclosureAudit() {
    }

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
            if (Arrays.stream(relation).noneMatch(c -> marks[c] == ProtectionPattern.Mark.PRIMARY
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
        boolean[] flagged = smallTotals(table, small, candidate, c -> marks[c] != ProtectionPattern.Mark.SHOWN || table.value(c) != 0, threshold);
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
    static boolean[] smallTotals(CountTable table, boolean[] small, boolean[] candidate, IntPredicate nonZero, int threshold) {
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
    record Verdicts(Set<Integer> safe, List<Finding> findings) {
    }

    /**
     * Decides for each of {@code cells} (small, hidden) whether its whole-numbered range keeps enough
     * values.
     */
    static Verdicts check(CountTable table, ProtectionPattern.Mark[] marks, List<Integer> cells, int threshold) {
        return check(table, marks, cells, threshold, false);
    }

    /** @param anyX whether an {@code x} may hide any count, 0 too (as in a {@link LinkedCube}) */
    static Verdicts check(CountTable table, ProtectionPattern.Mark[] marks, List<Integer> cells, int threshold, boolean anyX) {
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
            try (Program program = new Program(table, hidden, marks, maybeSmall, component(table, hidden, cell), threshold)) {
                List<Integer> asked = cells.stream().filter(c -> !decided.contains(c) && program.position.containsKey(c)).toList();
                decided.addAll(asked);
                program.witnessJointly(asked, required);
                for (int c : asked) {
                    long[] range = program.range(c, required);
                    if (range == null) {
                        safe.add(c);
                        continue;
                    }
                    long values = range[1] - range[0] + 1;
                    findings.add(new Finding(table.key(c), table.value(c), range[0], range[1], values <= 1 ? Kind.PINNED : Kind.NARROWED));
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
        try (Program program = new Program(table, hidden, marks, pattern.cube() != null ? null : maybeSmall(table, marks, pattern.threshold()),
                component(table, hidden, cell), pattern.threshold())) {
            return new long[] {program.exact(cell, false), program.exact(cell, true)};
        }
    }

    /**
     * The program of one component: a variable per hidden cell, bounded as its label says, and every
     * relation that reaches it, with the published cells moved to the right-hand side. Only the
     * relations that reach a cell through other hidden cells matter; the rest are constants. It
     * remembers, per cell, the least and greatest value seen in whole-numbered solutions: each is a
     * value the outsider cannot rule out.
     */
    private static final class Program implements AutoCloseable {

        private final CountTable table;
        private final boolean[] hidden;
        private final ProtectionPattern.Mark[] marks;
        private final boolean[] maybeSmall;
        private final List<Integer> members;
        private final Map<Integer, Integer> position = new HashMap<>();
        private final List<int[]> relations;
        private final int threshold;
        private final long[] seenLow;
        private final long[] seenHigh;
        /** The linear and the integer model, each built at its first question. */
        private Solver lp;
        private Solver mip;

        Program(CountTable table, boolean[] hidden, ProtectionPattern.Mark[] marks, boolean[] maybeSmall, Component component,
                int threshold) {
            this.table = table;
            this.hidden = hidden;
            this.marks = marks;
            this.maybeSmall = maybeSmall;
            this.members = component.members();
            this.relations = component.relations();
            this.threshold = threshold;
            for (int m = 0; m < members.size(); m++) {
                position.put(members.get(m), m);
            }
            seenLow = new long[members.size()];
            seenHigh = new long[members.size()];
            Arrays.fill(seenLow, Long.MAX_VALUE);
            Arrays.fill(seenHigh, Long.MIN_VALUE);
        }

        private boolean settled(int cell, int required) {
            int m = position.get(cell);
            return seenLow[m] != Long.MAX_VALUE && seenHigh[m] - seenLow[m] + 1 >= required;
        }

        /**
         * Solutions with the least, and with the greatest, sum of the open cells, again for those
         * still open while that settles more: in one LP, most cells reach both ends of their range.
         */
        void witnessJointly(List<Integer> cells, int required) {
            for (boolean upward : new boolean[] {false, true}) {
                List<Integer> open = cells.stream().filter(c -> !settled(c, required)).toList();
                while (!open.isEmpty()) {
                    double[] solution = solve(open, upward, false);
                    if (solution == null || !witness(solution)) {
                        break;
                    }
                    List<Integer> still = open.stream().filter(c -> !settled(c, required)).toList();
                    if (still.size() == open.size()) {
                        break;
                    }
                    open = still;
                }
            }
        }

        /**
         * Null when {@code cell} keeps enough values, else its exact range. The LP bound comes
         * first: rounded inward it is a range the integer one lies within, and when the LP optimum
         * is whole-numbered it is the integer optimum itself.
         */
        long[] range(int cell, int required) {
            if (settled(cell, required)) {
                return null;
            }
            long[] lp = new long[2];
            boolean[] exact = new boolean[2];
            for (int end = 0; end < 2; end++) {
                boolean upward = end == 1;
                double[] solution = solve(List.of(cell), upward, false);
                if (solution == null) {
                    // an x that may be small, and can be as large as you like
                    return null;
                }
                double optimum = solution[position.get(cell)];
                lp[end] = upward ? (long) Math.floor(optimum + TOLERANCE) : (long) Math.ceil(optimum - TOLERANCE);
                exact[end] = witness(solution);
                if (settled(cell, required)) {
                    return null;
                }
            }
            if (lp[1] - lp[0] + 1 >= required) {
                if (exact[0] && exact[1]) {
                    return null;
                }
                long low = exact[0] ? lp[0] : exact(cell, false);
                long high = exact[1] ? lp[1] : exact(cell, true);
                if (high - low + 1 >= required) {
                    return null;
                }
                return new long[] {low, high};
            }
            return new long[] {exact[0] ? lp[0] : exact(cell, false), exact[1] ? lp[1] : exact(cell, true)};
        }

        /** The least (or greatest) whole value {@code cell} can have: an integer program. */
        long exact(int cell, boolean upward) {
            double[] solution = solve(List.of(cell), upward, true);
            witness(solution);
            return Math.round(solution[position.get(cell)]);
        }

        /** Records a whole-numbered solution's values; false when the solution is not whole-numbered. */
        private boolean witness(double[] solution) {
            for (double v : solution) {
                if (Math.abs(v - Math.rint(v)) > TOLERANCE) {
                    return false;
                }
            }
            for (int m = 0; m < solution.length; m++) {
                long v = Math.round(solution[m]);
                seenLow[m] = Math.min(seenLow[m], v);
                seenHigh[m] = Math.max(seenHigh[m], v);
            }
            return true;
        }

        /** A solution with the least (or greatest) sum of {@code cells}; null when that sum is unbounded. */
        private double[] solve(List<Integer> cells, boolean upward, boolean integer) {
            if (integer && mip == null) {
                mip = new Solver(MPSolver.createSolver("SCIP"), true);
            } else if (!integer && lp == null) {
                lp = new Solver(MPSolver.createSolver("GLOP"), false);
            }
            Solver solver = integer ? mip : lp;
            MPObjective objective = solver.model.objective();
            objective.clear();
            cells.forEach(c -> objective.setCoefficient(solver.variables[position.get(c)], 1));
            if (upward) {
                objective.setMaximization();
            } else {
                objective.setMinimization();
            }
            MPSolver.ResultStatus status = solver.model.solve();
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                // the solvers' presolve may call an unbounded program infeasible: without an objective it tells which
                objective.clear();
                if (solver.model.solve() == MPSolver.ResultStatus.OPTIMAL) {
                    return null;
                }
            }
            if (status == MPSolver.ResultStatus.UNBOUNDED) {
                return null;
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("De beschermde tabel is niet consistent: " + status);
            }
            double[] solution = new double[members.size()];
            for (int m = 0; m < solution.length; m++) {
                solution[m] = solver.variables[m].solutionValue();
            }
            return solution;
        }

        /** Frees the native solvers. */
        @Override
        public void close() {
            for (Solver solver : new Solver[] {lp, mip}) {
                if (solver != null) {
                    solver.model.delete();
                }
            }
        }

        /**
         * One model of the component, built once: a variable per hidden cell, bounded as its label says,
         * and every relation that reaches it with the published cells moved to the right-hand side; each
         * question only sets the objective.
         */
        private final class Solver {

            private final MPSolver model;
            private final MPVariable[] variables;

            Solver(MPSolver model, boolean integer) {
                this.model = model;
                double infinity = MPSolver.infinity();
                variables = new MPVariable[members.size()];
                for (int v = 0; v < variables.length; v++) {
                    int c = members.get(v);
                    // maybeSmall null: an x may be any count
                    double lower = marks[c] == ProtectionPattern.Mark.PRIMARY ? 1 : maybeSmall == null ? 0 : maybeSmall[c] ? 1 : threshold;
                    double upper = marks[c] == ProtectionPattern.Mark.PRIMARY ? threshold - 1 : infinity;
                    variables[v] = integer ? model.makeIntVar(lower, upper, "c" + c) : model.makeNumVar(lower, upper, "c" + c);
                }
                for (int[] relation : relations) {
                    if (!table.isUnion(relation)) {
                        // parts − total = 0
                        add(relation, false);
                        continue;
                    }
                    // a union: the parts add up to at least the total, and no part exceeds it
                    add(relation, true);
                    for (int i = 1; i < relation.length; i++) {
                        if (hidden[relation[i]] || hidden[relation[0]]) {
                            add(new int[] {relation[i], relation[0]}, true);
                        }
                    }
                }
            }

            /**
             * Σ parts − total ≥ (or =) 0 over {@code relation} (the total first), the published cells moved to the
             * right-hand side; a cell twice in it counts twice.
             */
            private void add(int[] relation, boolean atLeast) {
                long constant = 0;
                Map<Integer, Double> coefficients = new HashMap<>();
                for (int i = 0; i < relation.length; i++) {
                    int sign = i == 0 ? -1 : 1;
                    int c = relation[i];
                    if (hidden[c]) {
                        coefficients.merge(position.get(c), (double) sign, Double::sum);
                    } else {
                        constant -= sign * table.value(c);
                    }
                }
                MPConstraint constraint = model.makeConstraint(constant, atLeast ? MPSolver.infinity() : constant);
                coefficients.forEach((v, a) -> constraint.setCoefficient(variables[v], a));
            }
        }
    }

    /** The hidden cells connected to a hidden cell through relations (the cell first), and those relations. */
    record Component(List<Integer> members, List<int[]> relations) {
    }

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
