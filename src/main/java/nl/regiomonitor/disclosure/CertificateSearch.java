package nl.regiomonitor.disclosure;

import java.util.Arrays;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * The search for certificates through one cell, over the marks as they are now. A certificate is
 * a step up and a step down (the cell takes three values), or two steps the same way, the second
 * from where the first left the counts. Apart from {@link LinkedCube}, which holds the axes and
 * the moves: one search is one set of marks and counts, and the state of its steps.
 * <p>
 * What a move needs of a cell (whether it may touch it, its count, what its label allows) is held per node of the
 * cube, as one byte and two numbers, instead of looked up through the cell's number in the table's arrays: a search
 * looks at millions of cells in no order a cache can follow, and each look then costs one or two fetches from
 * memory instead of four or five.
 */
final class CertificateSearch {

    /** How many touched cells one step's search looks at before it settles for the best move so far. */
    private static final long BUDGET = 150_000;

    private static final long HARD_LIMIT = 1_000_000;

    /** One step: the nodes a move touches, their change, and the cells to hide or relabel for it. */
    private record Step(int[] nodes, int[] changes, int[] hide) {}

    /** {@link #flags}: no cell at this node (a quarter not yet complete). */
    private static final byte NO_CELL = 1;
    /** {@link #flags}: a shown cell, which no move may touch when not hiding. */
    private static final byte SHOWN = 2;
    /** {@link #flags}: a shown cell to keep, which no move may touch when hiding either. */
    private static final byte KEPT = 4;
    /** {@link #flags}: a {@code <5}, whose hiding costs half. */
    private static final byte PRIMARY = 8;

    private final LinkedCube cube;
    private final CountTable table;
    private final ProtectionPattern.Mark[] marks;
    private final int threshold;
    /** Per node: what its cell is, as the bits above. */
    private final byte[] flags;
    /** Per node: its cell's count as the moves have left it. */
    private final long[] current;
    /** Per node, side by side: the lowest and highest count its cell's label lets the outsider take it as. */
    private final long[] range;

    private final int[] touched = new int[256];
    private final int[] change = new int[256];
    private int count;

    /** The nodes at period 0 of one {@code a} × {@code b} of {@link #step}, with the product of their coefficients. */
    private final int[] pairBase = new int[256];

    private final int[] pairChange = new int[256];
    private int pairs;
    /**
     * Per period, how many cells of the current {@code a} × {@code b} lie at it, or −1 when one of them rules out
     * every move with it: worked out when a {@code t} first needs it ({@link #checked} equal to {@link #pairNumber}), as
     * the {@code t} of one pair share their periods. Without it each {@code t} looked at the pair's cells again.
     */
    private final int[] cellsAt;

    private final int[] checked;
    private int pairNumber;

    /** @param counts the counts the moves start from: the true ones, or any others the published cells allow */
    CertificateSearch(LinkedCube cube, ProtectionPattern.Mark[] marks, int threshold, long[] counts) {
        this.cube = cube;
        this.table = cube.table();
        this.marks = marks;
        this.threshold = threshold;
        int nodes = cube.nodes();
        this.flags = new byte[nodes];
        this.current = new long[nodes];
        this.range = new long[2 * nodes];
        this.cellsAt = new int[cube.axisSize(2)];
        this.checked = new int[cube.axisSize(2)];
        for (int node = 0; node < nodes; node++) {
            int cell = cube.cell(node);
            if (cell < 0) {
                flags[node] = NO_CELL;
            } else {
                current[node] = counts[cell];
                label(node, cell);
            }
        }
    }

    /** Makes {@code cell} an {@code x} (hidden, any count from 0), in the marks and in this search. */
    void hide(int cell) {
        marks[cell] = ProtectionPattern.Mark.SECONDARY;
        int node = cube.nodeOf(cell);
        if (node >= 0) {
            label(node, cell);
        }
    }

