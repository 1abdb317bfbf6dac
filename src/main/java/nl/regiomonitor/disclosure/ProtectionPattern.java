package nl.regiomonitor.disclosure;

import java.util.Arrays;

/** Which cells of a {@link CountTable} are shown, hidden by the primary rule ({@code <5}) or hidden to protect them ({@code x}). */
public final class ProtectionPattern {

    public enum Mark {
        SHOWN, PRIMARY, SECONDARY
    }

    private final CountTable table;
    private final Mark[] marks;

    ProtectionPattern(CountTable table, Mark[] marks) {
        this.table = table;
        this.marks = marks.clone();
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

    public long count(Mark mark) {
        return Arrays.stream(marks).filter(m -> m == mark).count();
    }
}
