package nl.regiomonitor.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * A {@link CountTable} whose cells lie on three axes, each with sums of its own: scopes (the regions
 * and NL, their sum), categories (the total and the breakdowns that each add up to it) and periods
 * (months, and quarters and a year that add them up). Tables linked this way form one system far
 * too large for an integer program per cell (a year of influx: thousands of hidden cells in one
 * component), but its structure gives proofs cheaply.
 * <p>
 * A <em>move</em> is a change of the counts that leaves every relation whole: the product of one
 * change along each axis that keeps that axis's sums (two regions +1 and −1 keep NL; a month +1
 * raises its quarter and year too). Moves that touch only hidden cells and keep each within what its
 * label says ({@code <5}: 1 to threshold − 1; {@code x}: any count), one raising a small cell by 1
 * and one lowering it (or two raising it, the second from where the first left the counts), show
 * three whole values of that cell the outsider cannot tell apart: whatever is published stays the
 * same. That is a certificate; a small cell with one is safe, however large its component. Protection hides the
 * cheapest cells that give a small cell such a move; the audit looks for one for every small cell and
 * leaves the rest to the exact {@link DisclosureAudit}. In such a table an {@code x} may hide any
 * count, 0 included: hiding a 0 or turning a {@code <5} into an {@code x} is often the cheapest way
 * to give a small cell room.
 */
public final class LinkedCube {

    /** A change along one axis: nodes with their coefficient (±1), consistent with the axis's sums. */
    public record Move(int[] nodes, int[] coefficients) {}

    /** The nodes of one axis, and the moves through each node, cheapest first. */
    public record Axis(int size, IntFunction<List<Move>> through) {

        /**
         * An axis of leaves and sums of leaves ({@code sums[i]}: the leaves node {@code leaves + i}
         * adds up). Moves through a node: a leaf of it against a leaf outside it (sums holding both
         * keep their value), and a leaf of it alone (every sum holding it rises with it).
         */
        public static Axis hierarchy(int leaves, List<int[]> sums) {
            int size = leaves + sums.size();
            boolean[][] holds = new boolean[sums.size()][leaves];
            for (int s = 0; s < sums.size(); s++) {
                for (int leaf : sums.get(s)) {
                    holds[s][leaf] = true;
                }
            }
            return new Axis(size, node -> {
                boolean[] inside = new boolean[leaves];
                if (node < leaves) {
                    inside[node] = true;
                } else {
                    inside = holds[node - leaves].clone();
                }
                List<Move> moves = new ArrayList<>();
                for (int a = 0; a < leaves; a++) {
                    if (!inside[a]) {
                        continue;
                    }
                    for (int b = 0; b < leaves; b++) {
                        if (!inside[b]) {
                            moves.add(change(leaves, holds, a, b));
                        }
                    }
                    moves.add(change(leaves, holds, a, -1));
                }
                moves.sort(Comparator.comparingInt(m -> m.nodes().length));
                return moves;
            });
        }

        /** Leaf {@code up} +1 and leaf {@code down} −1 (none when −1), with every sum they change. */
        private static Move change(int leaves, boolean[][] holds, int up, int down) {
            List<int[]> changed = new ArrayList<>();
            changed.add(new int[] {up, 1});
            if (down >= 0) {
                changed.add(new int[] {down, -1});
            }
            for (int s = 0; s < holds.length; s++) {
                int coefficient = (holds[s][up] ? 1 : 0) - (down >= 0 && holds[s][down] ? 1 : 0);
                if (coefficient != 0) {
                    changed.add(new int[] {leaves + s, coefficient});
                }
            }
            return new Move(
                    changed.stream().mapToInt(c -> c[0]).toArray(),
                    changed.stream().mapToInt(c -> c[1]).toArray());
        }

