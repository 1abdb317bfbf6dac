package nl.regiomonitor.disclosure;

import static nl.regiomonitor.disclosure.DisclosureAudit.Kind.NARROWED;
import static nl.regiomonitor.disclosure.DisclosureAudit.Kind.PINNED;
import static nl.regiomonitor.disclosure.ProtectionPattern.Mark.PRIMARY;
import static nl.regiomonitor.disclosure.ProtectionPattern.Mark.SECONDARY;
import static nl.regiomonitor.disclosure.ProtectionPattern.Mark.SHOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The outsider of the audit knows that counts are whole numbers, that {@code <5} is 1 to 4, that a
 * shown 0 is 0 and an {@code x} at least 5: two cases the demo data gave away to an external probe
 * while the old (real-valued) audit passed them, and the protection that closes them.
 */
class IntegerAuditTest {

    private final CellSuppression suppression = new CellSuppression(5);

    /** The influx of one month in a region, as InfluxProtection builds it: the total and its breakdowns by profile, origin and age band. */
    private record Scope(String name, long[] profile, long[] origin, long[] age) {}

    private static CountTable influx(boolean national, Scope... scopes) {
        CountTable table = new CountTable();
        Map<String, long[]> byBreakdown = new LinkedHashMap<>();
        for (Scope s : scopes) {
            byBreakdown.put("PROFIEL", s.profile());
            byBreakdown.put("HERKOMST", s.origin());
            byBreakdown.put("LEEFTIJD", s.age());
            addScope(table, s.name(), byBreakdown);
        }
        if (national) {
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (Scope s : scopes) {
                for (Map.Entry<String, long[]> e : Map.of(
                                "PROFIEL", s.profile(), "HERKOMST", s.origin(), "LEEFTIJD", s.age())
                        .entrySet()) {
                    long[] sum = sums.computeIfAbsent(e.getKey(), k -> new long[e.getValue().length]);
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += e.getValue()[i];
                    }
                }
            }
            Map<String, long[]> ordered = new LinkedHashMap<>();
            List.of("PROFIEL", "HERKOMST", "LEEFTIJD").forEach(by -> ordered.put(by, sums.get(by)));
            addScope(table, "NL", ordered);
            List<String> regions = Arrays.stream(scopes).map(Scope::name).toList();
            table.sum("NL|TOTAAL", regions.stream().map(r -> r + "|TOTAAL").toList());
            ordered.forEach((by, values) -> {
                for (int i = 0; i < values.length; i++) {
                    String category = "|" + by + "|" + i;
                    table.sum(
                            "NL" + category,
                            regions.stream().map(r -> r + category).toList());
                }
            });
        }
        return table;
    }

    private static void addScope(CountTable table, String scope, Map<String, long[]> byBreakdown) {
        long total = Arrays.stream(byBreakdown.values().iterator().next()).sum();
        table.cell(scope + "|TOTAAL", total);
        byBreakdown.forEach((by, values) -> {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                parts.add(scope + "|" + by + "|" + i);
                table.cell(parts.get(i), values[i]);
            }
            table.sum(scope + "|TOTAAL", parts);
        });
    }

    /** ZK07, 2022-09 in the demo data: a total of 6, and each of six origins {@code <5}; each is 1. */
    private static Scope zk07() {
        return new Scope("ZK07", new long[] {2, 1, 3, 0, 0}, new long[] {1, 1, 1, 1, 1, 1}, new long[] {1, 2, 2, 1});
    }

    /**
     * ZK08, 2021-09 in the demo data: two profiles {@code <5} that the shown total (30) and other
     * profiles say add up to 8, so both are 4; and four origins {@code <5} adding up to 5, so each is 1 or 2.
     */
    private static Scope zk08() {
        return new Scope("ZK08", new long[] {11, 4, 6, 4, 5}, new long[] {25, 1, 2, 1, 1, 0}, new long[] {4, 10, 8, 8});
    }

    /** A larger region next to them, so that NL has cells to hide. */
    private static Scope zk09() {
        return new Scope(
                "ZK09", new long[] {30, 25, 20, 15, 5}, new long[] {50, 20, 10, 6, 5, 4}, new long[] {35, 30, 20, 10});
    }

    @Test
    void theIntegerAuditCatchesBothExamplesOnThePatternTheOldProtectionPublished() {
        // the patterns the old protection published for these regions and months: its real-valued audit found every <5
        // free to lie in [0, 5]
        ProtectionPattern oldZk07 = suppression.primaryOnly(influx(false, zk07()));
        assertThat(DisclosureAudit.audit(oldZk07, 5))
                .containsExactly(IntStream.range(0, 6)
                        .mapToObj(i -> new DisclosureAudit.Finding("ZK07|HERKOMST|" + i, 1, 1, 1, PINNED))
                        .toArray(DisclosureAudit.Finding[]::new));

        CountTable zk08 = influx(false, zk08());
        ProtectionPattern primaryOnly = suppression.primaryOnly(zk08);
        ProtectionPattern oldZk08 =
                new ProtectionPattern(zk08, marksWith(primaryOnly, SECONDARY, "ZK08|LEEFTIJD|2"), 5);
        assertThat(DisclosureAudit.audit(oldZk08, 5))
                .containsExactlyInAnyOrder(
                        new DisclosureAudit.Finding("ZK08|PROFIEL|1", 4, 4, 4, PINNED),
                        new DisclosureAudit.Finding("ZK08|PROFIEL|3", 4, 4, 4, PINNED),
                        new DisclosureAudit.Finding("ZK08|HERKOMST|1", 1, 1, 2, NARROWED),
                        new DisclosureAudit.Finding("ZK08|HERKOMST|2", 2, 1, 2, NARROWED),
                        new DisclosureAudit.Finding("ZK08|HERKOMST|3", 1, 1, 2, NARROWED),
                        new DisclosureAudit.Finding("ZK08|HERKOMST|4", 1, 1, 2, NARROWED));
    }

    @Test
    void theNewProtectionPassesTheIntegerAuditForBothExamples() {
        for (CountTable table :
                List.of(influx(false, zk07()), influx(false, zk08()), influx(true, zk07(), zk08(), zk09()))) {
            ProtectionPattern pattern = suppression.protect(table);
            assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();
            for (int c = 0; c < table.size(); c++) {
                if (pattern.mark(c) == SECONDARY) {
                    assertThat(table.value(c))
                            .as("an x is never below the threshold: " + table.key(c))
                            .isGreaterThanOrEqualTo(5);
                }
            }
            // the totals that gave the small cells away are hidden now
            if (table.contains("ZK07|TOTAAL")) {
                assertThat(pattern.mark("ZK07|TOTAAL")).isEqualTo(SECONDARY);
                assertThat(DisclosureAudit.bounds(pattern, table.indexOf("ZK07|HERKOMST|0")))
                        .satisfies(b -> assertThat(b[1] - b[0]).isGreaterThanOrEqualTo(2));
            }
            if (table.contains("ZK08|TOTAAL")) {
                assertThat(DisclosureAudit.bounds(pattern, table.indexOf("ZK08|PROFIEL|1")))
                        .satisfies(b -> assertThat(b[1] - b[0]).isGreaterThanOrEqualTo(2));
            }
        }
    }

    /**
     * A total of 3 with three origins of 1: {@code <5} on all four would leave each origin 1 or 2
     * and the total 3 or 4, whatever else is hidden, so the total is an {@code x} and may be
     * anything from 1 up; so is its one profile, which equals it.
     */
    @Test
    void aSmallTotalOfThreeSmallPartsIsAnXAndTheLabelsAloneNarrowThemOtherwise() {
        Scope small =
                new Scope("ZK01", new long[] {3, 0, 0, 0, 0}, new long[] {1, 1, 1, 0, 0, 0}, new long[] {2, 1, 0, 0});
        CountTable table = influx(true, small, zk09(), zk08());
        ProtectionPattern pattern = suppression.protect(table);
        assertThat(pattern.mark("ZK01|TOTAAL")).isEqualTo(SECONDARY);
        // the one profile is the total: its <5 would cap the total at 4
        assertThat(pattern.mark("ZK01|PROFIEL|0")).isEqualTo(SECONDARY);
        assertThat(pattern.mark("ZK01|HERKOMST|0")).isEqualTo(PRIMARY);
        assertThat(pattern.mark("ZK01|LEEFTIJD|0")).isEqualTo(PRIMARY);
        assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();

        // every small cell <5, as the old protection labelled them
        ProtectionPattern labelled =
                new ProtectionPattern(table, marksWith(pattern, PRIMARY, "ZK01|TOTAAL", "ZK01|PROFIEL|0"), 5);
        assertThat(DisclosureAudit.audit(labelled, 5))
                .extracting(DisclosureAudit.Finding::key, DisclosureAudit.Finding::kind)
                .contains(tuple("ZK01|HERKOMST|0", NARROWED), tuple("ZK01|TOTAAL", NARROWED));
    }

    /**
     * Delivery forms of ZK11 on a reference date of the demo data: profile GGZ05B has 3 clients (2
     * in a stay, 1 VPT), GGZ06B 1, all profiles 4. With {@code <5} everywhere, all profiles (at
     * most 4) minus GGZ06B (at least 1) leaves GGZ05B 2 or 3, and no cell of 5 or more is there to
     * hide: the sum of all profiles, at least 3 from its small parts, is an {@code x} instead.
     */
    @Test
    void aSmallSumOfSmallTotalsIsAnXWhenItsLabelWouldNarrowThem() {
        CountTable table = new CountTable();
        for (String[] row :
                new String[][] {{"GGZ05B", "3", "2", "1"}, {"GGZ06B", "1", "1", "0"}, {"ALL", "4", "3", "1"}}) {
            table.cell("ZK11|" + row[0] + "|TOTAAL", Long.parseLong(row[1]));
            table.cell("ZK11|" + row[0] + "|VERBLIJF", Long.parseLong(row[2]));
            table.cell("ZK11|" + row[0] + "|VPT", Long.parseLong(row[3]));
        }
        for (String profile : List.of("GGZ05B", "GGZ06B")) {
            table.union(
                    "ZK11|" + profile + "|TOTAAL",
                    List.of("ZK11|" + profile + "|VERBLIJF", "ZK11|" + profile + "|VPT"));
        }
        for (String column : List.of("TOTAAL", "VERBLIJF", "VPT")) {
            table.sum("ZK11|ALL|" + column, List.of("ZK11|GGZ05B|" + column, "ZK11|GGZ06B|" + column));
        }
        ProtectionPattern pattern = suppression.protect(table);
        assertThat(pattern.mark("ZK11|ALL|TOTAAL")).isEqualTo(SECONDARY);
        assertThat(pattern.count(PRIMARY)).isEqualTo(7);
        assertThat(DisclosureAudit.audit(pattern, 5)).isEmpty();

        ProtectionPattern labelled = new ProtectionPattern(table, marksWith(pattern, PRIMARY, "ZK11|ALL|TOTAAL"), 5);
        assertThat(DisclosureAudit.audit(labelled, 5))
                .contains(new DisclosureAudit.Finding("ZK11|GGZ05B|TOTAAL", 3, 2, 3, NARROWED));
    }

    /**
     * Moving a client between two {@code <5} profiles of a region (and one back in another region,
     * so that NL stays the same) changes no published cell: the pattern must not change either.
     */
    @Test
    void movingClientsBetweenSmallCellsThatStaySmallGivesTheSamePattern() {
        Scope a = zk07();
        Scope b =
                new Scope("ZK08", new long[] {1, 3, 12, 0, 0}, new long[] {10, 6, 0, 0, 0, 0}, new long[] {8, 8, 0, 0});
        Scope aMoved = new Scope("ZK07", new long[] {1, 2, 3, 0, 0}, a.origin(), a.age());
        Scope bMoved = new Scope("ZK08", new long[] {2, 2, 12, 0, 0}, b.origin(), b.age());
        ProtectionPattern before = suppression.protect(influx(true, a, b, zk09()));
        ProtectionPattern after = suppression.protect(influx(true, aMoved, bMoved, zk09()));
        for (int c = 0; c < before.table().size(); c++) {
            if (before.mark(c) == SHOWN) {
                assertThat(after.table().value(c))
                        .as("what is published stays the same")
                        .isEqualTo(before.table().value(c));
            }
            assertThat(after.mark(c)).as(before.table().key(c)).isEqualTo(before.mark(c));
        }
        assertThat(before.count(SECONDARY)).isPositive();
        assertThat(DisclosureAudit.audit(after, 5)).isEmpty();
    }

    private static ProtectionPattern.Mark[] marksWith(
            ProtectionPattern pattern, ProtectionPattern.Mark mark, String... keys) {
        ProtectionPattern.Mark[] marks =
                new ProtectionPattern.Mark[pattern.table().size()];
        for (int c = 0; c < marks.length; c++) {
            marks[c] = pattern.mark(c);
        }
        for (String key : keys) {
            marks[pattern.table().indexOf(key)] = mark;
        }
        return marks;
    }
}
