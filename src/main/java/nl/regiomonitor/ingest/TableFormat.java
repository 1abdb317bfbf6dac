package nl.regiomonitor.ingest;

import java.util.List;

/** An import format described entirely by its fields, table, key and rules. */
public record TableFormat(String type, String label, List<Field> fields, String table, List<String> keyFields,
                          List<RowRule> rowRules, Replacement replacement) implements ImportFormat {
}