    /** Takes over for {@code node} what the mark of its {@code cell} says: whether moves may touch it, and its range. */
    private void label(int node, int cell) {
        switch (marks[cell]) {
            case SHOWN -> {
                flags[node] = (byte) (SHOWN | (table.rank(cell) == CountTable.KEEP ? KEPT : 0));
                range[2 * node] = table.value(cell);
                range[2 * node + 1] = table.value(cell);
            }
            case PRIMARY -> {
                flags[node] = PRIMARY;
                range[2 * node] = 1;
                range[2 * node + 1] = threshold - 1;
            }
            case SECONDARY -> {
                flags[node] = 0;
                range[2 * node] = 0;
                range[2 * node + 1] = Long.MAX_VALUE;
            }
        }
    }

    boolean certified(int cell) {
        return best(cell, false, null) != null;
    }

    /** The shown cells to hide for the cheapest certificate through {@code cell}; null when there is none. */
    int[] cheapest(int cell, IntToLongFunction cost) {
        return best(cell, true, cost);
    }

    private int[] best(int cell, boolean hiding, IntToLongFunction cost) {
        if (cube.nodeOf(cell) < 0) {
            return null;
        }
        Step up = step(cell, 1, hiding, cost);
        Step down = step(cell, -1, hiding, cost);
        if (up != null && down != null) {
            return union(up.hide(), down.hide());
        }
        Step first = up != null ? up : down;
        if (first == null) {
            return null;
        }
        int sign = up != null ? 1 : -1;
        apply(first, sign);
        try {
            Step second = step(cell, sign, hiding, cost);
            return second == null ? null : union(first.hide(), second.hide());
        } finally {
            apply(first, -sign);
        }
    }

    private void apply(Step step, int sign) {
        for (int i = 0; i < step.nodes().length; i++) {
            current[step.nodes()[i]] += (long) sign * step.changes()[i];
        }
    }

