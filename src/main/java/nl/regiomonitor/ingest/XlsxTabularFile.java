package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The first sheet of an Excel .xlsx file, with the same columns as the CSV format. The sheet is
 * read as a stream of XML, one row at a time (the workbook itself is never built in memory), so a
 * sheet of a million rows takes no more memory than one of ten.
 */
final class XlsxTabularFile implements TabularFile {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final OPCPackage workbook;
    private final InputStream sheetData;
    private final XMLStreamReader sheet;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final List<String> header = new ArrayList<>();
    private long previousRow;

    private XlsxTabularFile(
            OPCPackage workbook,
            InputStream sheetData,
            XMLStreamReader sheet,
            ReadOnlySharedStringsTable strings,
            StylesTable styles) {
        this.workbook = workbook;
        this.sheetData = sheetData;
        this.sheet = sheet;
        this.strings = strings;
        this.styles = styles;
    }

    static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        }
    }

    static XlsxTabularFile open(Path file) throws ImportRejected, IOException {
        OPCPackage workbook = null;
        XlsxTabularFile result;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                workbook.revert();
                throw ImportRejected.ofFile("Het bestand is leeg.");
            }
            InputStream data = sheets.next();
            result = new XlsxTabularFile(
                    workbook,
                    data,
                    XMLHelper.newXMLInputFactory().createXMLStreamReader(data),
                    new ReadOnlySharedStringsTable(workbook, false),
                    reader.getStylesTable());
        } catch (ImportRejected e) {
            throw e;
        } catch (Exception e) {
            if (workbook != null) {
                workbook.revert();
            }
            throw unreadable();
        }
        Row first = result.next();
        if (first == null) {
            result.close();
            throw ImportRejected.ofFile("Het bestand is leeg.");
        }
        result.header.addAll(Arrays.asList(first.values()));
        return result;
    }

    private static ImportRejected unreadable() {
        return ImportRejected.ofFile("Het Excel-bestand kon niet gelezen worden. Alleen .xlsx-bestanden "
                + "(Excel 2007 en later) worden ondersteund.");
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws ImportRejected {
        try {
            while (sheet.hasNext()) {
                if (sheet.next() == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                    String number = sheet.getAttributeValue(null, "r");
                    long line = number == null ? previousRow + 1 : Long.parseLong(number);
                    previousRow = line;
                    String[] values = readRow();
                    if (Arrays.stream(values).anyMatch(v -> !v.isEmpty())) {
                        return new Row(line, values);
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw unreadable();
        }
    }

    /** The cells of the row the reader stands on, as wide as the header (or the row, if wider). */
    private String[] readRow() throws XMLStreamException {
        List<String> values = new ArrayList<>(Math.max(header.size(), 8));
        int column = -1;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(sheet.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                String reference = sheet.getAttributeValue(null, "r");
                column = reference == null ? column + 1 : new CellReference(reference).getCol();
                String value = readCell(sheet.getAttributeValue(null, "t"), sheet.getAttributeValue(null, "s"));
                while (values.size() <= column) {
                    values.add("");
                }
                values.set(column, value);
            }
        }
        while (values.size() < header.size()) {
            values.add("");
        }
        return values.toArray(String[]::new);
    }

    /** The cell as the CSV would hold it: dates as yyyy-mm-dd, whole numbers without decimals. */
    private String readCell(String type, String style) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(sheet.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "v".equals(sheet.getLocalName())) {
                value.append(sheet.getElementText());
            } else if (event == XMLStreamConstants.START_ELEMENT && "t".equals(sheet.getLocalName())) {
                inline.append(sheet.getElementText()); // an inline string, possibly in runs
            }
        }
        String raw = value.toString();
        if (type == null || type.equals("n")) {
            return raw.isEmpty() ? "" : number(raw, style);
        }
        return switch (type) {
            case "s" ->
                strings.getItemAt(Integer.parseInt(raw.trim())).getString().trim();
            case "inlineStr" -> inline.toString().trim();
            case "str" -> raw.trim();
            case "b" -> Boolean.toString("1".equals(raw.trim()));
            default -> ""; // an error value such as #N/A
        };
    }

    private String number(String raw, String style) {
        double number = Double.parseDouble(raw);
        if (style != null && !style.isEmpty()) {
            XSSFCellStyle format = styles.getStyleAt(Integer.parseInt(style));
            if (format != null
                    && DateUtil.isADateFormat(format.getDataFormat(), format.getDataFormatString())
                    && DateUtil.isValidExcelDate(number)) {
                return DateUtil.getLocalDateTime(number).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing a reader of a file we only read
        }
        sheetData.close();
        workbook.revert();
    }
}
