package nl.regiomonitor.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.regiomonitor.DataFolder;
import nl.regiomonitor.RegiomonitorApplication;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.ingest.synthetic.GeneratorSettings;
import nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator;

/** What the benchmarks share: generated data of a fixed size, the application without web server, medians. */
final class BenchSupport {

    private BenchSupport() {}

    /** A fresh data folder for the embedded PostgreSQL, gone when the JVM ends; call before {@link #application()}. */
    static Path workFolder() throws IOException {
        return DataFolder.fresh("regiomonitor-bench-");
    }

    /** The first {@code rows} generated indications (seed 1, 2021–2024, 24 × the national volume) as a CSV file. */
    static Path indications(Path work, int rows) throws IOException {
        Path generated = work.resolve("generated");
        new SyntheticDataGenerator(new GeneratorSettings(1, YearMonth.of(2021, 1), YearMonth.of(2024, 12), 24))
                .generate(generated);
        Path file = work.resolve("indications-" + rows + ".csv");
        try (BufferedReader in = Files.newBufferedReader(generated.resolve(SyntheticDataGenerator.INDICATIONS));
                BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i <= rows; i++) {
                String line = in.readLine();
                if (line == null) {
                    throw new IllegalStateException("Generator gave fewer than " + rows + " rows");
                }
                out.write(line);
                out.write('\n');
            }
        }
        return file;
    }

    /**
     * The whole application with its web server on a free port, quiet; {@code args} as on the command line
     * ({@code --name=value}), which, unlike the builder's properties, go before the application's own settings.
     */
    static ConfigurableApplicationContext server(String... args) {
        return new SpringApplicationBuilder(RegiomonitorApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(args);
    }

    static ConfigurableApplicationContext application() {
        return new SpringApplicationBuilder(RegiomonitorApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off",
                        // no web server, so no publication health: the readiness group names it (as CommandContext)
                        "management.endpoint.health.validate-group-membership=false",
                        "logging.level.root=WARN")
                .run();
    }

    /** The demo data as {@code serve} makes them on a first start (seed 42, default months, scale 1), imported. */
    static void importDemo(ImportService imports, Path work) throws IOException {
        Path demo = work.resolve("demo");
        GeneratorSettings defaults = GeneratorSettings.defaults();
        new SyntheticDataGenerator(new GeneratorSettings(42, defaults.from(), defaults.to(), 1.0)).generate(demo);
        check(
                imports.importFolder(demo, "demo-").stream().allMatch(r -> r.status() == ImportStatus.LOADED),
                "demo import failed");
    }

    /** A small waiting-list import: every figure held in memory is stale afterwards and is read again. */
    static void makeFiguresStale(ImportService imports, Path work, int round) throws IOException {
        Path touch = work.resolve("touch-" + round + ".csv");
        Files.writeString(
                touch,
                "snapshot_date;client_id;region_code;profile_code;wait_status\n" + "2024-06-30;BENCHTOUCH" + round
                        + ";ZK10;GGZ03W;ACTIEF\n");
        check(
                imports.importFile(touch, touch.getFileName().toString(), "waitlist")
                                .status()
                        == ImportStatus.LOADED,
                "touch import failed");
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
