package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.ingest.CsvHeaders;
import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.publication.PublicationService;

/**
 * An indications import updates {@code influx_count} and {@code stock_change} from the clients it touches only; after
 * every import, replacement and refusal the tables are row for row what a rebuild from all indications gives. The
 * files also touch demo clients, whose first GGZ-W indication and stock depend on rows of other files.
 */
class DerivedFiguresUpdateTest extends IntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PublicationService publications;

    @TempDir
    Path folder;

    @Test
    void everyImportLeavesTheFiguresARebuildGives() throws Exception {
        assertMatchesRebuild("the demo data");
        Map<String, Object> demoW = jdbc.queryForMap("""
                select client_id, min(valid_from) as first from indication i join care_profile p on p.code = i.profile_code
                where p.series = 'GGZ-W' group by client_id order by client_id limit 1""");
        String w = (String) demoW.get("client_id");
        LocalDate firstW = ((java.sql.Date) demoW.get("first")).toLocalDate();
        String b = jdbc.queryForObject("""
                select client_id from indication i join care_profile p on p.code = i.profile_code
                where p.series = 'GGZ-B' order by client_id limit 1""", String.class);
        try {

            loaded(
                    "derived-a.csv",
                    null,
                    "DERA1;2023-01-05;2023-02-01;2023-08-31;ZK01;GGZ02W;GEEN;1980",
                    "DERA1;2023-08-20;2023-09-01;;ZK03;GGZ03W;GEEN;1980",
                    "DERA1;2023-03-01;2023-03-15;2023-12-31;ZK01;GGZ04B;GEEN;1980",
                    "DERA2;2022-05-01;2022-06-01;2024-01-31;ZK10;GGZ01W;JEUGD;2004",
                    "DERA4;2022-05-01;2022-06-01;;ZK10;GGZ01W;WMO_BW;1950",
                    w + ";" + firstW.minusMonths(5) + ";" + firstW.minusMonths(4) + ";;ZK07;GGZ05W;ZVW_GGZ;1990",
                    b + ";2024-02-01;2024-02-03;2024-05-31;ZK12;GGZ06B;GEEN;1960");
            assertThat(firstGgzW(w))
                    .as("an earlier GGZ-W indication moves the demo client's influx")
                    .isBefore(firstW);
            loaded(
                    "derived-r.csv",
                    "ZK10",
                    "DERA1;2024-01-10;2024-02-01;;ZK10;GGZ05W;WLZ_ANDERS;1980",
                    "DERR1;2023-06-01;2023-06-05;2023-06-30;ZK10;GGZ03W;GEEN;2000",
                    "DERR1;2023-06-20;2023-07-01;;ZK10;GGZ03W;GEEN;2000",
                    w + ";2024-03-01;2024-03-07;;ZK10;GGZ02W;ZVW_GGZ;1990");
            // the new version drops DERA2 and the demo clients, changes DERA1 and adds DERA3
            loaded(
                    "derived-a.csv",
                    null,
                    "DERA1;2022-12-01;2022-12-15;2023-08-31;ZK02;GGZ02W;GEEN;1980",
                    "DERA1;2023-08-20;2023-09-01;;ZK03;GGZ04W;GEEN;1980",
                    "DERA3;2023-10-01;2023-10-02;;ZK06;GGZ01W;JEUGD;1999",
                    "DERA3;2023-10-01;2023-10-02;2024-04-30;ZK06;GGZ03B;JEUGD;1999",
                    "DERA4;2022-05-01;2022-06-01;2023-01-01;ZK10;GGZ01W;WMO_BW;1950");
            assertThat(firstGgzW(w))
                    .as("without the earlier indication the influx is back")
                    .isEqualTo(firstW);
            refused(
                    "derived-a.csv",
                    "DERA1;2022-12-01;2022-12-15;;ZK02;GGZ02W;GEEN;1980",
                    "DERA5;2023-10-01;2023-10-02;;ZK06;GGZ09W;JEUGD;1999");
            refused("derived-new.csv", "DERA6;2023-10-01;2023-10-02;;ZK06;GGZ01W;JEUGD;1999", "DERA6;bad;;;;;;");
            loaded(
                    "derived-r.csv",
                    "ZK10",
                    "DERR1;2023-06-01;2023-06-05;;ZK10;GGZ04W;GEEN;2000",
                    w + ";" + firstW.minusMonths(2) + ";" + firstW.minusMonths(1) + ";;ZK10;GGZ01W;ZVW_GGZ;1990",
                    b + ";2024-02-01;2024-02-03;;ZK10;GGZ01W;GEEN;1960");
        } finally {
            putDemoDataBack();
        }
    }

    /**
     * A pooled connection that ran a statement five times may keep one plan for it, made without the import numbers
     * (PostgreSQL's generic plan). With the demo file's 45,000 rows as the only import in the statistics, that plan
     * guessed "rows of other imports" at one row and compared every row with every row: one import took minutes in
     * CI (hours for a million rows). Here every new connection is given generic plans, as such a connection has;
     * replacing a file of one region still takes seconds.
     */
    @Test
    void anImportOnAConnectionWithGenericPlansTakesSeconds() throws Exception {
        String database = jdbc.queryForObject("select current_database()", String.class);
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        try {
            importFile("derived-pace.csv", "ZK10", "DERP1;2023-06-01;2023-06-05;;ZK10;GGZ01W;GEEN;2000");
            jdbc.execute("analyze indication");
            jdbc.execute("alter database \"" + database + "\" set plan_cache_mode = force_generic_plan");
            pool.softEvictConnections();
            ImportResult replaced = assertTimeoutPreemptively(
                    Duration.ofMinutes(1),
                    () -> importFile("derived-pace.csv", "ZK10", "DERP1;2023-06-01;2023-06-05;;ZK10;GGZ02W;GEEN;2000"));
            assertThat(replaced.status()).as(replaced.errors().toString()).isEqualTo(ImportStatus.LOADED);
        } finally {
            jdbc.execute("alter database \"" + database + "\" reset plan_cache_mode");
            pool.softEvictConnections();
            putDemoDataBack();
        }
    }

    /** The first GGZ-W indication of a client: what their influx is counted by. */
    private LocalDate firstGgzW(String client) {
        return jdbc.queryForObject("""
                select min(valid_from) from indication i join care_profile p on p.code = i.profile_code
                where p.series = 'GGZ-W' and client_id = ?""", LocalDate.class, client);
    }

    private void loaded(String name, String region, String... rows) throws Exception {
        ImportResult result = importFile(name, region, rows);
        assertThat(result.status()).as(result.errors().toString()).isEqualTo(ImportStatus.LOADED);
        assertMatchesRebuild(name + " (import " + result.id() + ")");
    }

    private void refused(String name, String... rows) throws Exception {
        Map<String, List<String>> before = Map.of("influx", figures("influx_count"), "stock", figures("stock_change"));
        ImportResult result = importFile(name, null, rows);
        assertThat(result.status()).as(result.message()).isEqualTo(ImportStatus.REJECTED);
        assertThat(Map.of("influx", figures("influx_count"), "stock", figures("stock_change")))
                .as("a refused file changes nothing")
                .isEqualTo(before);
        assertMatchesRebuild(name + " refused");
    }

    private ImportResult importFile(String name, String region, String... rows) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, CsvHeaders.INDICATIONS + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return imports.importFile(file, name, "indications", region);
    }

    /** Compares the tables with what a rebuild writes, in a transaction that is rolled back. */
    private void assertMatchesRebuild(String after) throws SQLException {
        List<String> influx = figures("influx_count");
        List<String> stock = figures("stock_change");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DerivedIndicationFigures.rebuild(connection);
                assertThat(difference(influx, figures(connection, "influx_count")))
                        .as("influx_count after %s: rows only in the updated table, and only in the rebuilt one", after)
                        .isEqualTo(List.of(List.of(), List.of()));
                assertThat(difference(stock, figures(connection, "stock_change")))
                        .as("stock_change after %s: rows only in the updated table, and only in the rebuilt one", after)
                        .isEqualTo(List.of(List.of(), List.of()));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private List<String> figures(String table) {
        return jdbc.query("select * from " + table, (rs, n) -> line(rs));
    }

    private static List<String> figures(Connection connection, String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select * from " + table)) {
            while (rs.next()) {
                lines.add(line(rs));
            }
        }
        return lines;
    }

    private static String line(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            values.add(rs.getString(i));
        }
        return String.join(";", values);
    }

    /** The rows only in {@code a} and those only in {@code b}, counting repeats, sorted. */
    private static List<List<String>> difference(List<String> a, List<String> b) {
        Map<String, Integer> count = new HashMap<>();
        a.forEach(line -> count.merge(line, 1, Integer::sum));
        b.forEach(line -> count.merge(line, -1, Integer::sum));
        List<String> onlyA = new ArrayList<>();
        List<String> onlyB = new ArrayList<>();
        count.forEach((line, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                (n > 0 ? onlyA : onlyB).add(line);
            }
        });
        return List.of(onlyA.stream().sorted().toList(), onlyB.stream().sorted().toList());
    }

    /** Other tests read the demo data: the rows and runs of these files go, and the figures and publication follow. */
    private void putDemoDataBack() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temp table derived_runs on commit drop as "
                        + "select id from import_run where source_name like 'derived-%'");
                statement.execute("delete from indication where import_id in (select id from derived_runs)");
                statement.execute(
                        "update import_run set replaced_by = null where replaced_by in (select id from derived_runs)");
                statement.execute("delete from import_run where id in (select id from derived_runs)");
            }
            DerivedIndicationFigures.rebuild(connection);
            connection.commit();
        }
        publications.rebuild("derived-figures-test");
    }
}
