package nl.regiomonitor.disclosure;

/** How the pages name a hidden small count, from the threshold in force: {@code <5} for 1 to 4 clients at the default. */
public record SmallCells(int threshold) {

    /** What a hidden small cell shows, such as {@code <5}. */
    public String label() {
        return "<" + threshold;
    }

    /** The counts hidden as small, such as "1 tot 4". */
    public String range() {
        return threshold == 2 ? "1" : "1 tot " + (threshold - 1);
    }
}
