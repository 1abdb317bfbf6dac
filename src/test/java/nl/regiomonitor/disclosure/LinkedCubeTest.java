package nl.regiomonitor.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Protection by moves over tables linked along regions, breakdowns and periods (as a year of influx:
 * months, quarters and the year), checked by the exact integer audit over the whole linked system,
 * which does not use the moves: an outsider with every relation at once pins or narrows no small cell.
 */
class LinkedCubeTest {

    private static final int THRESHOLD = 5;
    private static final int REGIONS = 5;
    private static final int[] BREAKDOWNS = {3, 2};
    private static final int MONTHS = 6;
    /** two quarters and the half year */
    private static final List<int[]> PERIOD_SUMS = List.of(
            new int[] {0, 1, 2}, new int[] {3, 4, 5}, IntStream.range(0, MONTHS).toArray());

    private final CellSuppression suppression = new CellSuppression(THRESHOLD);

    @Test
    void noSmallCellIsPinnedOrNarrowedByAnyCombinationOfMonthsQuartersAndTheYear() {
        for (long seed = 1; seed <= 12; seed++) {
            LinkedCube cube = cube(seed, seed % 3 == 0 ? 150 : 40 + 5 * (int) seed);
            ProtectionPattern pattern = suppression.protect(cube);
            CountTable table = cube.table();
            List<Integer> small = smallHidden(pattern);
            assertThat(small).as("seed %d has small cells", seed).isNotEmpty();
            ProtectionPattern.Mark[] marks = pattern.marks();
            // the exact audit over the whole linked table, without the moves' certificates
            assertThat(DisclosureAudit.check(table, marks, small, THRESHOLD, true)
                            .findings())
                    .as("seed %d", seed)
                    .isEmpty();
            assertThat(DisclosureAudit.audit(pattern, THRESHOLD)).isEmpty();
            for (int c = 0; c < table.size(); c++) {
                if (table.rank(c) == CountTable.KEEP && table.value(c) >= THRESHOLD) {
                    assertThat(pattern.mark(c))
                            .as("kept cell %s", table.key(c))
                            .isEqualTo(ProtectionPattern.Mark.SHOWN);
                }
            }
        }
    }

    /**
     * Clients moved between eight small cells (two regions, two profiles, two months of one quarter: +1
     * and −1 so that every total, NL, quarter and year stays the same) change no published cell, so
     * they must not change which cells protection hides: otherwise replaying the method would tell
     * the counts apart.
     */
    @Test
    void clientsMovedBetweenHiddenCellsLeaveThePatternAsItWas() {
        int compared = 0;
        for (long seed = 1; seed <= 40 && compared < 3; seed++) {
            Random random = new Random(seed);
            long[][][] months = new long[REGIONS][1 + BREAKDOWNS[0] + BREAKDOWNS[1]][MONTHS];
            for (int i = 0; i < 90; i++) {
                // two clients in each of eight cells to move between, and others anywhere
                boolean planted = i < 16;
                int region = planted ? i / 8 : random.nextInt(REGIONS);
                int month = planted ? i / 2 % 2 : random.nextInt(MONTHS);
                int first = planted ? 1 + i / 4 % 2 : 1 + random.nextInt(BREAKDOWNS[0]);
                for (int category : new int[] {0, first, 1 + BREAKDOWNS[0] + random.nextInt(BREAKDOWNS[1])}) {
                    months[region][category][month]++;
                }
            }
            int[] move = smallCubeMove(months);
            if (move == null) {
                continue;
            }
            ProtectionPattern before = new CellSuppression(THRESHOLD).protect(cube(months));
            int[] sign = {1, -1, -1, 1, -1, 1, 1, -1};
            int k = 0;
            for (int r : new int[] {move[0], move[1]}) {
                for (int c : new int[] {move[2], move[3]}) {
                    for (int m : new int[] {move[4], move[5]}) {
                        months[r][c][m] += sign[k++];
                    }
                }
            }
            ProtectionPattern after = new CellSuppression(THRESHOLD).protect(cube(months));
            for (int cell = 0; cell < before.table().size(); cell++) {
                if (!before.hidden(cell)) {
                    assertThat(after.table().value(cell))
                            .as("published cell %s", before.table().key(cell))
                            .isEqualTo(before.table().value(cell));
                }
            }
            assertThat(after.marks()).as("seed %d", seed).isEqualTo(before.marks());
            compared++;
        }
        assertThat(compared)
                .as("tables with eight small cells to move clients between")
                .isEqualTo(3);
    }

