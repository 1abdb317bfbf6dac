package nl.regiomonitor.disclosure;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * Protects a {@link CountTable} so that no small count can be worked back by an outsider who knows
 * everything published and this method (see {@link DisclosureAudit} for what that outsider knows).
 * <p>
 * Labels. A cell counting 1 to threshold − 1 clients is hidden as {@code <5} (the primary rule); 0
 * is shown. A cell hidden to protect another is an {@code x}, and is always a count of at least the
 * threshold: only such cells are chosen, never a 0 nor a small count, so an outsider may take an
 * {@code x} as ≥ threshold and the audit does. One exception keeps this safe: a small total that is
 * the sum of three or more small parts (also further down: a sum of a small cell and a small total
 * of two) is an {@code x} as well, since {@code <5} on the total and on its parts would by itself
 * narrow each part to 1–2 (three parts under 5 adding up to under 5), whatever else is hidden; so
 * is a small cell equal to it (the only non-zero part of one of its sums, or the total of a sum
 * whose only non-zero part it is). And when a small cell is still narrowed while every cell
 * of its relations is hidden or 0 (the {@code <5} of some and the ≥ threshold of an {@code x} can do
 * that together), its relations show {@code x} for every hidden cell. The audit takes an {@code x}
 * that could be such a cell, judged from the labels, as ≥ 1: one of a relation without a
 * {@code <5} or a shown count above 0, or one the rule for small totals could have made.
 * <p>
 * We keep two symbols, {@code <5} and {@code x}, rather than one for every hidden cell (as CBS does):
 * users read a {@code <5} as "a few clients", which is worth more than a bare {@code x}, and the
 * audit below models what the distinction tells an outsider, so it stays safe. The price is the
 * small totals above, shown as {@code x}, and the {@code x} cells that modelling
 * {@code <5} as 1–4 requires.
 * <p>
 * Secondary suppression ({@link SecondarySuppression}) hides extra cells ({@code x}) until the
 * {@link DisclosureAudit} finds every small hidden cell keeps at least three possible whole values:
 * <ol>
 *   <li>a sum with exactly one hidden cell gives it away, and so does a sum with a published total
 *       whose hidden parts are all {@code <5} cells that the total leaves too few values: hide one
 *       more cell of it (found without solving anything);</li>
 *   <li>a small cell the audit still finds too narrow gets one more hidden cell among the cells it
 *       shares a relation with (or, when those are all hidden, among those of its hidden
 *       neighbours); repeat from 1.</li>
 * </ol>
 * The extra cell is chosen to lose as little as possible: a cell that is no total before one that
 * is, then the smallest count (at least the threshold), then the lowest position. Nothing in these
 * choices reads the value of a small cell, only which cells are small and the values of cells that
 * could be shown: the same table always gets the same pattern, and so does a table where clients
 * moved between small cells that stay small while every shown cell stays the same.
 */
public class CellSuppression {

    private final int threshold;
    private final ProtectionMemory memory;
    private final SecondarySuppression secondary;

    /** A protection that remembers in memory only (tests, tools without a database). */
    public CellSuppression(int threshold) {
        this(threshold, ProtectionStore.NONE);
    }

    /** A protection that also keeps what it worked out in {@code store}, for the next start. */
    public CellSuppression(int threshold, ProtectionStore store) {
        if (threshold < 1) {
            throw new IllegalArgumentException("De drempel voor kleine aantallen is minstens 1");
        }
        this.threshold = threshold;
        this.memory = new ProtectionMemory(store);
        this.secondary = new SecondarySuppression(threshold);
    }

    /** Whether the audit found nothing in this pattern before (same table, same marks, same threshold). */
    public boolean auditedClean(ProtectionPattern pattern) {
        return memory.auditedClean(ProtectionMemory.auditKey(pattern));
    }

    public void rememberCleanAudit(ProtectionPattern pattern) {
        memory.rememberCleanAudit(ProtectionMemory.auditKey(pattern));
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
        return new ProtectionPattern(table, primary(table, threshold), threshold);
    }

    public ProtectionPattern protect(CountTable table) {
        return remembered(
                "protect " + threshold + " " + table.fingerprint(),
                table,
                () -> secondary.complete(table, primary(table, threshold)));
    }

