package nl.regiomonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;

/**
 * bench/figures: over 1,000,000 generated indication rows, every figure for NL and the 31 regions
 * over 48 months (influx in total and by profile, origin and age band; stock by profile on four
 * reference dates with the year before; prevalence of GGZ-W and GGZ-B on those dates), computed
 * from cold: a small import before each round makes every figure held in memory stale, so they are
 * read again from the tables the indications import keeps. Against it, in the same run, the plain SQL that yields the
 * monthly influx per region (first GGZ-W indication per client, GROUP BY month and region), sorting
 * client ids by bytes (collation "C") as the figures do.
 */
public final class FiguresBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int ROUNDS = 5;
    private static final YearMonth FROM = YearMonth.of(2021, 1);
    private static final YearMonth TO = YearMonth.of(2024, 12);
    private static final String PLAIN = """
            select date_trunc('month', f.valid_from) as month, f.region_code, count(*)
            from (select distinct on (i.client_id collate "C") i.valid_from, i.region_code
                  from indication i join care_profile p on p.code = i.profile_code
                  where p.series = 'GGZ-W'
                  order by i.client_id collate "C", i.valid_from) f
            group by 1, 2""";

    public static void main(String[] args) throws Exception {
        Path work = BenchSupport.workFolder();
        Path file = BenchSupport.indications(work, ROWS);
        try (ConfigurableApplicationContext context = BenchSupport.application()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ImportService imports = context.getBean(ImportService.class);
            InfluxFigures influx = context.getBean(InfluxFigures.class);
            StockFigures stock = context.getBean(StockFigures.class);
            List<String> scopes = new ArrayList<>(List.of("NL"));
            context.getBean(RegionService.class).regions().stream()
                    .map(Region::code)
                    .forEach(scopes::add);
            BenchSupport.check(
                    imports.importFile(file, "bench-figures.csv", "indications").status() == ImportStatus.LOADED,
                    "import failed");

            List<Double> plainTimes = new ArrayList<>();
            List<Double> figureTimes = new ArrayList<>();
            long cells = 0;
            for (int round = 0; round < ROUNDS; round++) {
                BenchSupport.makeFiguresStale(imports, work, round);

                long start = System.nanoTime();
                int groups = jdbc.query(PLAIN, (rs, n) -> rs.getLong(3)).size();
                plainTimes.add((System.nanoTime() - start) / 1e9);
                BenchSupport.check(groups > 31 * 40, "plain query gave " + groups + " groups");

                start = System.nanoTime();
                cells = 0;
                for (String scope : scopes) {
                    for (Breakdown by : Breakdown.values()) {
                        cells += influx.influx(scope, FROM, TO, by).rows().size() * (by == Breakdown.NONE ? 1 : 5);
                    }
                    for (int year = 2021; year <= 2024; year++) {
                        cells += stock.stock(scope, LocalDate.of(year, 10, 1), Breakdown.PROFILE)
                                        .rows()
                                        .size()
                                * 2;
                    }
                }
                for (int year = 2021; year <= 2024; year++) {
                    for (String series : List.of("GGZ-W", "GGZ-B")) {
                        cells += stock.prevalence(LocalDate.of(year, 10, 1), series)
                                .rows()
                                .size();
                    }
                }
                figureTimes.add((System.nanoTime() - start) / 1e9);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: plain %.3f s, all figures %.3f s%n",
                        round + 1,
                        plainTimes.get(round),
                        figureTimes.get(round));
            }
            double plain = BenchSupport.median(plainTimes);
            double all = BenchSupport.median(figureTimes);
            String summary = String.format(
                    Locale.ROOT,
                    "rows=%d scopes=%d months=48 rounds=%d cells=%d plain_groupby_median_s=%.3f all_figures_median_s=%.3f "
                            + "ratio=%.2f (goal: all figures < 1 s and ratio <= 2.00)%n",
                    ROWS,
                    scopes.size(),
                    ROUNDS,
                    cells,
                    plain,
                    all,
                    all / plain);
            System.out.print(summary);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), summary);
            }
        }
    }
}
