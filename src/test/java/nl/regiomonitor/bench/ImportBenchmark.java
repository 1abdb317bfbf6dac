package nl.regiomonitor.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import nl.regiomonitor.RegiomonitorApplication;
import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.ingest.synthetic.GeneratorSettings;
import nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * bench/import: 1,000,000 generated indication rows through the full import (read, check every
 * field, BSN and key checks, binary COPY, one transaction) against the same file through
 * PostgreSQL's own COPY (CSV) into an unindexed table of the same columns, on the same server,
 * alternating, several rounds. Prints both medians and the ratio.
 */
public final class ImportBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("regiomonitor-bench-");
        System.setProperty("REGIOMONITOR_DATA_DIR", work.toString());
        Path generated = work.resolve("generated");
        new SyntheticDataGenerator(new GeneratorSettings(1, YearMonth.of(2021, 1), YearMonth.of(2024, 12), 24))
                .generate(generated);
        Path file = work.resolve("indications-1m.csv");
        try (BufferedReader in = Files.newBufferedReader(generated.resolve(SyntheticDataGenerator.INDICATIONS));
             BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i <= ROWS; i++) {
                String line = in.readLine();
                if (line == null) {
                    throw new IllegalStateException("Generator gave fewer than " + ROWS + " rows");
                }
                out.write(line);
                out.write('\n');
            }
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegiomonitorApplication.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off", "logging.level.root=WARN").run()) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            ImportService imports = context.getBean(ImportService.class);
            jdbc.execute("create table baseline_indication (like indication)");
            jdbc.execute("alter table baseline_indication alter column import_id set default 0");
            List<Double> copyTimes = new ArrayList<>();
            List<Double> importTimes = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                try (Connection c = dataSource.getConnection(); Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "copy baseline_indication (client_id, decision_date, valid_from, valid_to, region_code, profile_code, "
                                    + "origin, birth_year) from stdin (format csv, header true, delimiter ';')", reader);
                    check(copied == ROWS, "baseline copied " + copied);
                }
                copyTimes.add((System.nanoTime() - start) / 1e9);
                jdbc.execute("truncate baseline_indication");

                start = System.nanoTime();
                ImportResult result = imports.importFile(file, "bench-" + round + ".csv", "indications");
                importTimes.add((System.nanoTime() - start) / 1e9);
                check(result.status() == ImportStatus.LOADED && result.rowCount() == ROWS, result.message());
                jdbc.execute("truncate indication");
                jdbc.update("update import_run set replaced_by = null");
                jdbc.update("delete from import_run where import_type = 'indications'");
                System.out.printf(Locale.ROOT, "round %d: COPY %.2f s, import %.2f s%n", round + 1,
                        copyTimes.get(round), importTimes.get(round));
            }
            double copy = median(copyTimes);
            double full = median(importTimes);
            String summary = String.format(Locale.ROOT,
                    "rows=%d rounds=%d copy_median_s=%.2f import_median_s=%.2f ratio=%.2f (goal <= 1.30)%n",
                    ROWS, ROUNDS, copy, full, full / copy);
            System.out.print(summary);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), summary);
            }
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
