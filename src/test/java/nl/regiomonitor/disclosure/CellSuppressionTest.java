package nl.regiomonitor.disclosure;

import static nl.regiomonitor.disclosure.ProtectionPattern.Mark.PRIMARY;
import static nl.regiomonitor.disclosure.ProtectionPattern.Mark.SECONDARY;
import static nl.regiomonitor.disclosure.ProtectionPattern.Mark.SHOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class CellSuppressionTest {

    private final CellSuppression suppression = new CellSuppression(5);

    /**
     * A table of rows × columns p, q with a column "tot" per row; every row is tot = p + q (+ r),
     * and every column of a parent row is the sum of its child rows.
     */
    private static CountTable table(String[] columns, Map<String, long[]> rows, Map<String, List<String>> children) {
        CountTable table = new CountTable();
        rows.forEach((row, values) -> {
            long total = 0;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                table.cell(row + "." + columns[i], values[i]);
                parts.add(row + "." + columns[i]);
                total += values[i];
            }
            table.cell(row + ".tot", total);
            table.sum(row + ".tot", parts);
        });
        List<String> all = new ArrayList<>(List.of(columns));
        all.add("tot");
        for (String column : all) {
            children.forEach((parent, kids) -> table.sum(
                    parent + "." + column,
                    kids.stream().map(k -> k + "." + column).toList()));
        }
        return table;
    }

    private static Map<String, long[]> rows(Object... rowsAndValues) {
        return ordered(rowsAndValues);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> ordered(Object... keysAndValues) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (T) keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, ProtectionPattern.Mark> hiddenCells(ProtectionPattern pattern) {
        Map<String, ProtectionPattern.Mark> hidden = new TreeMap<>();
        for (int c = 0; c < pattern.table().size(); c++) {
            if (pattern.hidden(c)) {
                hidden.put(pattern.table().key(c), pattern.mark(c));
            }
        }
        return hidden;
    }

    /**
     * <pre>
     *        p   q   r | tot
     *   A    2  10  12 |  24      A.p is primary. Row A then gives it away: hide A.q (10, the
     *   B    8   9  20 |  37      smallest cell that is no total). Column p gives it away: hide
     *   C   15  11  30 |  56      B.p (8). Row B now has one hidden cell: hide B.q (9). The four
     *   NL  25  30  62 | 117      corners move together: A.p can be 0 (B.q 9 → 7) and up to 10.
     * </pre>
     */
    private static CountTable twoWay() {
        return table(
                new String[] {"p", "q", "r"},
                rows(
                        "A",
                        new long[] {2, 10, 12},
                        "B",
                        new long[] {8, 9, 20},
                        "C",
                        new long[] {15, 11, 30},
                        "NL",
                        new long[] {25, 30, 62}),
                Map.of("NL", List.of("A", "B", "C")));
    }

    @Test
    void aTwoWayTableGetsTheRectangleWorkedOutByHand() {
        ProtectionPattern pattern = suppression.protect(twoWay());
        assertThat(hiddenCells(pattern))
                .isEqualTo(Map.of("A.p", PRIMARY, "A.q", SECONDARY, "B.p", SECONDARY, "B.q", SECONDARY));
        assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();
        assertThat(DisclosureAudit.bounds(pattern, pattern.table().indexOf("A.p")))
                .containsExactly(1L, 4L);
    }

    @Test
    void theAuditCatchesATableProtectedByThePrimaryRuleAlone() {
        ProtectionPattern primaryOnly = suppression.primaryOnly(twoWay());
        assertThat(hiddenCells(primaryOnly)).isEqualTo(Map.of("A.p", PRIMARY));
        List<DisclosureAudit.Finding> findings = DisclosureAudit.audit(primaryOnly, 5);
        assertThat(findings).containsExactly(new DisclosureAudit.Finding("A.p", 2, 2, 2, DisclosureAudit.Kind.PINNED));
    }

    /**
     * Three levels, NL = R1 + R2, R1 = R1a + R1b, R2 = R2a + R2b:
     * <pre>
     *          p    q | tot
     *   R1a    1   20 |  21     Primary: R1a.p, R1b.p and R1.p (4).
     *   R1b    3   15 |  18     Rows first, in order: R1a hides R1a.q, R1b hides R1b.q, R1 hides
     *   R1     4   35 |  39     R1.q (35; both its shown cells are totals, 35 is the smaller).
     *   R2a   30   40 |  70     Columns: NL.p = R1.p + R2.p hides R2.p (55 before NL.p's 59),
     *   R2b   25   28 |  53     NL.q hides R2.q (68). Then R2.p = R2a.p + R2b.p hides R2b.p (25),
     *   R2    55   68 | 123     R2.q hides R2b.q (28). No relation has one hidden cell left, and
     *   NL    59  103 | 162     every primary can move to 0 and to 5 along R1–R2–R2b.
     * </pre>
     */
    @Test
    void aThreeLevelHierarchyIsProtectedAcrossItsLevels() {
        CountTable table = table(
                new String[] {"p", "q"},
                rows(
                        "R1a",
                        new long[] {1, 20},
                        "R1b",
                        new long[] {3, 15},
                        "R1",
                        new long[] {4, 35},
                        "R2a",
                        new long[] {30, 40},
                        "R2b",
                        new long[] {25, 28},
                        "R2",
                        new long[] {55, 68},
                        "NL",
                        new long[] {59, 103}),
                ordered("R1", List.of("R1a", "R1b"), "R2", List.of("R2a", "R2b"), "NL", List.of("R1", "R2")));
        ProtectionPattern pattern = suppression.protect(table);
        assertThat(hiddenCells(pattern))
                .isEqualTo(new TreeMap<>(Map.of(
                        "R1a.p", PRIMARY, "R1b.p", PRIMARY, "R1.p", PRIMARY, "R1a.q", SECONDARY, "R1b.q", SECONDARY,
                        "R1.q", SECONDARY, "R2.p", SECONDARY, "R2.q", SECONDARY, "R2b.p", SECONDARY, "R2b.q",
                        SECONDARY)));
        assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();
        assertThat(DisclosureAudit.audit(suppression.primaryOnly(table), 5))
                .extracting(DisclosureAudit.Finding::key)
                .contains("R1.p");
    }

    @Test
    void theSameTableAlwaysGetsTheSamePatternAndTheThresholdIsASetting() {
        assertThat(hiddenCells(suppression.protect(twoWay()))).isEqualTo(hiddenCells(suppression.protect(twoWay())));
        ProtectionPattern lower = new CellSuppression(2).protect(twoWay());
        assertThat(lower.mark("A.p")).isEqualTo(SHOWN);
        assertThat(lower.count(PRIMARY) + lower.count(SECONDARY)).isZero();
        assertThat(new CellSuppression(9).protect(twoWay()).mark("B.p")).isEqualTo(PRIMARY);
    }

    @Test
    void zeroIsShown() {
        CountTable table = table(
                new String[] {"p", "q"},
                rows("A", new long[] {0, 10}, "B", new long[] {7, 9}, "NL", new long[] {7, 19}),
                Map.of("NL", List.of("A", "B")));
        assertThat(hiddenCells(suppression.protect(table))).isEmpty();
    }

    /**
     * Clients in care of one profile by delivery form, where a client with two forms counts in both:
     * total 12 is a union of A = 4 and B = 9. With only A hidden, A + B ≥ 12 gives A ≥ 3: A is 3
     * or 4. Hiding B as well (at least 5) leaves A + B ≥ 12 with B ≤ 12, so A can be anything from
     * 1 to 4.
     */
    @Test
    void aUnionOfOverlappingPartsBoundsAHiddenCellAndGetsASecondHiddenCell() {
        CountTable table = new CountTable();
        table.cell("tot", 12);
        table.cell("A", 4);
        table.cell("B", 9);
        table.union("tot", List.of("A", "B"));

        List<DisclosureAudit.Finding> leak = DisclosureAudit.audit(suppression.primaryOnly(table), 5);
        assertThat(leak).containsExactly(new DisclosureAudit.Finding("A", 4, 3, 4, DisclosureAudit.Kind.NARROWED));

        ProtectionPattern pattern = suppression.protect(table);
        assertThat(hiddenCells(pattern)).containsExactly(Map.entry("A", PRIMARY), Map.entry("B", SECONDARY));
        assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();
        assertThat(DisclosureAudit.bounds(pattern, table.indexOf("A"))).containsExactly(1L, 4L);
        assertThat(catchThrowable(() -> {
                    CountTable wrong = new CountTable();
                    wrong.cell("tot", 12);
                    wrong.cell("A", 3);
                    wrong.cell("B", 8);
                    wrong.union("tot", List.of("A", "B"));
                }))
                .hasMessageContaining("ligt niet tussen");
    }

    /**
     * The two-way table protected, then the sums of its columns over rows A and B added:
     * AB.p = A.p + B.p (both hidden) is hidden, AB.r = A.r + B.r (both shown) is shown, and the
     * rectangle of the first protection still holds.
     */
    @Test
    void sumsAddedToAProtectedTableAreShownOnlyWhereTheirPartsAre() {
        ProtectionPattern base = suppression.protect(twoWay());
        CountTable extended = twoWay();
        for (String column : List.of("p", "q", "r", "tot")) {
            long sum =
                    extended.value(extended.indexOf("A." + column)) + extended.value(extended.indexOf("B." + column));
            extended.cell("AB." + column, sum);
            extended.sum("AB." + column, List.of("A." + column, "B." + column));
        }
        ProtectionPattern pattern = suppression.extend(base, extended);
        assertThat(hiddenCells(pattern))
                .isEqualTo(new TreeMap<>(Map.of(
                        "A.p", PRIMARY, "A.q", SECONDARY, "B.p", SECONDARY, "B.q", SECONDARY, "AB.p", SECONDARY, "AB.q",
                        SECONDARY)));
        assertThat(pattern.mark("AB.r")).isEqualTo(SHOWN);
        assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();
        // a new relation between protected cells would tell more than they were protected against
        CountTable tied = twoWay();
        tied.cell("AC.p", 17);
        tied.sum("AC.p", List.of("A.p", "C.p"));
        tied.sum("C.p", List.of("C.p"));
        assertThatThrownBy(() -> suppression.extend(base, tied)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An added sum that counts 1 to 4 is primary itself, and the audit still finds it safe or suppression adds cells. */
    @Test
    void anAddedSumBelowTheThresholdIsPrimary() {
        CountTable table = table(
                new String[] {"p", "q"},
                rows("A", new long[] {1, 20}, "B", new long[] {2, 30}, "C", new long[] {9, 40}, "NL", new long[] {12, 90
                }),
                Map.of("NL", List.of("A", "B", "C")));
        ProtectionPattern base = suppression.protect(table);
        CountTable extended = table(
                new String[] {"p", "q"},
                rows("A", new long[] {1, 20}, "B", new long[] {2, 30}, "C", new long[] {9, 40}, "NL", new long[] {12, 90
                }),
                Map.of("NL", List.of("A", "B", "C")));
        extended.cell("AB.p", 3);
        extended.sum("AB.p", List.of("A.p", "B.p"));
        ProtectionPattern pattern = suppression.extend(base, extended);
        assertThat(pattern.mark("AB.p")).isEqualTo(PRIMARY);
        assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();
    }
}