    /** Two regions, two categories of the first breakdown and two months of the first quarter whose eight cells are 2 or 3. */
    private static int[] smallCubeMove(long[][][] months) {
        for (int r1 = 0; r1 < REGIONS; r1++) {
            for (int r2 = r1 + 1; r2 < REGIONS; r2++) {
                for (int c1 = 1; c1 <= BREAKDOWNS[0]; c1++) {
                    for (int c2 = c1 + 1; c2 <= BREAKDOWNS[0]; c2++) {
                        for (int m1 = 0; m1 < 3; m1++) {
                            for (int m2 = m1 + 1; m2 < 3; m2++) {
                                boolean all = true;
                                for (int r : new int[] {r1, r2}) {
                                    for (int c : new int[] {c1, c2}) {
                                        for (int m : new int[] {m1, m2}) {
                                            all &= months[r][c][m] == 2 || months[r][c][m] == 3;
                                        }
                                    }
                                }
                                if (all) {
                                    return new int[] {r1, r2, c1, c2, m1, m2};
                                }
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    @Test
    void theAuditFindsWhatThePrimaryRuleAloneGivesAway() {
        int found = 0;
        for (long seed = 1; seed <= 6; seed++) {
            LinkedCube cube = cube(seed, 60);
            ProtectionPattern primary = suppression.primaryOnly(cube.table());
            List<DisclosureAudit.Finding> findings = DisclosureAudit.audit(
                    new ProtectionPattern(cube.table(), primary.marks(), THRESHOLD, cube), THRESHOLD);
            found += findings.size();
            // a quarter shown beside its months: a month that is the only hidden one of its quarter is pinned
            findings.forEach(f -> assertThat(f.lowest()).isLessThanOrEqualTo(f.value()));
        }
        assertThat(found).isPositive();
    }

    @Test
    void aMoveKeepsEverySumOfItsAxis() {
        LinkedCube.Axis periods = LinkedCube.Axis.hierarchy(MONTHS, PERIOD_SUMS);
        for (int node = 0; node < periods.size(); node++) {
            for (LinkedCube.Move move : periods.through().apply(node)) {
                int[] change = new int[periods.size()];
                for (int i = 0; i < move.nodes().length; i++) {
                    change[move.nodes()[i]] = move.coefficients()[i];
                }
                assertThat(change[node]).isEqualTo(1);
                for (int s = 0; s < PERIOD_SUMS.size(); s++) {
                    int sum = 0;
                    for (int leaf : PERIOD_SUMS.get(s)) {
                        sum += change[leaf];
                    }
                    assertThat(change[MONTHS + s]).isEqualTo(sum);
                }
            }
        }
        LinkedCube.Axis categories = LinkedCube.Axis.breakdowns(BREAKDOWNS);
        for (int node = 0; node < categories.size(); node++) {
            for (LinkedCube.Move move : categories.through().apply(node)) {
                int[] change = new int[categories.size()];
                for (int i = 0; i < move.nodes().length; i++) {
                    change[move.nodes()[i]] = move.coefficients()[i];
                }
                assertThat(change[node]).isEqualTo(1);
                assertThat(IntStream.range(1, 1 + BREAKDOWNS[0])
                                .map(c -> change[c])
                                .sum())
                        .isEqualTo(change[0]);
                assertThat(IntStream.range(1 + BREAKDOWNS[0], categories.size())
                                .map(c -> change[c])
                                .sum())
                        .isEqualTo(change[0]);
            }
        }
    }

    private static List<Integer> smallHidden(ProtectionPattern pattern) {
        List<Integer> small = new ArrayList<>();
        for (int c = 0; c < pattern.table().size(); c++) {
            if (pattern.hidden(c)
                    && pattern.table().value(c) > 0
                    && pattern.table().value(c) < THRESHOLD) {
                small.add(c);
            }
        }
        return small;
    }

    /**
     * {@code clients} clients, each in a region (the first two large), a category of each breakdown and
     * a month; cells for every region and NL, the total and each category, every month, quarter and the
     * half year, with all their sums. The half year per category of the first breakdown is kept shown for
     * the regions; NL's is hidden only when nothing cheaper helps.
     */
    static LinkedCube cube(long seed, int clients) {
        Random random = new Random(seed);
        long[][][] months = new long[REGIONS][1 + BREAKDOWNS[0] + BREAKDOWNS[1]][MONTHS];
        for (int i = 0; i < clients; i++) {
            int region = random.nextInt(3) == 0 ? random.nextInt(REGIONS) : random.nextInt(2);
            int month = random.nextInt(MONTHS);
            for (int category :
                    new int[] {0, 1 + random.nextInt(BREAKDOWNS[0]), 1 + BREAKDOWNS[0] + random.nextInt(BREAKDOWNS[1])
                    }) {
                months[region][category][month]++;
            }
        }
        return cube(months);
    }

    /** The cube of {@code months[region][category][month]} (category 0 the total), with NL and every period added up. */
    static LinkedCube cube(long[][][] months) {
        int categories = 1 + BREAKDOWNS[0] + BREAKDOWNS[1];
        int periods = MONTHS + PERIOD_SUMS.size();
        long[][][] counts = new long[REGIONS + 1][categories][periods];
        for (int r = 0; r < REGIONS; r++) {
            for (int c = 0; c < categories; c++) {
                for (int m = 0; m < MONTHS; m++) {
                    for (int scope : new int[] {r, REGIONS}) {
                        counts[scope][c][m] += months[r][c][m];
                        for (int s = 0; s < PERIOD_SUMS.size(); s++) {
                            int month = m;
                            if (IntStream.of(PERIOD_SUMS.get(s)).anyMatch(x -> x == month)) {
                                counts[scope][c][MONTHS + s] += months[r][c][m];
                            }
                        }
                    }
                }
            }
        }
        CountTable table = new CountTable();
        for (int s = 0; s <= REGIONS; s++) {
            for (int c = 0; c < categories; c++) {
                for (int p = 0; p < periods; p++) {
                    table.cell(key(s, c, p), counts[s][c][p]);
                }
            }
        }
        for (int p = 0; p < periods; p++) {
            int period = p;
            for (int s = 0; s <= REGIONS; s++) {
                int scope = s;
                table.sum(
                        key(s, 0, p),
                        IntStream.range(1, 1 + BREAKDOWNS[0])
                                .mapToObj(c -> key(scope, c, period))
                                .toList());
                table.sum(
                        key(s, 0, p),
                        IntStream.range(1 + BREAKDOWNS[0], categories)
                                .mapToObj(c -> key(scope, c, period))
                                .toList());
            }
            for (int c = 0; c < categories; c++) {
                int category = c;
                table.sum(
                        key(REGIONS, c, p),
                        IntStream.range(0, REGIONS)
                                .mapToObj(r -> key(r, category, period))
                                .toList());
            }
        }
        for (int s = 0; s < PERIOD_SUMS.size(); s++) {
            int[] parts = PERIOD_SUMS.get(s);
            for (int r = 0; r <= REGIONS; r++) {
                for (int c = 0; c < categories; c++) {
                    int region = r;
                    int category = c;
                    table.sum(
                            key(r, c, MONTHS + s),
                            IntStream.of(parts)
                                    .mapToObj(m -> key(region, category, m))
                                    .toList());
                }
            }
        }
        for (int r = 0; r <= REGIONS; r++) {
            for (int c = 1; c <= BREAKDOWNS[0]; c++) {
                table.rank(key(r, c, periods - 1), r == REGIONS ? 3 : CountTable.KEEP);
            }
        }
        return new LinkedCube(
                table,
                LinkedCube.Axis.hierarchy(
                        REGIONS, List.of(IntStream.range(0, REGIONS).toArray())),
                LinkedCube.Axis.breakdowns(BREAKDOWNS),
                LinkedCube.Axis.hierarchy(MONTHS, PERIOD_SUMS),
                (s, c, p) -> table.indexOf(key(s, c, p)));
    }

    private static String key(int scope, int category, int period) {
        return (scope == REGIONS ? "NL" : "R" + scope) + "|" + category + "|" + period;
    }
}
