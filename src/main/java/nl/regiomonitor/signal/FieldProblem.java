package nl.regiomonitor.signal;

/** Why an entry was refused, in Dutch, and the form field it is about (null: the entry as a whole). */
public record FieldProblem(String field, String message) {
}
