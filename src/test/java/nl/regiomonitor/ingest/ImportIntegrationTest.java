package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;

class ImportIntegrationTest extends IntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

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

    private long countsOfAllTables() {
        return count("indication") * 1_000_003
                + count("care_allocation") * 1009
                + count("waitlist_entry") * 31
                + count("cost_line")
                + count("population") * 7;
    }

    @Test
    void goodFileLoadsAndTheSameFileAgainChangesNothing() throws IOException {
        Path file = write(
                "good-indications.csv",
                CsvHeaders.INDICATIONS
                        + "TESTAAAAAAA1;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                        + "TESTAAAAAAA2;2023-02-02;2023-02-15;2024-01-01;ZK01;GGZ01W;GEEN;2001\n");
        long before = count("indication");

        ImportResult first = imports.importFile(file, "good-indications.csv", "indications");
        assertThat(first.status()).isEqualTo(ImportStatus.LOADED);
        assertThat(first.rowCount()).isEqualTo(2);
        assertThat(count("indication")).isEqualTo(before + 2);
        assertThat(jdbc.queryForObject(
                        "select region_code from indication where client_id = 'TESTAAAAAAA1'", String.class))
                .isEqualTo("ZK10");

        ImportResult again = imports.importFile(file, "good-indications.csv", "indications");
        assertThat(again.status()).isEqualTo(ImportStatus.UNCHANGED);
        assertThat(count("indication")).isEqualTo(before + 2);
    }

    @Test
    void correctedVersionReplacesTheRowsOfTheEarlierOne() throws IOException {
        long before = count("indication");
        ImportResult first = imports.importFile(
                write(
                        "v1.csv",
                        CsvHeaders.INDICATIONS
                                + "TESTBBBBBBB1;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                                + "TESTBBBBBBB2;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                                + "TESTBBBBBBB3;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"),
                "regio-zk10.csv",
                "indications");
        assertThat(first.status()).isEqualTo(ImportStatus.LOADED);

        ImportResult corrected = imports.importFile(
                write(
                        "v2.csv",
                        CsvHeaders.INDICATIONS
                                + "TESTBBBBBBB1;2023-01-02;2023-01-15;;ZK10;GGZ04W;WMO_BW;1980\n"
                                + "TESTBBBBBBB2;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"),
                "regio-zk10.csv",
                "indications");

        assertThat(corrected.status()).isEqualTo(ImportStatus.LOADED);
        assertThat(count("indication")).isEqualTo(before + 2);
        assertThat(jdbc.queryForList(
                        "select profile_code from indication where client_id like 'TESTBBBBBBB%' order by client_id",
                        String.class))
                .containsExactly("GGZ04W", "GGZ03W");
        assertThat(imports.find(first.id()).orElseThrow().replacedBy()).isEqualTo(corrected.id());
        assertThat(imports.find(first.id()).orElseThrow().statusText()).isEqualTo("Vervangen");
    }

    private ImportResult rejected(String name, String type, String content) throws IOException {
        long before = countsOfAllTables();
        ImportResult result = imports.importFile(write(name, content), name, type);
        assertThat(result.status()).as(result.message()).isEqualTo(ImportStatus.REJECTED);
        assertThat(result.message()).contains("Er is niets veranderd");
        assertThat(countsOfAllTables()).as("row counts after a refused file").isEqualTo(before);
        return result;
    }

    @Test
    void everyBadRowIsListedWithLineColumnValueAndReason() throws IOException {
        ImportResult result = rejected(
                "bad.csv",
                "indications",
                CsvHeaders.INDICATIONS
                        + "TESTCCCCCCC1;2023-01-02;2023-01-15;;ZK99;GGZ03W;WMO_BW;1980\n"
                        + "TESTCCCCCCC2;2023-01-02;2023-01-15;;ZK10;GGZ99W;WMO_BW;1980\n"
                        + "TESTCCCCCCC3;2023-01-02;2023-01-15;;ZK10;GGZ03W;ELDERS;1980\n"
                        + "TESTCCCCCCC4;2023-01-02;2023-03-15;2023-02-01;ZK10;GGZ03W;WMO_BW;1980\n"
                        + "TESTCCCCCCC5;2023-01-02;2023-13-01;;ZK10;GGZ03W;WMO_BW;1980\n"
                        + "TESTCCCCCCC6;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                        + "TESTCCCCCCC6;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                        + "TESTCCCCCCC8;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n");

        assertThat(result.errorCount()).isEqualTo(6);
        List<ImportError> errors = result.errors();
        assertThat(errors).extracting(ImportError::line).containsExactly(2, 3, 4, 5, 6, 8);
        assertThat(errors.get(0))
                .extracting(ImportError::column, ImportError::value)
                .containsExactly("region_code", "ZK99");
        assertThat(errors.get(0).message()).contains("Onbekende regiocode");
        assertThat(errors.get(1).message()).contains("Onbekende zorgprofiel");
        assertThat(errors.get(2).column()).isEqualTo("origin");
        assertThat(errors.get(3).column()).isEqualTo("valid_to");
        assertThat(errors.get(3).message()).contains("ligt vóór valid_from");
        assertThat(errors.get(4))
                .extracting(ImportError::column, ImportError::value)
                .containsExactly("valid_from", "2023-13-01");
        assertThat(errors.get(4).message()).contains("geen bestaande datum");
        assertThat(errors.get(5).message()).contains("Dubbele sleutel").contains("regel 7");
    }

    @Test
    void everyImportHasOneAuditLineWithItsOwnOutcome() throws IOException {
        ImportResult loaded = imports.importFile(
                write(
                        "audited.csv",
                        CsvHeaders.INDICATIONS + "TESTAUDIT001;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"),
                "audited.csv",
                "indications");
        ImportResult refused = rejected(
                "audited-bad.csv",
                "indications",
                CsvHeaders.INDICATIONS + "TESTAUDIT002;2023-01-02;2023-01-15;;ZK99;GGZ03W;WMO_BW;1980\n");

        assertThat(loaded.status()).isEqualTo(ImportStatus.LOADED);
        assertThat(auditedStatuses(loaded.id())).containsExactly("LOADED");
        assertThat(auditedStatuses(refused.id())).containsExactly("REJECTED");
    }

    private List<String> auditedStatuses(long id) {
        return jdbc.queryForList(
                "select after ->> 'status' from audit_event where subject = 'import' and subject_id = ?",
                String.class,
                String.valueOf(id));
    }

    @Test
    void unknownDeliveryFormAndWaitStatusAreNamed() throws IOException {
        ImportResult allocations = rejected(
                "alloc.csv",
                "allocations",
                "client_id;provider_code;region_code;delivery_form;start_date;end_date\n"
                        + "TESTDDDDDDD1;73000001;ZK10;ZZP;2023-01-01;\n");
        assertThat(allocations.errors().get(0).message()).contains("Onbekende leveringsvorm");

        ImportResult waitlist = rejected(
                "wait.csv", "waitlist", CsvHeaders.WAITLIST + "2023-01-01;TESTDDDDDDD1;ZK10;GGZ03W;MISSCHIEN\n");
        assertThat(waitlist.errors().get(0).message()).contains("Onbekende wachtstatus");
    }

    @Test
    void fileLevelProblemsGetAClearMessage() throws IOException {
        assertThat(rejected("empty.csv", "indications", "").errors().get(0).message())
                .isEqualTo("Het bestand is leeg.");
        assertThat(rejected("tabs.csv", "indications", CsvHeaders.INDICATIONS.replace(';', '\t'))
                        .errors()
                        .get(0)
                        .message())
                .contains("een tab")
                .contains("puntkomma");
        assertThat(rejected(
                                "missing.csv",
                                "indications",
                                "client_id;decision_date;valid_from;region_code;profile_code;origin;birth_year\n"
                                        + "TESTEEEEEEE1;2023-01-02;2023-01-15;ZK10;GGZ03W;WMO_BW;1980\n")
                        .errors()
                        .get(0)
                        .message())
                .contains("De kolom valid_to ontbreekt");
        assertThat(rejected("header-only.csv", "indications", CsvHeaders.INDICATIONS)
                        .errors()
                        .get(0)
                        .message())
                .contains("alleen een kopregel");

        long before = countsOfAllTables();
        byte[] latin1 = (CsvHeaders.INDICATIONS + "TESTEEEEEEE2;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                        + "CLIËNTEEEEE3;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = folder.resolve("latin1.csv");
        Files.write(file, latin1);
        ImportResult notUtf8 = imports.importFile(file, "latin1.csv", "indications");
        assertThat(notUtf8.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(notUtf8.errors().get(0).message()).contains("geen UTF-8").contains("Regel 3");
        assertThat(countsOfAllTables()).isEqualTo(before);
    }

    @Test
    void aCareOfficeCannotReplaceNationalPopulationData() throws IOException {
        List<Map<String, Object>> populationBefore =
                jdbc.queryForList("select * from population order by year, municipality_code");
        int year = (Integer) populationBefore.get(populationBefore.size() - 1).get("year");
        String file = "year;municipality_code;municipality_name;region_code;inhabitants;inhabitants_18plus\n" + year
                + ";GM0518;'s-Gravenhage;ZK10;1;1\n";

        // named as population: refused before the file is read
        assertThat(catchThrowable(() -> imports.importFile(write("pop.csv", file), "pop.csv", "population", "ZK10")))
                .isInstanceOf(ImportService.InvalidImportRequest.class)
                .hasMessageContaining("hele land")
                .hasMessageContaining("beheerder");
        // recognised from its header: refused as a whole
        ImportResult byHeader = imports.importFile(write("pop2.csv", file), "pop2.csv", null, "ZK10");
        assertThat(byHeader.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(byHeader.message()).contains("hele land").contains("Er is niets veranderd");

        assertThat(jdbc.queryForList("select * from population order by year, municipality_code"))
                .as("every region's population rows")
                .isEqualTo(populationBefore);
    }

    @Test
    void commaSeparatedFileWithByteOrderMarkIsAccepted() throws IOException {
        ImportResult result = imports.importFile(
                write(
                        "comma.csv",
                        "\uFEFF" + CsvHeaders.INDICATIONS.replace(';', ',')
                                + "TESTFFFFFFF1,2023-01-02,2023-01-15,,ZK28,GGZ02W,ZVW_GGZ,1990\n"),
                "comma.csv",
                null);
        assertThat(result.status()).as(result.message()).isEqualTo(ImportStatus.LOADED);
        assertThat(result.type()).isEqualTo("indications");
    }

    @Test
    void excelFileWithTheSameColumnsIsAccepted() throws IOException {
        Path file = folder.resolve("indicaties.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Blad1");
            String[] header = CsvHeaders.INDICATIONS.trim().split(";");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("TESTXLSXXXX1");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("d-m-yyyy"));
            Cell decided = row.createCell(1);
            decided.setCellValue(LocalDate.of(2023, 4, 3));
            decided.setCellStyle(dateStyle);
            row.createCell(2).setCellValue("2023-04-10");
            row.createCell(4).setCellValue("ZK13");
            row.createCell(5).setCellValue("GGZ05W");
            row.createCell(6).setCellValue("JEUGD");
            row.createCell(7).setCellValue(2002);
            workbook.write(out);
        }
        ImportResult result = imports.importFile(file, "indicaties.xlsx", null);
        assertThat(result.status()).as(result.message()).isEqualTo(ImportStatus.LOADED);
        assertThat(
                        jdbc.queryForMap(
                                "select decision_date::text d, birth_year, valid_to from indication where client_id = 'TESTXLSXXXX1'"))
                .containsEntry("d", "2023-04-03")
                .containsEntry("birth_year", 2002)
                .containsEntry("valid_to", null);
    }

    @Test
    void fileWithABsnIsRefusedWholeWithoutRepeatingTheNumber() throws IOException {
        String bsn = "111222333"; // passes the elfproef
        ImportResult result = rejected(
                "bsn.csv",
                "indications",
                CsvHeaders.INDICATIONS
                        + "TESTGGGGGGG1;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                        + bsn + ";2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n");
        assertThat(result.message()).contains("BSN");
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).line()).isEqualTo(3);
        assertThat(result.errors().get(0).column()).isEqualTo("client_id");
        assertThat(result.toString()).doesNotContain(bsn);
        assertThat(jdbc.queryForObject(
                        "select count(*) from import_run where errors::text like ? or message like ?",
                        Long.class,
                        "%" + bsn + "%",
                        "%" + bsn + "%"))
                .isZero();
    }

    @Test
    void nineDigitsThatFailTheElfproefAreNoBsn() {
        assertThat(BsnCheck.containsBsn("111222333")).isTrue();
        assertThat(BsnCheck.containsBsn("x111222333x")).isTrue();
        assertThat(BsnCheck.containsBsn("111222334")).isFalse();
        assertThat(BsnCheck.containsBsn("1112223330")).isFalse();
        assertThat(BsnCheck.containsBsn("000000000")).isFalse();
    }
}
