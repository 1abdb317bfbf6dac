package nl.regiomonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.publication.DisclosureAuditService;

/**
 * bench/disclosure: on the demo data (generated and imported as on a first start), protecting every table the
 * system publishes, from cold (a small import before each round makes every pattern stale), and
 * the integer audit of all of them (no small cell pinned or narrowed to two values, or the bench
 * fails); against, in the same run, the primary rule alone on the same tables.
 */
public final class DisclosureBenchmark {

    private static final int ROUNDS = 5;
    /** A small and a large care office (issue 15): how much each period shows of their influx. */
    private static final List<String> SHARE_REGIONS = List.of("ZK27", "ZK10", "NL");

    public static void main(String[] args) throws Exception {
        Path work = BenchSupport.workFolder();
        try (ConfigurableApplicationContext context = BenchSupport.application()) {
            ImportService imports = context.getBean(ImportService.class);
            BenchSupport.importDemo(imports, work);
            List<PublishedTables> publishers = context.getBeanProvider(PublishedTables.class)
                    .orderedStream()
                    .toList();
            DisclosureAuditService audit = context.getBean(DisclosureAuditService.class);
            List<Double> protect = new ArrayList<>();
            List<Double> audits = new ArrayList<>();
            List<Double> primary = new ArrayList<>();
            CellSuppression suppression = context.getBean(CellSuppression.class);
            int tables = 0;
            long cells = 0;
            long primaryCells = 0;
            long secondaryCells = 0;
            for (int round = 0; round < ROUNDS; round++) {
                BenchSupport.makeFiguresStale(imports, work, round);
                long start = System.nanoTime();
                List<ProtectionPattern> patterns = new ArrayList<>();
                publishers.forEach(p -> patterns.addAll(p.published().values()));
                protect.add((System.nanoTime() - start) / 1e9);
                tables = patterns.size();
                cells = patterns.stream().mapToLong(p -> p.table().size()).sum();
                primaryCells = patterns.stream()
                        .mapToLong(p -> p.count(ProtectionPattern.Mark.PRIMARY))
                        .sum();
                secondaryCells = patterns.stream()
                        .mapToLong(p -> p.count(ProtectionPattern.Mark.SECONDARY))
                        .sum();
                start = System.nanoTime();
                patterns.forEach(p -> suppression.primaryOnly(p.table()));
                primary.add((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                List<DisclosureAuditService.TableReport> reports = audit.audit();
                audits.add((System.nanoTime() - start) / 1e9);
                long pinned = reports.stream()
                        .mapToLong(DisclosureAuditService.TableReport::pinned)
                        .sum();
                long narrowed = reports.stream()
                        .mapToLong(DisclosureAuditService.TableReport::narrowed)
                        .sum();
                BenchSupport.check(
                        pinned + narrowed == 0,
                        pinned + " small cells pinned, " + narrowed + " narrowed to two values");
                System.out.printf(
                        Locale.ROOT,
                        "round %d: protect %.3f s, primary rule alone %.4f s, audit %.3f s, <5 %d, x %d%n",
                        round + 1,
                        protect.get(round),
                        primary.get(round),
                        audits.get(round),
                        primaryCells,
                        secondaryCells);
            }
            String summary = String.format(
                    Locale.ROOT,
                    "demo data, tables=%d cells=%d small_shown_as_lt5=%d x=%d rounds=%d protect_all_median_s=%.3f "
                            + "primary_rule_alone_median_s=%.4f ratio=%.0f audit_all_median_s=%.3f pinned=0 narrowed=0%n",
                    tables,
                    cells,
                    primaryCells,
                    secondaryCells,
                    ROUNDS,
                    BenchSupport.median(protect),
                    BenchSupport.median(primary),
                    BenchSupport.median(protect) / BenchSupport.median(primary),
                    BenchSupport.median(audits));
            summary += shownShares(context.getBean(InfluxFigures.class));
            System.out.print(summary);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), summary);
            }
        }
    }

    /**
     * Per region and period, the share of the influx cells (totals and every category of the three
     * breakdowns, over the whole series) that is shown as a number: the price of protecting them together.
     */
    static String shownShares(InfluxFigures influx) {
        StringBuilder lines = new StringBuilder();
        YearMonth from = influx.firstMonth();
        YearMonth to = influx.lastMonth();
        for (String region : SHARE_REGIONS) {
            lines.append("influx cells shown, ").append(region);
            for (Period period : Period.values()) {
                long shown = 0;
                long all = 0;
                // a rolling year from the first complete one
                YearMonth start = period == Period.ROLLING12 ? from.plusMonths(11) : from;
                for (Breakdown by : Breakdown.values()) {
                    for (InfluxFigures.MonthRow row :
                            influx.influx(region, start, to, by, period).rows()) {
                        List<Cell> cells = new ArrayList<>();
                        if (by == Breakdown.NONE) {
                            cells.add(row.totalCell());
                        } else {
                            row.counts().keySet().forEach(c -> cells.add(row.cell(c)));
                        }
                        all += cells.size();
                        shown += cells.stream().filter(c -> !c.suppressed()).count();
                    }
                }
                lines.append(String.format(
                        Locale.ROOT,
                        " %s=%.1f%% (%d/%d)",
                        period.code(),
                        100.0 * shown / Math.max(1, all),
                        shown,
                        all));
            }
            lines.append('\n');
        }
        return lines.toString();
    }
}
