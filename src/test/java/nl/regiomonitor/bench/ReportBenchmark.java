package nl.regiomonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.report.RegionalReport;
import nl.regiomonitor.report.ReportFiles;

/**
 * bench/report: on the demo data, the regioperspectief 2024 as PDF as the {@code report} command writes it:
 * one region (cold, then warm after the batches), and all 31 regions with the index, from cold (a small
 * import before makes every figure and protection pattern stale) and warm.
 */
public final class ReportBenchmark {

    private static final int YEAR = 2024;
    private static final int SINGLE_ROUNDS = 5;
    private static final int BATCH_ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path work = BenchSupport.workFolder();
        System.setProperty("logging.level.com.openhtmltopdf", "ERROR"); // quiet, as in the command
        try (ConfigurableApplicationContext context = BenchSupport.application()) {
            ImportService imports = context.getBean(ImportService.class);
            BenchSupport.importDemo(imports, work);
            RegionalReport reports = context.getBean(RegionalReport.class);
            List<Region> regions = context.getBean(RegionService.class).regions();
            Region haaglanden = regions.stream()
                    .filter(r -> r.code().equals("ZK10"))
                    .findFirst()
                    .orElseThrow();
            Path out = Files.createDirectories(work.resolve("out"));

            BenchSupport.makeFiguresStale(imports, work, 0);
            double singleCold =
                    seconds(() -> ReportFiles.write(reports.build(haaglanden, YEAR), out.resolve("zk10.pdf")));

            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            for (int round = 0; round < BATCH_ROUNDS; round++) {
                BenchSupport.makeFiguresStale(imports, work, round + 1);
                Path folder = out.resolve("all-" + round);
                cold.add(
                        seconds(() -> ReportFiles.writeAll(reports::build, regions, YEAR, folder, (done, file) -> {})));
                warm.add(
                        seconds(() -> ReportFiles.writeAll(reports::build, regions, YEAR, folder, (done, file) -> {})));
                try (var files = Files.list(folder)) {
                    BenchSupport.check(files.count() == regions.size() + 1, "not every file written");
                }
                System.out.printf(
                        Locale.ROOT,
                        "round %d: all %d regions cold %.3f s, warm %.3f s%n",
                        round + 1,
                        regions.size(),
                        cold.get(round),
                        warm.get(round));
            }
            // one region warm after the batches, so the JIT has compiled the whole path as it would in a running server
            List<Double> single = new ArrayList<>();
            List<Double> building = new ArrayList<>();
            for (int round = 0; round < SINGLE_ROUNDS; round++) {
                long start = System.nanoTime();
                RegionalReport.Report report = reports.build(haaglanden, YEAR);
                building.add((System.nanoTime() - start) / 1e9);
                ReportFiles.write(report, out.resolve("zk10.pdf"));
                single.add((System.nanoTime() - start) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "one region: cold %.3f s, warm %s s, of which building the report %s s%n",
                    singleCold,
                    single,
                    building);
            String summary = String.format(
                    Locale.ROOT,
                    "demo data, year=%d regions=%d one_region_cold_s=%.3f one_region_warm_median_s=%.3f (goal < 1) "
                            + "of_which_building_median_s=%.3f "
                            + "all_regions_cold_median_s=%.3f (goal < 15) all_regions_warm_median_s=%.3f "
                            + "single_rounds=%d batch_rounds=%d%n",
                    YEAR,
                    regions.size(),
                    singleCold,
                    BenchSupport.median(single),
                    BenchSupport.median(building),
                    BenchSupport.median(cold),
                    BenchSupport.median(warm),
                    SINGLE_ROUNDS,
                    BATCH_ROUNDS);
            System.out.print(summary);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), summary);
            }
        }
    }

    /** What is timed; it may write files. */
    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
