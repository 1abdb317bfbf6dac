package nl.regiomonitor.disclosure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The program of one component: a variable per hidden cell, bounded as its label says, and every
 * relation that reaches it, with the published cells moved to the right-hand side. Only the
 * relations that reach a cell through other hidden cells matter; the rest are constants. It
 * remembers, per cell, the least and greatest value seen in whole-numbered solutions: each is a
 * value the outsider cannot rule out. Apart from {@link DisclosureAudit}, which decides what to ask it:
 * this is only the linear and integer programming.
 */
final class OutsiderProgram implements AutoCloseable {

    private static final double TOLERANCE = 1e-6;

    static {
        // OR-Tools' solvers are native code, shipped for Linux in the ortools-linux-x86-64 jar
        Loader.loadNativeLibraries();
    }

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

    OutsiderProgram(
            CountTable table,
            boolean[] hidden,
            ProtectionPattern.Mark[] marks,
            boolean[] maybeSmall,
            DisclosureAudit.Component component,
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
            List<Integer> open =
                    cells.stream().filter(c -> !settled(c, required)).toList();
            while (!open.isEmpty()) {
                double[] solution = solve(open, upward, false);
                if (solution == null || !witness(solution)) {
                    break;
                }
                List<Integer> still =
                        open.stream().filter(c -> !settled(c, required)).toList();
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
                double lower = marks[c] == ProtectionPattern.Mark.PRIMARY
                        ? 1
                        : maybeSmall == null ? 0 : maybeSmall[c] ? 1 : threshold;
                double upper = marks[c] == ProtectionPattern.Mark.PRIMARY ? threshold - 1 : infinity;
                variables[v] =
                        integer ? model.makeIntVar(lower, upper, "c" + c) : model.makeNumVar(lower, upper, "c" + c);
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

    /** Whether {@code cell} is one of this program's hidden cells. */
    boolean holds(int cell) {
        return position.containsKey(cell);
    }
}
