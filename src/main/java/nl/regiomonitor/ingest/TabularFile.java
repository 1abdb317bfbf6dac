package nl.regiomonitor.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** The rows of an uploaded file, CSV or Excel, after its header row. */
public interface TabularFile extends Closeable {

    /** Column names of the header row, trimmed. */
    List<String> header();

    /** The next row, or null at the end of the file. */
    Row next() throws ImportRejected;

    /** A row with its line number in the file (the header is line 1 for CSV). */
    record Row(long line, String[] values) {}

    /** Opens CSV or XLSX, told apart by their first bytes (an .xlsx file is a zip archive). */
    static TabularFile open(Path file, InputStream content) throws ImportRejected, IOException {
        if (XlsxTabularFile.isXlsx(file)) {
            content.transferTo(OutputStream.nullOutputStream()); // the digest and progress still see every byte
            return XlsxTabularFile.open(file);
        }
        return CsvTabularFile.open(file, content);
    }
}
