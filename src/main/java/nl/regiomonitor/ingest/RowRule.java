package nl.regiomonitor.ingest;

import java.time.LocalDate;

/**
 * A rule between two fields of one row, checked only when both have a value: {@code field}
 * must not be before (dates) or above (numbers) {@code other}.
 */
public record RowRule(String field, String other) {

    boolean holds(Object value, Object otherValue) {
        if (value instanceof LocalDate date) {
            return !date.isBefore((LocalDate) otherValue);
        }
        return ((Integer) value) <= (Integer) otherValue;
    }

    String reason(Object value, Object otherValue) {
        if (value instanceof LocalDate) {
            return field + " (" + value + ") ligt vóór " + other + " (" + otherValue + ")";
        }
        return field + " (" + value + ") is groter dan " + other + " (" + otherValue + ")";
    }
}
