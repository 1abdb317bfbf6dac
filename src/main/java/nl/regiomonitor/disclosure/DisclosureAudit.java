package nl.regiomonitor.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * What an attacker can work out from a protected table: for every cell hidden by the primary rule,
 * the smallest and largest value consistent with everything published (the shown cells, every
 * relation between cells — an equation for a sum, inequalities for a {@link CountTable#union} — and
 * that counts are not negative), each the optimum of a linear program
 * (ojAlgo). A hidden cell is safe when that interval holds the whole protection interval
 * [0, threshold]: nobody can rule out that it is empty, nor that it is at the threshold, so its
 * being a small number is not revealed. The LP relaxation is what τ-ARGUS audits as well.
 */
public final class DisclosureAudit {

    private static final double TOLERANCE = 1e-6;

    /** A primary cell whose interval is narrower than the protection interval. */
    public record Finding(String key, long value, double lowest, double highest) {
    }

    private DisclosureAudit() {
    }

    /** Every primary cell of the pattern whose interval is too narrow; empty when the table is safe. */
    public static List<Finding> audit(ProtectionPattern pattern, int threshold) {
        CountTable table = pattern.table();
        boolean[] hidden = new boolean[table.size()];
        List<Integer> primaries = new ArrayList<>();
        for (int c = 0; c < table.size(); c++) {
            hidden[c] = pattern.hidden(c);
            if (pattern.mark(c) == ProtectionPattern.Mark.PRIMARY) {
                primaries.add(c);
            }
        }
        return check(table, hidden, primaries, threshold, false).findings();
    }

    /** The cells proven safe, and the cells found too narrow with their exact interval. */
    record Verdicts(Set<Integer> safe, List<Finding> findings) {
    }

    /**
     * Decides for each of {@code cells} (hidden) whether its interval holds [0, threshold]. A cell
     * is safe when some solution consistent with what is published has it at 0, and some other has
     * it at the threshold or above; one LP whose optimum is such a solution for many cells at once
     * (the least sum of the cells, the greatest sum of the cells each capped at the threshold)
     * settles them all. A cell no such joint solution settles gets its own min and max LP, which
     * also gives the exact interval a finding reports. With {@code firstWeakOnly} the check stops at
     * the first cell, in the given order, that is too narrow.
     */
    static Verdicts check(CountTable table, boolean[] hidden, List<Integer> cells, int threshold, boolean firstWeakOnly) {
        Set<Integer> safe = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        Set<Integer> decided = new HashSet<>();
        for (int cell : cells) {
            if (decided.contains(cell)) {
                continue;
            }
            Program program = new Program(table, hidden, component(table, hidden, cell), threshold);
            List<Integer> asked = cells.stream().filter(c -> !decided.contains(c) && program.position.containsKey(c)).toList();
            decided.addAll(asked);
            Set<Integer> low = program.settled(asked, false);
            Set<Integer> high = program.settled(asked, true);
            for (int c : asked) {
                boolean narrow = (!low.contains(c) && program.optimum(c, false) > TOLERANCE)
                        || (!high.contains(c) && program.optimum(c, true) < threshold - TOLERANCE);
                if (!narrow) {
                    safe.add(c);
                } else {
                    findings.add(new Finding(table.key(c), table.value(c), program.optimum(c, false), program.optimum(c, true)));
                    if (firstWeakOnly) {
                        return new Verdicts(safe, findings);
                    }
                }
            }
        }
        return new Verdicts(safe, findings);
    }

    /** The lowest and highest value of hidden {@code cell} given what is published. */
    static double[] bounds(CountTable table, boolean[] hidden, int cell) {
        Program program = new Program(table, hidden, component(table, hidden, cell), 0);
        return new double[] {program.optimum(cell, false), program.optimum(cell, true)};
    }

    /**
     * The linear program of one component: a variable per hidden cell (at least 0), and every
     * relation that reaches it as an equation, with the published cells moved to the right-hand
     * side. Only the relations that reach a cell through other hidden cells matter; the rest are
     * constants.
     */
    private static final class Program {

        private final CountTable table;
        private final boolean[] hidden;
        private final List<Integer> members;
        private final Map<Integer, Integer> position = new HashMap<>();
        private final List<int[]> relations;
        private final int threshold;

        Program(CountTable table, boolean[] hidden, Component component, int threshold) {
            this.table = table;
            this.hidden = hidden;
            this.members = component.members();
            this.relations = component.relations();
            this.threshold = threshold;
            for (int m = 0; m < members.size(); m++) {
                position.put(members.get(m), m);
            }
        }

        /**
         * The cells a joint solution puts at 0 (or, {@code upward}, at the threshold), solving again
         * for the rest while that settles more.
         */
        Set<Integer> settled(List<Integer> cells, boolean upward) {
            Set<Integer> settled = new HashSet<>();
            List<Integer> open = new ArrayList<>(cells);
            while (!open.isEmpty()) {
                double[] solution = solve(open, upward);
                List<Integer> now = open.stream().filter(c -> upward
                        ? solution[position.get(c)] >= threshold - TOLERANCE
                        : solution[position.get(c)] <= TOLERANCE).toList();
                if (now.isEmpty()) {
                    break;
                }
                settled.addAll(now);
                open.removeAll(now);
            }
            return settled;
        }

        /** The least (or greatest) value {@code cell} can have: an LP of its own. */
        double optimum(int cell, boolean upward) {
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Variable[] variables = variables(model);
            variables[position.get(cell)].weight(1);
            Optimisation.Result result = upward ? model.maximise() : model.minimise();
            return value(result, upward ? Double.POSITIVE_INFINITY : 0);
        }

        /** A solution with the least sum of {@code cells}, or the greatest sum of them each capped at the threshold. */
        private double[] solve(List<Integer> cells, boolean upward) {
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Variable[] variables = variables(model);
            for (int c : cells) {
                Variable x = variables[position.get(c)];
                if (upward) {
                    Variable capped = model.addVariable("t" + c).lower(0).upper(threshold).weight(1);
                    model.addExpression("t" + c + "≤c" + c).set(x, 1).set(capped, -1).lower(0);
                } else {
                    x.weight(1);
                }
            }
            Optimisation.Result result = upward ? model.maximise() : model.minimise();
            value(result, 0);
            double[] solution = new double[members.size()];
            for (int m = 0; m < solution.length; m++) {
                solution[m] = result.doubleValue(m);
            }
            return solution;
        }

        private Variable[] variables(ExpressionsBasedModel model) {
            Variable[] variables = new Variable[members.size()];
            for (int v = 0; v < variables.length; v++) {
                variables[v] = model.addVariable("c" + members.get(v)).lower(0);
            }
            int r = 0;
            for (int[] relation : relations) {
                // parts − total, with the published cells moved to the right-hand side
                long constant = 0;
                Expression expression = model.addExpression("r" + r++);
                for (int i = 0; i < relation.length; i++) {
                    int sign = i == 0 ? -1 : 1;
                    int c = relation[i];
                    if (hidden[c]) {
                        expression.set(variables[position.get(c)], sign);
                    } else {
                        constant -= sign * table.value(c);
                    }
                }
                if (!table.isUnion(relation)) {
                    expression.level(constant);
                    continue;
                }
                // a union: the parts add up to at least the total, and no part exceeds it
                expression.lower(constant);
                for (int i = 1; i < relation.length; i++) {
                    addAtMost(model, "r" + r++, relation[i], relation[0], variables);
                }
            }
            return variables;
        }

        /** {@code part} ≤ {@code total}, as an expression of the hidden ones among them. */
        private void addAtMost(ExpressionsBasedModel model, String name, int part, int total, Variable[] variables) {
            if (!hidden[part] && !hidden[total]) {
                return;
            }
            long constant = 0;
            Expression expression = model.addExpression(name);
            for (int c : new int[] {total, part}) {
                int sign = c == total ? 1 : -1;
                if (hidden[c]) {
                    expression.set(variables[position.get(c)], sign);
                } else {
                    constant -= sign * table.value(c);
                }
            }
            expression.lower(constant);
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

    private static double value(Optimisation.Result result, double whenUnbounded) {
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return whenUnbounded;
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("De beschermde tabel is niet consistent: " + result.getState());
        }
        return result.getValue();
    }
}
