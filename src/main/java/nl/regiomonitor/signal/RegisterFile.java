package nl.regiomonitor.signal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.regiomonitor.ingest.ImportError;
import nl.regiomonitor.ingest.ImportRejected;
import nl.regiomonitor.ingest.TabularFile;
import nl.regiomonitor.signal.EntryCheck.Checked;
import nl.regiomonitor.web.Problem;

/**
 * A CSV or XLSX file of register entries, read and checked as a whole: either every row is an entry, or
 * an {@link InvalidEntry} names every bad row as the indications import does ({@link ImportError}: line,
 * column, reason).
 */
final class RegisterFile {

    /** The columns of an import file, in the order the README gives them. */
    static final List<String> COLUMNS = List.of("kind", "date", "category", "name", "location_kind", "description");

    private static final int MAX_IMPORT_ROWS = 10_000;
    private static final int MAX_IMPORT_ERRORS = 1_000;

    private RegisterFile() {}

    /** The checked rows of {@code file}; at least one, else the file is refused. */
    static List<Checked> read(Path file, List<SignalCategory> categories) throws IOException {
        List<Checked> rows = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        int read = 0;
        try (InputStream in = Files.newInputStream(file);
                TabularFile table = TabularFile.open(file, in)) {
            Map<String, Integer> columns = columnsOf(table.header());
            for (TabularFile.Row row = table.next();
                    row != null && errors.size() < MAX_IMPORT_ERRORS;
                    row = table.next()) {
                if (++read > MAX_IMPORT_ROWS) {
                    throw InvalidEntry.general(
                            "Het bestand heeft meer dan " + MAX_IMPORT_ROWS + " regels; splits het op.");
                }
                String[] v = row.values();
                EntryInput input = new EntryInput(
                        cell(v, columns, "kind"),
                        cell(v, columns, "date"),
                        cell(v, columns, "category"),
                        cell(v, columns, "name"),
                        cell(v, columns, "location_kind"),
                        cell(v, columns, "description"));
                List<Problem> rowProblems = new ArrayList<>();
                Optional<Checked> checked = EntryCheck.check(input, categories, rowProblems);
                checked.ifPresent(rows::add);
                int line = (int) row.line();
                rowProblems.forEach(p -> errors.add(ImportError.inColumn(line, column(p.field()), p.message())));
            }
        } catch (ImportRejected e) {
            throw InvalidEntry.general(e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw InvalidEntry.ofImport(errors);
        }
        if (rows.isEmpty()) {
            throw InvalidEntry.general("Het bestand heeft alleen een kopregel en geen registraties.");
        }
        return rows;
    }

    /** The header's columns by name; a missing or unknown column refuses the file. */
    private static Map<String, Integer> columnsOf(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<ImportError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(ImportError.atLine(
                        1,
                        "De kolom '" + header.get(i) + "' is onbekend; de kolommen zijn " + String.join(";", COLUMNS)
                                + "."));
            }
            columns.put(name, i);
        }
        COLUMNS.stream()
                .filter(c -> !columns.containsKey(c))
                .forEach(c -> errors.add(ImportError.atLine(
                        1, "De kolom '" + c + "' ontbreekt; de kolommen zijn " + String.join(";", COLUMNS) + ".")));
        if (!errors.isEmpty()) {
            throw InvalidEntry.ofImport(errors);
        }
        return columns;
    }

    private static String cell(String[] values, Map<String, Integer> columns, String column) {
        int i = columns.get(column);
        return i < values.length ? values[i] : "";
    }

    /** The import column of a form field. */
    private static String column(String field) {
        return switch (field) {
            case "locationKind" -> "location_kind";
            default -> field;
        };
    }
}
