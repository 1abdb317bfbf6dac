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

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an Excel .xlsx file, with the same columns as the CSV format. */
final class XlsxTabularFile implements TabularFile {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final XSSFWorkbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final List<String> header = new ArrayList<>();

    private XlsxTabularFile(XSSFWorkbook workbook) {
        this.workbook = workbook;
        Sheet sheet = workbook.getSheetAt(0);
        this.rows = sheet.iterator();
    }

    static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        }
    }

    static XlsxTabularFile open(Path file) throws ImportRejected, IOException {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (Exception e) {
            throw new ImportRejected(null, "Het Excel-bestand kon niet gelezen worden. Alleen .xlsx-bestanden "
                    + "(Excel 2007 en later) worden ondersteund.");
        }
        if (workbook.getNumberOfSheets() == 0) {
            workbook.close();
            throw new ImportRejected(null, "Het bestand is leeg.");
        }
        XlsxTabularFile result = new XlsxTabularFile(workbook);
        Row first = result.next();
        if (first == null) {
            result.close();
            throw new ImportRejected(null, "Het bestand is leeg.");
        }
        for (String name : first.values()) {
            result.header.add(name);
        }
        return result;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        while (rows.hasNext()) {
            org.apache.poi.ss.usermodel.Row row = rows.next();
            int width = header.isEmpty() ? Math.max(row.getLastCellNum(), 0) : header.size();
            String[] values = new String[Math.max(width, row.getLastCellNum())];
            boolean blank = true;
            for (int i = 0; i < values.length; i++) {
                values[i] = text(row.getCell(i));
                blank &= values[i].isEmpty();
            }
            if (!blank) {
                return new Row(row.getRowNum() + 1L, values);
            }
        }
        return null;
    }

    /** The cell as the CSV would hold it: dates as yyyy-mm-dd, whole numbers without decimals. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().trim();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
