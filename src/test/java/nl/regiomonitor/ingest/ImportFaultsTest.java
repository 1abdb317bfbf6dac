package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.region.ReferenceCodes;
import nl.regiomonitor.security.AuditService;

/** Files and situations that once broke the importer (issue 14): each must end in a Dutch answer and change nothing. */
class ImportFaultsTest extends IntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String indication(String client, String decision, String from, String to) {
        return client + ";" + decision + ";" + from + ";" + to + ";ZK10;GGZ03W;WMO_BW;1980\n";
    }

    @Test
    void extremeDatesAreRefusedRowByRowNamingLineColumnAndValue() throws IOException {
        LocalDate today = LocalDate.now(Dutch.ZONE);
        long before = count("indication");
        ImportResult result = imports.importFile(
                write(
                        "dates.csv",
                        CsvHeaders.INDICATIONS
                                + indication("TESTDATE0001", "2023-01-02", "9999-12-31", "")
                                + indication("TESTDATE0002", "2023-01-02", "1800-01-01", "")
                                + indication("TESTDATE0003", today.plusDays(3).toString(), "2023-01-15", "")
                                + indication(
                                        "TESTDATE0004",
                                        "2023-01-02",
                                        "2023-01-15",
                                        today.plusYears(1).plusDays(1).toString())
                                + indication(
                                        "TESTDATE0005",
                                        "1999-12-31",
                                        "2023-01-15",
                                        today.plusYears(1).toString())),
                "dates.csv",
                "indications");

        assertThat(result.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(result.errors())
                .extracting(ImportError::line, ImportError::column, ImportError::value)
                .containsExactly(
                        tuple(2, "valid_from", "9999-12-31"),
                        tuple(3, "valid_from", "1800-01-01"),
                        tuple(4, "decision_date", today.plusDays(3).toString()),
                        tuple(5, "valid_to", today.plusYears(1).plusDays(1).toString()),
                        tuple(6, "decision_date", "1999-12-31"));
        assertThat(result.errors().get(0).message()).contains("meer dan een jaar na vandaag");
        assertThat(result.errors().get(1).message()).contains("vóór 2000-01-01");
        assertThat(result.errors().get(2).message()).contains("in de toekomst");
        assertThat(count("indication")).isEqualTo(before);

        ImportResult months = imports.importFile(
                write(
                        "costs.csv",
                        "month;region_code;profile_code;delivery_form;client_days;amount_eur\n9999-12;ZK10;GGZ03W;VPT;3;10.00\n"),
                "costs-dates.csv",
                "costs");
        assertThat(months.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(months.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("month");
        });
    }

    @Test
    void aKeyAnotherFileHoldsIsRefusedWithBothNamed() throws IOException {
        ImportResult first = imports.importFile(
                write("dup-a.csv", CsvHeaders.WAITLIST + "2024-01-31;TESTDUPL0001;ZK10;GGZ03W;ACTIEF\n"),
                "dup-a.csv",
                "waitlist");
        assertThat(first.status()).isEqualTo(ImportStatus.LOADED);

        ImportResult second = imports.importFile(
                write(
                        "dup-b.csv",
                        CsvHeaders.WAITLIST
                                + "2024-01-31;TESTDUPL0002;ZK10;GGZ03W;ACTIEF\n2024-01-31;TESTDUPL0001;ZK10;GGZ03W;ACTIEF\n"),
                "dup-b.csv",
                "waitlist");
        assertThat(second.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(second.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.value()).isEqualTo("2024-01-31;TESTDUPL0001;GGZ03W");
            assertThat(e.message()).contains("al geladen met import " + first.id());
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from waitlist_entry where client_id = 'TESTDUPL0002'", Long.class))
                .isZero();
    }

    @Test
    void anUnterminatedQuoteEndsTheImportWithTheLineNamed() throws IOException {
        StringBuilder content = new StringBuilder(CsvHeaders.WAITLIST);
        for (int i = 0; i < 3; i++) {
            content.append("2024-01-31;TESTQUOTE").append(i).append(";ZK10;GGZ03W;ACTIEF\n");
        }
        content.append("2024-01-31;\"abc;ZK10;GGZ03W;ACTIEF\n2024-01-31;TESTQUOTE9;ZK10;GGZ03W;ACTIEF\n");
        Path file = write("quote.csv", content.toString());
        long before = count("waitlist_entry");

        ImportResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> imports.importFile(file, "quote.csv", "waitlist"));

        assertThat(result.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(result.message())
                .contains("Regel 5")
                .contains("aanhalingsteken")
                .doesNotContain("CSV", "Exception");
        assertThat(count("waitlist_entry")).isEqualTo(before);
        // the import threads are free: the next file loads
        ImportResult next = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> imports.importFile(
                        write("after-quote.csv", CsvHeaders.WAITLIST + "2024-01-31;TESTQUOTEOK;ZK10;GGZ03W;ACTIEF\n"),
                        "after-quote.csv",
                        "waitlist"));
        assertThat(next.status()).isEqualTo(ImportStatus.LOADED);
    }

    @Test
    void theWatchdogFailsAStuckImportRollsItBackAndFreesTheThread() throws Exception {
        ImportService limited = new ImportService(
                context.getBean(DataSource.class),
                context.getBean(ReferenceCodes.class),
                context.getBean(ObjectMapper.class),
                context.getBean(AuditService.class),
                List.copyOf(context.getBeansOfType(ImportFormat.class).values()),
                context.getBeanProvider(LoadListener.class),
                event -> {},
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        Path file = write("stuck.csv", CsvHeaders.WAITLIST + "2024-01-31;TESTSTUCK01;ZK10;GGZ03W;ACTIEF\n");
        long before = count("waitlist_entry");
        try (Connection blocker = context.getBean(DataSource.class).getConnection()) {
            // another transaction holds the lock every waitlist import waits for: the import is stuck
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('regiomonitor-import:waitlist'))");
            }
            long id =
                    limited.submit(Files.copy(file, folder.resolve("stuck-upload.bin")), "stuck.csv", "waitlist", null);
            ImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                while (true) {
                    ImportResult now = limited.find(id).orElseThrow();
                    if (now.status().finished()) {
                        return now;
                    }
                    Thread.sleep(50);
                }
            });
            assertThat(result.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(result.message())
                    .contains("duurde langer dan 1 seconde")
                    .contains("afgebroken")
                    .contains("niets veranderd");
            assertThat(imports.find(id).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
            blocker.rollback();
        }
        assertThat(count("waitlist_entry")).isEqualTo(before);
        // the import thread is free again
        ImportResult next = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> limited.importFile(
                        write("after-stuck.csv", CsvHeaders.WAITLIST + "2024-01-31;TESTSTUCK02;ZK10;GGZ03W;ACTIEF\n"),
                        "after-stuck.csv",
                        "waitlist"));
        assertThat(next.status()).isEqualTo(ImportStatus.LOADED);
        limited.stop();
    }

    @Test
    void anImportLeftRunningByAKilledProcessIsMarkedAbortedAtStart() throws Exception {
        Path upload = Files.createTempFile(folder, "regiomonitor-upload-", ".bin");
        long dead = jdbc.queryForObject("select nextval('import_run_id_seq')", Long.class);
        long alive = jdbc.queryForObject("select nextval('import_run_id_seq')", Long.class);
        for (long id : List.of(dead, alive)) {
            jdbc.update("""
                    insert into import_run (id, import_type, source_name, status, started_at, row_count, error_count,
                                            message, region_code, imported_by, upload_path)
                    values (?, 'waitlist', 'gedood.csv', 'RUNNING', now(), 0, 0, 'Bezig', 'ZK10', 'zorgkantoor.haaglanden', ?)""", id, id == dead ? upload.toString() : null);
        }
        try (Connection other = context.getBean(DataSource.class).getConnection()) {
            // a run another process is still loading holds its lock
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('regiomonitor-import-run'), " + alive + ")");
            }
            imports.abortUnfinished();
            other.rollback();
        }

        ImportResult aborted = imports.find(dead).orElseThrow();
        assertThat(aborted.status()).isEqualTo(ImportStatus.ABORTED);
        assertThat(aborted.statusText()).isEqualTo("Afgebroken");
        assertThat(aborted.message()).contains("afgebroken").contains("niets veranderd");
        assertThat(upload).doesNotExist();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where subject = 'import' and subject_id = ? "
                                + "and summary like '%Afgebroken%' and actor = 'zorgkantoor.haaglanden'",
                        Long.class, String.valueOf(dead)))
                .isEqualTo(1);
        assertThat(imports.find(alive).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
        jdbc.update("update import_run set status = 'FAILED', finished_at = now() where id = ?", alive);
    }

    @Test
    void anUploadIsRecordedAsRunningWithItsFileUntilItEnds() throws Exception {
        Path upload = Files.copy(
                write("running.csv", CsvHeaders.WAITLIST + "2024-01-31;TESTRUN0001;ZK10;GGZ03W;ACTIEF\n"),
                folder.resolve("running-upload.bin"));
        long id = imports.submit(upload, "running.csv", "waitlist", null);
        assertThat(jdbc.queryForObject("select count(*) from import_run where id = ?", Long.class, id))
                .isEqualTo(1);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            while (!imports.find(id).orElseThrow().status().finished()) {
                Thread.sleep(20);
            }
        });
        assertThat(jdbc.queryForMap("select status, upload_path from import_run where id = ?", id))
                .containsEntry("status", "LOADED")
                .containsEntry("upload_path", null);
    }

    @Test
    void aHugeFieldIsCutInTheReportAndItsPageStillOpens() throws IOException {
        String huge = "X".repeat(20_000_000);
        ImportResult result = imports.importFile(
                write("huge.csv", CsvHeaders.WAITLIST + "2024-01-31;" + huge + ";ZK10;GGZ03W;ACTIEF\n"),
                "huge.csv",
                "waitlist");

        assertThat(result.status()).isEqualTo(ImportStatus.REJECTED);
        ImportError error = result.errors().get(0);
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo("client_id");
        assertThat(error.value()).hasSize(200).endsWith("…");
        WebSession admin = WebSession.basic(port, "beheerder", "demo-wachtwoord");
        WebSession.Response api = admin.getJson("/api/v1/imports/" + result.id());
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().length()).isLessThan(10_000);
        WebSession.Response page =
                WebSession.loggedIn(port, "beheerder", "demo-wachtwoord").get("/imports/" + result.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Geweigerd").hasSizeLessThan(100_000);
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefusedAsNotUtf8() throws IOException {
        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path file = folder.resolve("utf16-" + utf16.name() + ".csv");
            Files.write(file, (CsvHeaders.WAITLIST + "2024-01-31;TESTUTF16001;ZK10;GGZ03W;ACTIEF\n").getBytes(utf16));
            for (String type : Arrays.asList("waitlist", null)) {
                ImportResult result =
                        imports.importFile(file, file.getFileName().toString(), type);
                assertThat(result.status()).as(utf16 + " " + type).isEqualTo(ImportStatus.REJECTED);
                assertThat(result.message()).contains("geen UTF-8").contains("Regel 1");
            }
        }
    }

    @Test
    void oddFileNamesAndContentTypesGetADutchAnswerNeverA500() {
        WebSession admin = WebSession.basic(port, "beheerder", "demo-wachtwoord");
        String csv = CsvHeaders.WAITLIST + "2024-01-31;TESTNAME0001;ZK10;GGZ03W;ACTIEF\n";
        for (String name : List.of(
                "",
                " ",
                "../../etc/passwd",
                "C:\\temp\\wachtlijst.csv",
                "a\u0001b\u0007.csv",
                "wachtlijst ünïcødé 文件 😀.csv",
                "n".repeat(5_000) + ".csv",
                "....",
                "/")) {
            WebSession.Response answer = admin.postFile("/api/v1/imports", Map.of("type", "waitlist"), name, csv);
            assertThat(answer.status()).as("name %.40s", name).isIn(202, 400);
            if (answer.status() == 400) {
                assertThat(answer.body()).contains("bestandsnaam").doesNotContain("Exception", "org.", "java.");
                continue;
            }
            long id = Long.parseLong(answer.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
            ImportResult result = waitFor(id);
            assertThat(result.status()).as(name).isIn(ImportStatus.LOADED, ImportStatus.UNCHANGED);
            assertThat(result.source())
                    .as(name)
                    .hasSizeLessThanOrEqualTo(200)
                    .doesNotContain("/", "\\", "\u0001")
                    .isNotBlank();
        }
        for (String type : List.of("text/plain", "application/json", "application/x-www-form-urlencoded")) {
            WebSession.Response api = admin.sendJson("POST", "/api/v1/imports", "{}", Map.of("Content-Type", type));
            assertThat(api.status()).as(type).isBetween(400, 499);
            assertThat(api.body()).as(type).doesNotContain("Exception", "org.", "java.");
        }
        WebSession page = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        WebSession.Response form = page.postForm("/imports", Map.of("type", "waitlist"));
        assertThat(form.status()).isBetween(200, 499);
        assertThat(form.body()).doesNotContain("Exception", "org.", "java.");
    }

    private ImportResult waitFor(long id) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            while (true) {
                ImportResult now = imports.find(id).orElseThrow();
                if (now.status().finished()) {
                    return now;
                }
                Thread.sleep(20);
            }
        });
    }
}
