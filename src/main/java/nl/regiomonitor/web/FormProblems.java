package nl.regiomonitor.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with the fields of a GET form (a year, a month, a date), each reason kept with the field it
 * is about, so the page can show the form again with the reason at the field and a summary above it. The
 * parse methods read what a visitor typed and give {@code null} with a reason when it cannot be used; the
 * typed text itself stays with the caller, to be put back in the field.
 */
public final class FormProblems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Keeps the first reason of a field: the one to fix first. */
    public void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String message(String field) {
        return byField.get(field);
    }

    /** For aria-describedby: the id of the reason beside the field, or nothing when it has none. */
    public String describedBy(String field) {
        return has(field) ? field + "-error" : null;
    }

    /** For aria-invalid. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    public List<Problem> all() {
        return byField.entrySet().stream()
                .map(e -> new Problem(e.getKey(), e.getValue()))
                .toList();
    }

    /** A year from {@code first} to {@code last}, or null (also when nothing was typed: then the page picks one). */
    public Integer year(String field, String typed, int first, int last) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String range = " Kies een jaar van " + first + " tot en met " + last + ".";
        if (!typed.strip().matches("\\d{4}")) {
            add(
                    field,
                    "Vul het jaar in met vier cijfers, bijvoorbeeld " + last + "."
                            + (typed.strip().matches("\\d+") ? range : ""));
            return null;
        }
        int year = Integer.parseInt(typed.strip());
        if (year < first || year > last) {
            add(field, "Over " + year + " zijn er geen gegevens." + range);
            return null;
        }
        return year;
    }

    /** A month written as year-month (2024-03), or null. */
    public YearMonth month(String field, String typed, String label) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            if (typed.strip().matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(typed.strip());
            }
        } catch (DateTimeParseException e) {
            // falls through to the reason below: a month 13 or 00
        }
        add(field, "Vul " + label + " in als jaar-maand met een maand van 01 tot en met 12, bijvoorbeeld 2024-03.");
        return null;
    }

    /** A date written as the date field sends it (2024-03-31) or as people write it (31-03-2024), or null. */
    public LocalDate date(String field, String typed, String label) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t);
            }
            if (t.matches("\\d{1,2}-\\d{1,2}-\\d{4}")) {
                String[] p = t.split("-");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
        } catch (DateTimeException e) {
            // falls through to the reason below: a day or month that does not exist
        }
        add(field, "Vul " + label + " in als een bestaande datum, bijvoorbeeld 31-03-2024.");
        return null;
    }

    /** Says so at the second field when a period ends before it starts. */
    public <T extends Comparable<? super T>> void inOrder(String laterField, T first, T last, String message) {
        if (first != null && last != null && first.compareTo(last) > 0) {
            add(laterField, message);
        }
    }
}
