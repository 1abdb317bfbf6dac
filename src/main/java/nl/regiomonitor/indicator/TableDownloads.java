package nl.regiomonitor.indicator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.disclosure.SmallCells;
import nl.regiomonitor.web.Attachment;
import nl.regiomonitor.web.PdfDocuments;

/** A {@link FigureTable} as CSV (semicolons, for Dutch spreadsheets), as XLSX and as PDF: the cells of the page. */
public final class TableDownloads {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private TableDownloads() {}

    /** The format a download is asked in: the extension of its path (csv, xlsx or pdf). */
    public static String format(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Sends the tables as a CSV download named {@code fileStem}.csv. */
    public static void sendCsv(HttpServletResponse response, String fileStem, List<FigureTable> tables)
            throws IOException {
        Attachment.headers(response, "text/csv; charset=UTF-8", fileStem + ".csv");
        csv(tables, response.getOutputStream());
    }

    /** Sends the tables as an Excel download named {@code fileStem}.xlsx. */
    public static void sendXlsx(HttpServletResponse response, String fileStem, List<FigureTable> tables)
            throws IOException {
        Attachment.headers(response, XLSX, fileStem + ".xlsx");
        xlsx(tables, response.getOutputStream());
    }

    /**
     * What a PDF shows above its tables: fragment {@code fragment} of {@code template} (its path under
     * {@code templates/}, with its extension), rendered with {@code model} besides the tables' own model.
     */
    public record Lead(String template, String fragment, Map<String, Object> model) {}

    /** Sends the tables as a PDF download named {@code fileStem}.pdf, headed by {@code title} and today's date. */
    public static void sendPdf(
            HttpServletResponse response, String fileStem, String title, List<FigureTable> tables, SmallCells small)
            throws IOException {
        sendPdf(response, fileStem, title, tables, small, null);
    }

    /** The same, with {@code lead} (or nothing, when null) between the date and the tables. */
    public static void sendPdf(
            HttpServletResponse response,
            String fileStem,
            String title,
            List<FigureTable> tables,
            SmallCells small,
            Lead lead)
            throws IOException {
        Attachment.headers(response, "application/pdf", fileStem + ".pdf");
        pdf(title, tables, small, lead, LocalDate.now(Dutch.ZONE), response.getOutputStream());
    }

    /** Each table under its caption; a hidden cell is written as the page shows it ("<5"), never its value. */
    private static void csv(List<FigureTable> tables, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // Excel reads UTF-8 only with a byte order mark
        CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get());
        for (FigureTable table : tables) {
            csv.printRecord(table.caption());
            List<String> heading = new ArrayList<>();
            heading.add(table.rowHeading());
            heading.addAll(table.columns());
            csv.printRecord(heading);
            for (FigureTable.Row row : table.rows()) {
                List<String> line = new ArrayList<>();
                line.add(row.label());
                row.cells()
                        .forEach(c -> line.add(
                                c.value() == null ? c.display() : c.value().toString()));
                csv.printRecord(line);
            }
            csv.println();
        }
        csv.flush();
    }

    /** One sheet per table; shown values are numbers, hidden ones the text "<5". */
    private static void xlsx(List<FigureTable> tables, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (FigureTable table : tables) {
                Sheet sheet = book.createSheet(table.id());
                Row caption = sheet.createRow(0);
                caption.createCell(0).setCellValue(table.caption());
                caption.getCell(0).setCellStyle(bold);
                Row heading = sheet.createRow(1);
                heading.createCell(0).setCellValue(table.rowHeading());
                for (int c = 0; c < table.columns().size(); c++) {
                    heading.createCell(c + 1).setCellValue(table.columns().get(c));
                    heading.getCell(c + 1).setCellStyle(bold);
                }
                int r = 2;
                for (FigureTable.Row row : table.rows()) {
                    Row line = sheet.createRow(r++);
                    line.createCell(0).setCellValue(row.label());
                    for (int c = 0; c < row.cells().size(); c++) {
                        var value = row.cells().get(c);
                        Cell cell = line.createCell(c + 1);
                        if (value.value() == null) {
                            cell.setCellValue(value.display());
                        } else {
                            cell.setCellValue(value.value());
                        }
                    }
                }
                sheet.setColumnWidth(0, 14 * 256);
            }
            book.write(out);
        }
    }

    /** A4 pages numbered in the footer, each table under its caption, then what {@code <5}, {@code x} and – mean. */
    static void pdf(
            String title, List<FigureTable> tables, SmallCells small, Lead lead, LocalDate made, OutputStream out)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        if (lead != null) {
            model.putAll(lead.model());
        }
        model.putAll(Map.of("title", title, "made", DAY.format(made), "tables", tables, "small", small));
        model.put("lead", lead);
        PdfDocuments.render("indicator/tables-pdf.xhtml", model, out);
    }
}