    /**
     * Protects the table of {@code cube} by moves ({@link LinkedCube}): the primary rule, then for
     * every small cell without a certificate the cells of its cheapest move become {@code x}: shown
     * cells (a 0 too), and {@code <5} cells the move takes outside 1..t−1. Cheapest: the lowest
     * {@link CountTable#rank}, fewest cells, smallest shown counts;
     * a cell of rank {@link CountTable#KEEP} stays shown. In such a table an {@code x} can hide any
     * count, 0 included, and the audit takes it so. Seconds, where secondary suppression by integer
     * programs takes hours on tables this large. A small cell no move can protect gets the cells
     * around it turned into {@code x}, a wider ring each round (from the fourth round on, cells to
     * keep as well: a small cell must never be given away), and the moves are looked for again.
     */
    public ProtectionPattern protect(LinkedCube cube) {
        CountTable table = cube.table();
        // a small count never weighs in: which cells are hidden must not depend on it
        IntToLongFunction cost =
                c -> (table.rank(c) + 1L) * 1_000_000L + (table.value(c) >= threshold ? table.value(c) : 0);
        return remembered("linked " + threshold + " " + table.fingerprint(), table, cube, () -> {
            ProtectionPattern.Mark[] marks = primary(table, threshold);
            List<Integer> open = cube.protect(marks, threshold, cost);
            for (int round = 0; !open.isEmpty(); round++) {
                if (round == 6) {
                    throw new IllegalStateException("Cel " + table.key(open.get(0)) + " is niet te beschermen");
                }
                // what lies around it, wider each round: a <5 there then
                // says less (an x is any count), a shown count nothing
                Set<Integer> around = new HashSet<>(open);
                for (int ring = 0; ring <= round; ring++) {
                    Set<Integer> next = new HashSet<>();
                    around.stream()
                            .filter(c -> marks[c] != ProtectionPattern.Mark.SHOWN)
                            .forEach(c -> next.addAll(SecondarySuppression.neighbours(table, c)));
                    around.addAll(next);
                }
                for (int c : around) {
                    if (marks[c] == ProtectionPattern.Mark.PRIMARY
                            || marks[c] == ProtectionPattern.Mark.SHOWN
                                    && (table.rank(c) != CountTable.KEEP || round >= 3)) {
                        marks[c] = ProtectionPattern.Mark.SECONDARY;
                    }
                }
                open = cube.protect(marks, threshold, cost);
            }
            return new ProtectionPattern(table, marks, threshold, cube);
        });
    }

    private ProtectionPattern remembered(String key, CountTable table, Supplier<ProtectionPattern> protect) {
        return remembered(key, table, null, protect);
    }

    /**
     * The pattern of a table protected before, else worked out now: protection is a function of the
     * table alone, so a new publication only protects the tables whose counts changed.
     */
    private ProtectionPattern remembered(
            String key, CountTable table, LinkedCube cube, Supplier<ProtectionPattern> protect) {
        return memory.pattern(key)
                .map(marks -> new ProtectionPattern(table, marks, threshold, cube))
                .orElseGet(() -> {
                    ProtectionPattern pattern = protect.get();
                    memory.rememberPattern(key, pattern.marks());
                    return pattern;
                });
    }

    /**
     * Protects {@code extended}: the cells of the protected table of {@code base} (under the same
     * keys), plus new cells, each the total of relations over cells of {@code base} only. Such a
     * total is shown only when all its parts are shown; the pattern of {@code base} is kept, and
     * since a hidden new total still tells that it is {@code <5} or at least the threshold, the
     * audit and closing then run over the whole table from there. A table that ties many others
     * together (every region's all profiles) is protected this way in seconds, where suppressing it
     * from scratch takes minutes.
     */
    public ProtectionPattern extend(ProtectionPattern base, CountTable extended) {
        // base's pattern follows from base's table, so both tables together decide the outcome
        return remembered(
                "extend " + threshold + " " + base.table().fingerprint() + " " + extended.fingerprint(),
                extended,
                () -> extendNow(base, extended));
    }

    private ProtectionPattern extendNow(ProtectionPattern base, CountTable extended) {
        CountTable known = base.table();
        ProtectionPattern.Mark[] marks = primary(extended, threshold);
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
                throw new IllegalArgumentException(
                        "Cel " + extended.key(relation[0]) + " is geen totaal van beschermde cellen");
            }
            // not small and with a hidden part (at least 1), so at least the threshold: an honest x
            if (newTotal && hiddenPart && marks[relation[0]] == ProtectionPattern.Mark.SHOWN) {
                marks[relation[0]] = ProtectionPattern.Mark.SECONDARY;
            }
        }
        return secondary.complete(extended, marks);
    }

    private static List<String> keys(CountTable table, int[] relation) {
        return Arrays.stream(relation).mapToObj(table::key).toList();
    }

    /**
     * The primary rule: small cells are {@code <5}, except those whose {@code <5} would by itself
     * narrow them ({@link DisclosureAudit#smallTotals}): a small total known to be at least 3 from
     * its small parts, and a small cell equal to such a total; those are {@code x}.
     */
    static ProtectionPattern.Mark[] primary(CountTable table, int threshold) {
        ProtectionPattern.Mark[] marks = new ProtectionPattern.Mark[table.size()];
        boolean[] small = new boolean[table.size()];
        for (int c = 0; c < marks.length; c++) {
            small[c] = table.value(c) > 0 && table.value(c) < threshold;
            marks[c] = small[c] ? ProtectionPattern.Mark.PRIMARY : ProtectionPattern.Mark.SHOWN;
        }
        boolean[] relabel = DisclosureAudit.smallTotals(table, small, small, c -> table.value(c) != 0, threshold);
        for (int c = 0; c < marks.length; c++) {
            if (relabel[c]) {
                marks[c] = ProtectionPattern.Mark.SECONDARY;
            }
        }
        return marks;
    }
}
