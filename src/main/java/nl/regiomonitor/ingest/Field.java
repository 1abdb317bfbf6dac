package nl.regiomonitor.ingest;

import nl.regiomonitor.region.CodeList;

/**
 * A column of an import format: its name in the header and the kind of value it holds.
 * A field of kind {@link FieldKind#CODE} names the {@link CodeList} its values must come from.
 */
public record Field(String name, FieldKind kind, CodeList codeList, boolean optional) {

    public static Field text(String name) {
        return new Field(name, FieldKind.TEXT, null, false);
    }

    public static Field code(String name, CodeList list) {
        return new Field(name, FieldKind.CODE, list, false);
    }

    public static Field date(String name) {
        return new Field(name, FieldKind.DATE, null, false);
    }

    /** A date something happened on, so not in the future (a decision date). */
    public static Field pastDate(String name) {
        return new Field(name, FieldKind.PAST_DATE, null, false);
    }

    public static Field optionalDate(String name) {
        return new Field(name, FieldKind.DATE, null, true);
    }

    public static Field of(String name, FieldKind kind) {
        return new Field(name, kind, null, false);
    }
}
