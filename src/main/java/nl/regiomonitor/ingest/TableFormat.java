package nl.regiomonitor.ingest;

import java.util.List;

/** An import format described entirely by its fields, table, key and rules. */
public record TableFormat(
        String type,
        String label,
        List<Field> fields,
        String table,
        List<String> keyFields,
        List<RowRule> rowRules,
        Replacement replacement,
        boolean national)
        implements ImportFormat {

    /** A format of client data, imported per region or nationally. */
    public TableFormat(
            String type,
            String label,
            List<Field> fields,
            String table,
            List<String> keyFields,
            List<RowRule> rowRules,
            Replacement replacement) {
        this(type, label, fields, table, keyFields, rowRules, replacement, false);
    }
}
