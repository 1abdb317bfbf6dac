package nl.regiomonitor.ingest;

import java.util.List;

/**
 * One import format of SPEC.md §3, contributed by the package that owns its table. The engine
 * ({@link ImportService}) reads the file, checks every field and loads the rows with COPY into
 * {@link #table()}, whose columns are the fields in order followed by {@code import_id}.
 */
public interface ImportFormat {

    /** The code used in the API and on the command line, e.g. {@code indications}. */
    String type();

    /** Dutch name for people, e.g. "Indicatiebesluiten". */
    String label();

    List<Field> fields();

    String table();

    /** Names of the fields that together identify a row; a second row with the same key is an error. */
    List<String> keyFields();

    /**
     * Whether a file of this format holds national data (population, reference data): only the
     * administrator imports it, never a care office for one region, since it replaces rows of all regions.
     */
    default boolean national() {
        return false;
    }

    /** Rules that involve more than one field of a row. */
    default List<RowRule> rowRules() {
        return List.of();
    }

    /**
     * What a successful import replaces: by default the rows of the earlier version of the same
     * file; a format may name a field instead (the population format replaces whole years).
     */
    default Replacement replacement() {
        return Replacement.SOURCE;
    }

    /** What a successful import of this format replaces. */
    sealed interface Replacement permits SourceReplacement, FieldReplacement {
        Replacement SOURCE = new SourceReplacement();

        static Replacement byField(String field) {
            return new FieldReplacement(field);
        }
    }

    /** The rows of the earlier version of the same source. */
    record SourceReplacement() implements Replacement {}

    /** Every row, from any source, whose value of {@code field} occurs in the new file. */
    record FieldReplacement(String field) implements Replacement {}
}
