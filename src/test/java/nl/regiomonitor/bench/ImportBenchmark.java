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
 * alternating. The first rounds warm the JVM up, as in a server that has imported before (JMH
 * does the same): the import's own code is compiled while it runs, and on two cores that costs
 * the first imports about twice their time, COPY (the server's C) nothing. They are not in the
 * medians, but the first round is reported beside them.
 */
public final class ImportBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 5;

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
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
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
                        "round %d%s: COPY %.2f s, import %.2f s%n",
                        round + 1,
                        round < WARMUP_ROUNDS ? " (warm-up)" : "",
                        copyTimes.get(round),
                        importTimes.get(round));
            }
            double copy = BenchSupport.median(copyTimes.subList(WARMUP_ROUNDS, copyTimes.size()));
            double full = BenchSupport.median(importTimes.subList(WARMUP_ROUNDS, importTimes.size()));
            String summary = String.format(
                    Locale.ROOT,
                    "rows=%d warmup_rounds=%d rounds=%d copy_median_s=%.2f import_median_s=%.2f ratio=%.2f "
                            + "(goal <= 1.30); first round, cold JVM: copy_s=%.2f import_s=%.2f ratio=%.2f%n",
                    ROWS,
                    WARMUP_ROUNDS,
                    ROUNDS,
                    copy,
                    full,
                    full / copy,
                    copyTimes.get(0),
                    importTimes.get(0),
                    importTimes.get(0) / copyTimes.get(0));
            System.out.print(summary);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), summary);
            }
        }
    }
}
