package nl.regiomonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.util.HtmlUtils;

import nl.regiomonitor.common.Dutch;

/**
 * Reads the published tables back out of each output a visitor gets (the page, the CSV, XLSX and
 * PDF downloads), so tests can hold them against each other cell by cell.
 */
public final class PublishedOutputs {

    private static final Pattern CELL = Pattern.compile("<td class=\"num\">([^<]*)</td>");
    private static final Pattern ROW =
            Pattern.compile("<tr>\\s*<th scope=\"row\">([^<]*)</th>(.*?)</tr>", Pattern.DOTALL);

    private PublishedOutputs() {}

    /** The cells of every table on a page, in order, as shown. */
    public static List<String> pageCells(String page) {
        List<String> cells = new ArrayList<>();
        Matcher td = CELL.matcher(page);
        while (td.find()) {
            cells.add(HtmlUtils.htmlUnescape(td.group(1)));
        }
        return cells;
    }

    /** The rows of the page's table {@code tabel-<id>}, each its label and then its cells as shown; fails if the page has no such table. */
    public static List<List<String>> pageTable(String page, String id) {
        int start = page.indexOf("<table class=\"data\" id=\"tabel-" + id + "\">");
        assertThat(start).as("tabel %s op de pagina", id).isNotNegative();
        Matcher tr = ROW.matcher(page.substring(start, page.indexOf("</table>", start)));
        List<List<String>> rows = new ArrayList<>();
        while (tr.find()) {
            List<String> row = new ArrayList<>();
            row.add(HtmlUtils.htmlUnescape(tr.group(1)));
            row.addAll(pageCells(tr.group(2)));
            rows.add(row);
        }
        return rows;
    }

    /** The cells of every table of a download, in order, as the CSV holds them. */
    public static List<String> csvCells(String csv) throws IOException {
        List<String> cells = new ArrayList<>();
        for (List<CSVRecord> table : csvTables(csv)) {
            for (CSVRecord row : table.subList(2, table.size())) {
                cells.addAll(row.toList().subList(1, row.size()));
            }
        }
        return cells;
    }

    /** Each table of a CSV download as its records: a caption line, a heading line, the rows (then an empty line). */
    public static List<List<CSVRecord>> csvTables(String csv) throws IOException {
        List<List<CSVRecord>> tables = new ArrayList<>();
        List<CSVRecord> table = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setIgnoreEmptyLines(false)
                .get()
                .parse(new StringReader(csv.replace("\uFEFF", "")))
                .getRecords()) {
            if (record.size() == 1 && record.get(0).isEmpty()) {
                tables.add(table);
                table = new ArrayList<>();
            } else {
                table.add(record);
            }
        }
        return tables;
    }

    /** The cells of every sheet of an XLSX download, in order, as Excel shows them in Dutch. */
    public static List<String> xlsxCells(WebSession visitor, String path) throws IOException {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(visitor.getBytes(path)))) {
            DataFormatter text = new DataFormatter(Dutch.LOCALE);
            for (Sheet sheet : book) {
                for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    for (int c = 1; c < row.getLastCellNum(); c++) {
                        cells.add(text.formatCellValue(row.getCell(c)));
                    }
                }
            }
        }
        return cells;
    }

    /**
     * What is wrong with the lists of a tagged PDF, as "L > type" for anything but a list item (or caption) in a list,
     * and "L without items" for a list whose items were left out of the structure (what the PDF renderer does with
     * items it cannot tag as such): PDF/UA and a screen reader announcing "list, 17 items" need both right.
     */
    public static List<String> pdfListProblems(PDDocument pdf) {
        List<String> wrong = new ArrayList<>();
        collectListProblems(pdf.getDocumentCatalog().getStructureTreeRoot(), wrong);
        return wrong;
    }

    private static void collectListProblems(PDStructureNode node, List<String> wrong) {
        boolean list = node instanceof PDStructureElement element && "L".equals(element.getStructureType());
        int items = 0;
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                String type = element.getStructureType();
                if (type.equals("LI")) {
                    items++;
                } else if (list && !type.equals("Caption")) {
                    wrong.add("L > " + type);
                }
                collectListProblems(element, wrong);
            }
        }
        if (list && items == 0) {
            wrong.add("L without items");
        }
    }

    /** The printed lines of every page of a PDF, page by page, as {@link #pdfLines} reads them. */
    public static List<List<String>> pdfPages(PDDocument pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            pages.add(pdfLines(pdf, page));
        }
        return pages;
    }

    /** The printed lines of one page of a PDF, top to bottom, with single spaces (a non-breaking one too). */
    public static List<String> pdfLines(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf)
                .lines()
                .map(PublishedOutputs::singleSpaced)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    public static String singleSpaced(String text) {
        return text.replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
    }

    /** A CSV row as the PDF prints it: the label and each cell as shown. */
    public static String printed(CSVRecord row) {
        return singleSpaced(row.stream().map(PublishedOutputs::shown).collect(Collectors.joining(" ")));
    }

    /** A CSV cell as the page and PDF show it: the CSV holds a count as a plain number, they write it with Dutch thousands separators. */
    public static String shown(String cell) {
        return cell.matches("\\d+")
                ? NumberFormat.getIntegerInstance(Dutch.LOCALE).format(Long.parseLong(cell))
                : cell;
    }

    /** Every caption (it may wrap) and then every row of its table as one whole printed line, in the CSV's order. */
    public static void assertCaptionsAndRowsInOrder(List<String> lines, List<List<CSVRecord>> tables) {
        String text = "\n" + String.join("\n", lines) + "\n";
        String flat = text.replace('\n', ' '); // same positions, lines joined
        int at = 0;
        for (List<CSVRecord> table : tables) {
            String caption = singleSpaced(table.get(0).get(0));
            at = flat.indexOf(caption, at);
            assertThat(at).as("bijschrift '%s' in:%s", caption, text).isNotNegative();
            for (CSVRecord row : table.subList(2, table.size())) {
                String line = "\n" + printed(row) + "\n";
                int found = text.indexOf(line, at);
                assertThat(found)
                        .as("regel '%s' na positie %d in:%s", line.strip(), at, text)
                        .isNotNegative();
                at = found + line.length() - 1;
            }
        }
    }

    /** On every page, the first table row comes after column headings: repeated when a table runs on. */
    public static void assertEveryPageHeadsItsRows(List<List<String>> pages, List<List<CSVRecord>> tables) {
        Set<String> rows = tables.stream()
                .flatMap(t -> t.subList(2, t.size()).stream())
                .map(PublishedOutputs::printed)
                .collect(Collectors.toSet());
        Set<String> rowHeadings = tables.stream().map(t -> t.get(1).get(0)).collect(Collectors.toSet());
        for (int page = 0; page < pages.size(); page++) {
            List<String> lines = pages.get(page);
            int firstRow = IntStream.range(0, lines.size())
                    .filter(i -> rows.contains(lines.get(i)))
                    .findFirst()
                    .orElse(-1);
            if (firstRow >= 0) {
                assertThat(lines.subList(0, firstRow))
                        .as("kolomkoppen boven de eerste rij van pagina %d", page + 1)
                        .anyMatch(
                                line -> rowHeadings.stream().anyMatch(h -> line.equals(h) || line.startsWith(h + " ")));
            }
        }
    }
}