    private int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().toArray();
    }

    /**
     * A move that changes {@code cell} by {@code sign} and keeps every touched cell within its
     * label: without hiding, the first one that touches no shown cell; with hiding, the one that
     * costs least to make one, by hiding shown cells and turning {@code <5} cells the move takes
     * out of 1..t−1 into {@code x}. Null when there is none.
     */
    private Step step(int cell, int sign, boolean hiding, IntToLongFunction cost) {
        int at = cube.nodeOf(cell);
        int p = at % cube.axisSize(2);
        int c = at / cube.axisSize(2) % cube.axisSize(1);
        int s = at / cube.axisSize(2) / cube.axisSize(1);
        Step best = null;
        long bestCost = Long.MAX_VALUE;
        long budget = hiding ? BUDGET : 8 * BUDGET; // the cheapest moves come first
        // every move through a node changes that node: each b holds c and each t holds p. So a cell that rules a move
        // out at (a's scope, c, p) rules out every b and t with that a, and one at (a's scope, b's category, p) every
        // t with those two; skipping them at once finds what collect would find one combination at a time (those
        // combinations count nothing against the budget) in a fraction of the time
        for (LinkedCube.Move a : cube.moves(0, s)) {
            if (rulesOut(a.nodes(), c, p, hiding)) {
                continue;
            }
            for (LinkedCube.Move b : cube.moves(1, c)) {
                if (rulesOut(a.nodes(), b.nodes(), p, hiding)) {
                    continue;
                }
                pair(a, b);
                for (LinkedCube.Move t : cube.moves(2, p)) {
                    if (budget <= 0 && (best != null || !hiding || budget < -HARD_LIMIT)) {
                        return best;
                    }
                    int cells = cells(t, hiding);
                    budget -= cells + 1;
                    if (cells < 0) {
                        continue;
                    }
                    // the price as the cells come, given up as soon as the move cannot beat the best so far
                    long price = 0;
                    int changed = 0;
                    int[] periods = t.nodes();
                    for (int i = 0; i < pairs && price < bestCost; i++) {
                        for (int k = 0; k < periods.length && price < bestCost; k++) {
                            int node = pairBase[i] + periods[k];
                            if (flags[node] == NO_CELL) {
                                continue;
                            }
                            long value = current[node] + (long) sign * pairChange[i] * t.coefficients()[k];
                            if (!allowed(node, value)) {
                                // hiding a shown cell or relabelling a <5 makes it an x: any count from 0
                                if (!hiding || value < 0) {
                                    price = Long.MAX_VALUE;
                                } else {
                                    price += cost.applyAsLong(cube.cell(node)) / ((flags[node] & PRIMARY) != 0 ? 2 : 1);
                                    changed++;
                                }
                            }
                        }
                    }
                    if (price >= bestCost) {
                        continue;
                    }
                    collect(t);
                    int[] hide = new int[changed];
                    int h = 0;
                    for (int i = 0; i < count; i++) {
                        if (!allowed(touched[i], current[touched[i]] + (long) sign * change[i])) {
                            hide[h++] = cube.cell(touched[i]);
                        }
                    }
                    bestCost = price;
                    best = new Step(Arrays.copyOf(touched, count), Arrays.copyOf(change, count), hide);
                    if (changed == 0) {
                        return best;
                    }
                }
            }
        }
        return best;
    }

    /** Whether the label of the cell at {@code node} lets the outsider take it as {@code value}. */
    private boolean allowed(int node, long value) {
        return value >= range[2 * node] && value <= range[2 * node + 1];
    }

    /** Whether a cell at one of {@code scopes} × category {@code c} × period {@code p} rules a move out. */
    private boolean rulesOut(int[] scopes, int c, int p, boolean hiding) {
        for (int scope : scopes) {
            if (rulesOut(cube.node(scope, c, p), hiding)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell at one of {@code scopes} × {@code categories} × period {@code p} rules a move out. */
    private boolean rulesOut(int[] scopes, int[] categories, int p, boolean hiding) {
        for (int scope : scopes) {
            for (int category : categories) {
                if (rulesOut(cube.node(scope, category, p), hiding)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The node of a cell that is to stay shown (any shown cell when not hiding): no move may touch it. */
    private boolean rulesOut(int node, boolean hiding) {
        return (flags[node] & (hiding ? KEPT : SHOWN)) != 0;
    }

    /** Takes {@code a} × {@code b} as the pair that the next {@link #cells} and {@link #collect} calls combine with their {@code t}. */
    private void pair(LinkedCube.Move a, LinkedCube.Move b) {
        pairs = 0;
        for (int i = 0; i < a.nodes().length; i++) {
            for (int j = 0; j < b.nodes().length; j++) {
                pairBase[pairs] = cube.node(a.nodes()[i], b.nodes()[j], 0);
                pairChange[pairs] = a.coefficients()[i] * b.coefficients()[j];
                pairs++;
            }
        }
        if (++pairNumber == Integer.MAX_VALUE) {
            Arrays.fill(checked, 0);
            pairNumber = 1;
        }
    }

    /**
     * How many cells the move of the current pair and {@code t} touches; −1 when it cannot serve: it touches a cell
     * that is to stay shown, or any shown cell when not hiding.
     */
    private int cells(LinkedCube.Move t, boolean hiding) {
        int cells = 0;
        for (int period : t.nodes()) {
            if (checked[period] != pairNumber) {
                checked[period] = pairNumber;
                cellsAt[period] = cellsAt(period, hiding);
            }
            if (cellsAt[period] < 0) {
                return -1;
            }
            cells += cellsAt[period];
        }
        return cells;
    }

    /** The cells of the current pair at {@code period}; −1 when one of them rules out every move with it. */
    private int cellsAt(int period, boolean hiding) {
        int cells = 0;
        for (int i = 0; i < pairs; i++) {
            int node = pairBase[i] + period;
            if (rulesOut(node, hiding)) {
                return -1;
            }
            if (flags[node] != NO_CELL) {
                cells++;
            }
        }
        return cells;
    }

    /** Gathers the nodes of the cells the move of the current pair and {@code t} touches, with their change, in {@link #touched} and {@link #change}. */
    private void collect(LinkedCube.Move t) {
        int[] periods = t.nodes();
        count = 0;
        for (int i = 0; i < pairs; i++) {
            for (int k = 0; k < periods.length; k++) {
                int node = pairBase[i] + periods[k];
                if (flags[node] != NO_CELL) {
                    touched[count] = node;
                    change[count] = pairChange[i] * t.coefficients()[k];
                    count++;
                }
            }
        }
    }
}
