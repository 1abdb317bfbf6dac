package nl.regiomonitor.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;

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
        Path work = BenchSupport.workFolder();
        Path file = BenchSupport.indications(work, ROWS);
        try (ConfigurableApplicationContext context = BenchSupport.application()) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            ImportService imports = context.getBean(ImportService.class);
            jdbc.execute("create table baseline_indication (like indication)");
            jdbc.execute("alter table baseline_indication alter column import_id set default 0");
            List<Double> copyTimes = new ArrayList<>();
            List<Double> importTimes = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                try (Connection c = dataSource.getConnection();
                        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    long copied = c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "copy baseline_indication (client_id, decision_date, valid_from, valid_to, region_code, profile_code, "
                                            + "origin, birth_year) from stdin (format csv, header true, delimiter ';')",
                                    reader);
                    BenchSupport.check(copied == ROWS, "baseline copied " + copied);
                }
                copyTimes.add((System.nanoTime() - start) / 1e9);
                jdbc.execute("truncate baseline_indication");

                start = System.nanoTime();
                ImportResult result = imports.importFile(file, "bench-" + round + ".csv", "indications");
                importTimes.add((System.nanoTime() - start) / 1e9);
                BenchSupport.check(
                        result.status() == ImportStatus.LOADED && result.rowCount() == ROWS, result.message());
                // the derived figures too, as they are of no indications: each round updates them from empty
                jdbc.execute("truncate indication, influx_count, stock_change");
                jdbc.update("update import_run set replaced_by = null");
                jdbc.update("delete from import_run where import_type = 'indications'");
                System.out.printf(
                        Locale.ROOT,
                        "round %d: COPY %.2f s, import %.2f s%n",
                        round + 1,
                        copyTimes.get(round),
                        importTimes.get(round));
            }
            double copy = BenchSupport.median(copyTimes);
            double full = BenchSupport.median(importTimes);
            String summary = String.format(
                    Locale.ROOT,
                    "rows=%d rounds=%d copy_median_s=%.2f import_median_s=%.2f ratio=%.2f (goal <= 1.30)%n",
                    ROWS,
                    ROUNDS,
                    copy,
                    full,
                    full / copy);
            System.out.print(summary);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), summary);
            }
        }
    }
}