        /**
         * Node 0 the total, then the categories of each breakdown ({@code sizes[b]} of them), each
         * breakdown adding up to the total. Moves: two categories of one breakdown, +1 and −1; or the
         * total +1 with one category of every breakdown.
         */
        public static Axis breakdowns(int... sizes) {
            int[] start = new int[sizes.length];
            int size = 1;
            for (int b = 0; b < sizes.length; b++) {
                start[b] = size;
                size += sizes[b];
            }
            return new Axis(size, node -> {
                List<Move> moves = new ArrayList<>();
                int own = -1;
                for (int b = 0; b < sizes.length; b++) {
                    if (node >= start[b] && node < start[b] + sizes[b]) {
                        own = b;
                    }
                }
                if (own >= 0) {
                    for (int other = start[own]; other < start[own] + sizes[own]; other++) {
                        if (other != node) {
                            moves.add(new Move(new int[] {node, other}, new int[] {1, -1}));
                        }
                    }
                }
                int fixedBreakdown = own;
                // every choice of one category per breakdown (the node's own where it has one)
                int[] choice = new int[sizes.length];
                while (true) {
                    int[] nodes = new int[sizes.length + 1];
                    for (int b = 0; b < sizes.length; b++) {
                        nodes[b + 1] = b == fixedBreakdown ? node : start[b] + choice[b];
                    }
                    int[] ones = new int[nodes.length];
                    Arrays.fill(ones, 1);
                    moves.add(new Move(nodes, ones));
                    int b = 0;
                    while (b < sizes.length && (b == fixedBreakdown || ++choice[b] == sizes[b])) {
                        if (b != fixedBreakdown) {
                            choice[b] = 0;
                        }
                        b++;
                    }
                    if (b == sizes.length) {
                        break;
                    }
                }
                return moves;
            });
        }
    }

    private final CountTable table;
    private final Axis[] axes;
    private final int[] cells;
    private final int[] nodeOf;
    /** moves[axis][node], worked out once */
    private final List<List<List<Move>>> moves = new ArrayList<>();

