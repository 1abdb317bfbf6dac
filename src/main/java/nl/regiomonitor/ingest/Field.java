package nl.regiomonitor.ingest;

import nl.regiomonitor.region.CodeList;

/**
 * A column of an import format: its name in the header and the kind of value it holds.
 * A field of kind {@link FieldKind#CODE} names the {@link CodeList} its values must come from.
 */
public record Field(String name, FieldKind kind, CodeList codeList, boolean optional) {

    public static Field text(String name) {
        return of(name, FieldKind.TEXT);
    }

    public static Field code(String name, CodeList list) {
        return new Field(name, FieldKind.CODE, list, false);
    }

    public static Field date(String name) {
        return of(name, FieldKind.DATE);
    }

    /** A date something happened on, so not in the future (a decision date). */
    public static Field pastDate(String name) {
        return of(name, FieldKind.PAST_DATE);
    }

    public static Field optionalDate(String name) {
        return date(name).emptyAllowed();
    }

    /** A field of {@code kind} that takes any value of it, from no code list. */
    public static Field of(String name, FieldKind kind) {
        return new Field(name, kind, null, false);
    }

    /** This field, which may also be left empty. */
    Field emptyAllowed() {
        return new Field(name, kind, codeList, true);
    }
}
