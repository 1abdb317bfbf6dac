package nl.regiomonitor.indicator;

import java.util.List;
import java.util.Map;

/**
 * A figure shown large, as on a tile: never an {@code x}. The cell asked for when it is shown; else
 * the first of the nearest aggregates whose parts are all shown and not all 0, summed (a sum of
 * published cells tells nothing the tables do not), with what it counts; else nothing to show.
 *
 * @param cell the figure, or null when neither it nor an aggregate can be shown
 * @param scope what an aggregate counts, such as "GGZ-W"; null for the figure as asked
 */
public record Headline(Cell cell, String scope) {

    /** {@code asked} when shown, else the first of {@code aggregates} (by what it counts, in order) with every part shown. */
    public static Headline of(Cell asked, Map<String, List<Cell>> aggregates) {
        if (!asked.suppressed()) {
            return new Headline(asked, null);
        }
        for (Map.Entry<String, List<Cell>> aggregate : aggregates.entrySet()) {
            List<Cell> parts = aggregate.getValue();
            long sum = parts.stream()
                    .mapToLong(c -> c.suppressed() ? 0 : c.value())
                    .sum();
            // a part of 0 says nothing in place of a hidden figure, which is at least 1
            if (!parts.isEmpty() && parts.stream().noneMatch(Cell::suppressed) && sum > 0) {
                return new Headline(Cell.ofCount(sum), aggregate.getKey());
            }
        }
        return new Headline(null, null);
    }

    public boolean shown() {
        return cell != null;
    }

    /** As a tile shows it: the number, or a dash. */
    public String display() {
        return cell == null ? "–" : cell.display();
    }
}