    /**
     * @param cellAt the table's cell at the nodes of the three axes, or −1 where the table has none
     *               (a quarter not yet complete): no relation there to keep
     */
    public LinkedCube(CountTable table, Axis scopes, Axis categories, Axis periods, CellAt cellAt) {
        this.table = table;
        this.axes = new Axis[] {scopes, categories, periods};
        this.cells = new int[scopes.size() * categories.size() * periods.size()];
        int[] nodeOfCell = new int[table.size()];
        Arrays.fill(nodeOfCell, -1);
        for (int s = 0; s < scopes.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                for (int p = 0; p < periods.size(); p++) {
                    int cell = cellAt.cell(s, c, p);
                    cells[node(s, c, p)] = cell;
                    if (cell >= 0) {
                        nodeOfCell[cell] = node(s, c, p);
                    }
                }
            }
        }
        this.nodeOf = nodeOfCell;
        for (Axis axis : axes) {
            List<List<Move>> ofAxis = new ArrayList<>();
            for (int n = 0; n < axis.size(); n++) {
                ofAxis.add(axis.through().apply(n));
            }
            moves.add(ofAxis);
        }
    }

    /** Where a cell lies on the axes. */
    @FunctionalInterface
    public interface CellAt {
        int cell(int scope, int category, int period);
    }

    public CountTable table() {
        return table;
    }

    /** The node at scope {@code s}, category {@code c} and period {@code p}. */
    int node(int s, int c, int p) {
        return (s * axes[1].size() + c) * axes[2].size() + p;
    }

    /** The cell at {@code node}; −1 where the table has none. */
    int cell(int node) {
        return cells[node];
    }

    /** How many nodes the three axes span. */
    int nodes() {
        return cells.length;
    }

    /** Where {@code cell} lies, as one node number over the three axes; −1 when it lies on none. */
    int nodeOf(int cell) {
        return nodeOf[cell];
    }

    /** The size of axis {@code axis} (0 scopes, 1 categories, 2 periods). */
    int axisSize(int axis) {
        return axes[axis].size();
    }

    /** The moves along axis {@code axis} through {@code node}, cheapest first. */
    List<Move> moves(int axis, int node) {
        return moves.get(axis).get(node);
    }

    /**
     * The small hidden cells of {@code marks} that have no certificate, around the true counts nor
     * around the counts protection started from. {@code marks} is read only.
     */
    List<Integer> uncertified(ProtectionPattern.Mark[] marks, int threshold) {
        List<Integer> open = new ArrayList<>();
        long[] counts = new long[table.size()];
        Arrays.setAll(counts, table::value);
        CertificateSearch search = new CertificateSearch(this, marks, threshold, counts);
        for (int cell = 0; cell < table.size(); cell++) {
            if (small(marks, cell, threshold) && !search.certified(cell)) {
                open.add(cell);
            }
        }
        if (!open.isEmpty()) {
            // where protection looked: around the counts that the primary rule's cells allow
            CertificateSearch around = new CertificateSearch(this, marks, threshold, start(threshold));
            open.removeIf(around::certified);
        }
        return open;
    }

    private boolean small(ProtectionPattern.Mark[] marks, int cell, int threshold) {
        return marks[cell] != ProtectionPattern.Mark.SHOWN && table.value(cell) > 0 && table.value(cell) < threshold;
    }

    /**
     * For every small cell without a certificate, in table order, makes the cells of its cheapest
     * certificate an {@code x} ({@code cost}: what that loses): the shown cells it touches and the
     * {@code <5} cells it takes outside 1..t−1. Hiding and relabelling only widen what cells can be, so
     * a certificate once found stays one, and one pass suffices.
     *
     * @return the small cells no move can protect (every move through them meets a cell to keep, or
     *         takes a count below 0)
     */
    List<Integer> protect(ProtectionPattern.Mark[] marks, int threshold, IntToLongFunction cost) {
        CertificateSearch search = new CertificateSearch(this, marks, threshold, start(threshold));
        List<Integer> unprotected = new ArrayList<>();
        for (int cell = 0; cell < table.size(); cell++) {
            if (!small(marks, cell, threshold) || search.certified(cell)) {
                continue;
            }
            int[] extra = search.cheapest(cell, cost);
            if (extra == null) {
                unprotected.add(cell);
                continue;
            }
            for (int c : extra) {
                search.hide(c);
            }
        }
        return unprotected;
    }

    private long[] start;
    private int startThreshold;

    /**
     * Where protection looks for moves, worked out once: the {@link #published} counts of the primary
     * rule's cells, which every pattern protection makes from there allows as well.
     */
    private synchronized long[] start(int threshold) {
        if (start == null || startThreshold != threshold) {
            start = published(CellSuppression.primary(table, threshold), threshold);
            startThreshold = threshold;
        }
        return start;
    }

    /**
     * Counts that agree with every published cell of {@code marks} and its relations, found from those
     * alone, never from a hidden count: each {@code <5} as near the middle of 1..t−1 as the sums allow
     * (an integer program with a fixed limit of work, so the same published cells always give the same
     * counts). Protection looks for moves around these, so the cells it hides depend on what is
     * published, not on the hidden counts: clients moved between hidden cells, all published cells the
     * same, give the same pattern. A move around any allowed counts proves as much as one around the
     * true counts. The true counts when the program finds none (never seen).
     */
    private long[] published(ProtectionPattern.Mark[] marks, int threshold) {
        long[] counts = new long[table.size()];
        Arrays.setAll(counts, table::value);
        Loader.loadNativeLibraries();
        MPSolver solver = MPSolver.createSolver("SCIP");
        try {
            solver.setSolverSpecificParametersAsString("limits/nodes = 200\n");
            double infinity = MPSolver.infinity();
            MPVariable[] variables = new MPVariable[table.size()];
            MPObjective objective = solver.objective();
            long middle = threshold / 2;
            for (int c = 0; c < table.size(); c++) {
                if (marks[c] == ProtectionPattern.Mark.PRIMARY) {
                    variables[c] = solver.makeIntVar(1, threshold - 1, "c" + c);
                    MPVariable distance = solver.makeNumVar(0, infinity, "d" + c);
                    MPConstraint above = solver.makeConstraint(-middle, infinity);
                    above.setCoefficient(distance, 1);
                    above.setCoefficient(variables[c], -1);
                    MPConstraint below = solver.makeConstraint(middle, infinity);
                    below.setCoefficient(distance, 1);
                    below.setCoefficient(variables[c], 1);
                    objective.setCoefficient(distance, 1);
                } else if (marks[c] == ProtectionPattern.Mark.SECONDARY) {
                    variables[c] = solver.makeIntVar(0, infinity, "c" + c);
                }
            }
            for (int[] relation : table.relations()) {
                if (table.isUnion(relation)) {
                    return counts;
                }
                // the parts minus the total is 0; shown cells to the right-hand side
                double constant = 0;
                List<int[]> terms = new ArrayList<>();
                for (int i = 0; i < relation.length; i++) {
                    int sign = i == 0 ? -1 : 1;
                    if (variables[relation[i]] == null) {
                        constant -= sign * table.value(relation[i]);
                    } else {
                        terms.add(new int[] {relation[i], sign});
                    }
                }
                if (!terms.isEmpty()) {
                    MPConstraint sum = solver.makeConstraint(constant, constant);
                    terms.forEach(t -> sum.setCoefficient(variables[t[0]], sum.getCoefficient(variables[t[0]]) + t[1]));
                }
            }
            objective.setMinimization();
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
                for (int c = 0; c < table.size(); c++) {
                    if (variables[c] != null) {
                        counts[c] = Math.round(variables[c].solutionValue());
                    }
                }
            }
            return counts;
        } finally {
            solver.delete();
        }
    }
}
