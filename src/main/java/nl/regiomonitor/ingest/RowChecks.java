package nl.regiomonitor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of one file's rows and the errors they found, apart from {@link ImportJob}'s reading
 * and loading: every check adds to the same line-numbered list, and whether a BSN was found is
 * known as a fact, not read back from the wording of a message.
 */
final class RowChecks {

    static final int MAX_LISTED_ERRORS = 10_000;

    private final List<ImportError> errors = new ArrayList<>();
    private long count;
    private boolean bsnFound;

    /** The errors found so far, at most {@link #MAX_LISTED_ERRORS} of them. */
    List<ImportError> errors() {
        return errors;
    }

    /** How many errors were found, also those not listed. */
    long count() {
        return count;
    }

    /** Whether some value looked like a BSN. */
    boolean bsnFound() {
        return bsnFound;
    }

    void add(ImportError error) {
        count++;
        listed(error);
    }

    void error(long line, String column, String value, String message) {
        add(new ImportError((int) line, column, value, message));
    }

    /**
     * Records an error for every column that looks like a BSN, without repeating the number; returns which columns
     * those are, or null when none (nearly every row: no array for it).
     */
    boolean[] hideBsns(TabularFile.Row row, List<String> header) {
        String[] raw = row.values();
        boolean[] hidden = null;
        for (int i = 0; i < raw.length; i++) {
            if (BsnCheck.containsBsn(raw[i])) {
                if (hidden == null) {
                    hidden = new boolean[Math.max(raw.length, header.size())];
                }
                hidden[i] = true;
                bsnFound = true;
                error(
                        row.line(),
                        i < header.size() ? header.get(i) : "kolom " + (i + 1),
                        null,
                        "Hier staat een nummer dat op een BSN lijkt (9 cijfers die de elfproef doorstaan). "
                                + "Het nummer wordt niet getoond en het bestand is in zijn geheel geweigerd.");
            }
        }
        return hidden;
    }

    /** The value of one field, or null (with an error unless it may be empty) when it is not one. */
    Object parseField(long line, Field field, Set<String> codes, String raw) {
        if (raw.isEmpty()) {
            if (!field.optional()) {
                error(line, field.name(), raw, "Deze kolom mag niet leeg zijn.");
            }
            return null;
        }
        if (hasControlCharacter(raw)) {
            error(
                    line,
                    field.name(),
                    raw,
                    "De waarde bevat een onzichtbaar stuurteken (bijvoorbeeld een nulteken). "
                            + "Is het bestand als tekst (CSV UTF-8) opgeslagen?");
            return null;
        }
        try {
            Object value = field.kind().parse(raw);
            if (codes != null && !codes.contains(raw)) {
                error(
                        line,
                        field.name(),
                        raw,
                        "Onbekende " + field.codeList().dutchName() + ". Geldig zijn: "
                                + codes.stream().sorted().collect(Collectors.joining(", ")) + ".");
                return null;
            }
            return value;
        } catch (FieldKind.InvalidValue e) {
            error(line, field.name(), raw, "De waarde " + e.getMessage() + ".");
            return null;
        }
    }

    private static boolean hasControlCharacter(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    void checkRule(long line, RowRule rule, Object value, Object other) {
        if (value != null && other != null && !rule.holds(value, other)) {
            error(
                    line,
                    rule.field(),
                    String.valueOf(value),
                    "Onmogelijke combinatie: " + rule.reason(value, other) + ".");
        }
    }

    /** Notes the key of a row without other errors; {@link #checkKeys} refuses those an earlier row has. */
    void noteKey(long line, int[] keyPositions, String[] raw, int[] columns, FileKeys keys) {
        keys.begin();
        for (int position : keyPositions) {
            keys.append(raw[columns[position]].trim());
        }
        keys.add(line);
    }

    /**
     * Refuses every row whose key an earlier row of the file has, its error placed by line after those the row had
     * already, as if each row's key had been checked as it was read (the check a row without other errors ends with).
     */
    void checkKeys(List<String> keyFields, FileKeys keys) {
        List<FileKeys.Duplicate> duplicates = keys.duplicates();
        if (duplicates.isEmpty()) {
            return;
        }
        List<ImportError> found = new ArrayList<>(errors);
        errors.clear();
        int next = 0;
        for (FileKeys.Duplicate duplicate : duplicates) {
            while (next < found.size() && lineOf(found.get(next)) <= duplicate.line()) {
                listed(found.get(next++));
            }
            listed(new ImportError(
                    duplicate.line(),
                    null,
                    keyText(duplicate.key()),
                    "Dubbele sleutel: dezelfde combinatie van " + String.join(", ", keyFields) + " staat ook op regel "
                            + duplicate.earlierLine() + "."));
        }
        found.subList(next, found.size()).forEach(this::listed);
        count += duplicates.size();
    }

    private void listed(ImportError error) {
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(error);
        }
    }

    /** An error of the whole file comes after those of its lines. */
    private static int lineOf(ImportError error) {
        return error.line() == null ? Integer.MAX_VALUE : error.line();
    }

    /** A key as a stored row renders it (see {@link FileKeys}), shown with semicolons. */
    static String keyText(String key) {
        return key.replace('\u0001', ';').replaceAll(";$", "");
    }
}
