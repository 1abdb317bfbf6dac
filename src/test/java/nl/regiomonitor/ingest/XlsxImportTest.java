package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;

/** An .xlsx is read as a stream, row by row, never as a whole workbook in memory (issue 14.7). */
class XlsxImportTest extends IntegrationTest {

    private static final String[] HEADER = {"snapshot_date", "client_id", "region_code", "profile_code", "wait_status"};

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    /** A waitlist workbook of {@code rows} data rows, written as a stream; the last row's status is {@code lastStatus}. */
    private Path workbook(String name, int rows, String lastStatus) throws IOException {
        Path file = folder.resolve(name);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("wachtlijst");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("2021-01-31");
                row.createCell(1).setCellValue("TESTXLSX" + r);
                row.createCell(2).setCellValue("ZK10");
                row.createCell(3).setCellValue("GGZ03W");
                row.createCell(4).setCellValue(r == rows ? lastStatus : "ACTIEF");
            }
            workbook.write(out);
            workbook.dispose();
        }
        return file;
    }

    @Test
    void aSheetOf200000RowsIsReadWholeRowByRow() throws IOException {
        Path file = workbook("groot.xlsx", 200_000, "ONBEKEND");
        long before = jdbc.queryForObject("select count(*) from waitlist_entry", Long.class);

        ImportResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(120), () -> imports.importFile(file, "groot.xlsx", "waitlist"));

        // every row was read and checked: only the last one is wrong, so nothing is stored
        assertThat(result.rowCount()).isEqualTo(200_000);
        assertThat(result.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(200_001);
            assertThat(e.column()).isEqualTo("wait_status");
        });
        assertThat(jdbc.queryForObject("select count(*) from waitlist_entry", Long.class))
                .isEqualTo(before);
    }

    /**
     * A sheet whose XML breaks off after its first rows: read as a stream, those rows come out
     * before the break is reached; a reader that builds the workbook first fails at once.
     */
    @Test
    void theFirstRowsComeOutBeforeTheRestOfTheSheetIsRead() throws Exception {
        Path whole = workbook("heel.xlsx", 20_000, "ACTIEF");
        Path broken = folder.resolve("afgebroken.xlsx");
        try (ZipFile in = new ZipFile(whole.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content;
                try (InputStream part = in.getInputStream(entry)) {
                    content = part.readAllBytes();
                }
                if (entry.getName().startsWith("xl/worksheets/")) {
                    content = Arrays.copyOf(content, content.length / 2); // cut off mid-sheet
                }
                out.write(content);
                out.closeEntry();
            }
        }

        try (InputStream content = Files.newInputStream(broken);
                TabularFile table = TabularFile.open(broken, content)) {
            assertThat(table.header()).containsExactly(HEADER);
            TabularFile.Row first = table.next();
            assertThat(first.line()).isEqualTo(2);
            assertThat(first.values()).containsExactly("2021-01-31", "TESTXLSX1", "ZK10", "GGZ03W", "ACTIEF");
            long rows = 1;
            try {
                while (table.next() != null) {
                    rows++;
                }
            } catch (ImportRejected cut) {
                assertThat(cut.getMessage()).contains("Excel-bestand kon niet gelezen worden");
            }
            assertThat(rows).isBetween(1_000L, 19_999L);
        }
    }
}
