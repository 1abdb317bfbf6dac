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
 * relation between cells, and that counts are not negative), each the optimum of a linear program
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
        return findings(table, hidden, primaries, threshold);
    }

    static List<Finding> findings(CountTable table, boolean[] hidden, List<Integer> cells, int threshold) {
        List<Finding> findings = new ArrayList<>();
        for (int cell : cells) {
            double[] bounds = bounds(table, hidden, cell);
            if (bounds[0] > TOLERANCE || bounds[1] < threshold - TOLERANCE) {
                findings.add(new Finding(table.key(cell), table.value(cell), bounds[0], bounds[1]));
            }
        }
        return findings;
    }

    /**
     * The lowest and highest value of hidden {@code cell} given what is published. Only the
     * relations that reach the cell through other hidden cells matter; the rest are constants.
     */
    static double[] bounds(CountTable table, boolean[] hidden, int cell) {
        Component component = component(table, hidden, cell);
        List<Integer> members = component.members();
        Map<Integer, Integer> position = new HashMap<>();
        for (int m = 0; m < members.size(); m++) {
            position.put(members.get(m), m);
        }
        List<int[]> involved = component.relations();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] variables = new Variable[members.size()];
        for (int v = 0; v < variables.length; v++) {
            variables[v] = model.addVariable("c" + members.get(v)).lower(0);
        }
        int r = 0;
        for (int[] relation : involved) {
            // parts − total = 0, with the published cells moved to the right-hand side
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
            expression.level(constant);
        }
        variables[0].weight(1);
        double lowest = value(model.minimise(), 0);
        double highest = value(model.maximise(), Double.POSITIVE_INFINITY);
        return new double[] {lowest, highest};
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
