package nl.regiomonitor.signal;

/**
 * An entry as typed in the form or written in a CSV row, before it is checked: kind, category and
 * location kind as codes, the date as {@code jjjj-mm-dd}. Blank means not given.
 */
public record EntryInput(
        String kind, String date, String category, String name, String locationKind, String description) {

    static EntryInput empty() {
        return new EntryInput("", "", "", "", "", "");
    }

    static EntryInput of(RegisterEntry e) {
        return new EntryInput(
                e.kind().name(),
                e.date().toString(),
                e.category() == null ? "" : e.category().code(),
                e.name() == null ? "" : e.name(),
                e.locationKind() == null ? "" : e.locationKind().name(),
                e.description() == null ? "" : e.description());
    }
}
