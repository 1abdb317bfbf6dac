package nl.regiomonitor.disclosure;

import java.util.Arrays;

/** Which cells of a {@link CountTable} are shown, hidden by the primary rule ({@code <5}) or hidden to protect them ({@code x}). */
public final class ProtectionPattern {

    public enum Mark {
        SHOWN,
        PRIMARY,
        SECONDARY
    }

    private final CountTable table;
    private final Mark[] marks;
    private final int threshold;
    private final LinkedCube cube;

    ProtectionPattern(CountTable table, Mark[] marks, int threshold) {
        this(table, marks, threshold, null);
    }

    /** @param cube the table's structure when it is a {@link LinkedCube}, which lets the audit prove most cells safe by moves */
    ProtectionPattern(CountTable table, Mark[] marks, int threshold, LinkedCube cube) {
        this.table = table;
        this.marks = marks.clone();
        this.threshold = threshold;
        this.cube = cube;
    }

    /** The table's cube, or null for a table without one. */
    LinkedCube cube() {
        return cube;
    }

    /** The smallest count shown: {@code <threshold} is what a primary cell says. */
    public int threshold() {
        return threshold;
    }

    public Mark mark(String key) {
        return marks[table.indexOf(key)];
    }

    public Mark mark(int cell) {
        return marks[cell];
    }

    public boolean hidden(int cell) {
        return marks[cell] != Mark.SHOWN;
    }

    public CountTable table() {
        return table;
    }

    /** Every cell's mark, in the table's order. */
    Mark[] marks() {
        return marks.clone();
    }

    public long count(Mark mark) {
        return Arrays.stream(marks).filter(m -> m == mark).count();
    }
}
