package nl.regiomonitor.indicator;

import java.text.NumberFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.disclosure.ProtectionPattern;

/**
 * One published number: its value and how it is shown in Dutch. A count of 1 to 4 clients is
 * published as {@code <5} without its value (the primary rule); a count hidden so that a {@code <5}
 * cannot be worked back from totals is published as {@code x} (secondary suppression).
 */
@Schema(
        description = "Een gepubliceerd getal: waarde en weergave; 1 tot 4 cliënten wordt '<5' zonder waarde, "
                + "een getal dat verborgen is om zo'n cel te beschermen 'x'")
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Cell(
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "De waarde; leeg als die niet wordt getoond")
        Long value,

        @Schema(description = "Waar: niet getoond om cliënten te beschermen")
        boolean suppressed,

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Weergave in het Nederlands, bijvoorbeeld 1.234 of <5")
        String display) {

    /** A count of clients as its table's protection pattern publishes it; {@code threshold} is the smallest count shown. */
    public static Cell ofClients(long count, ProtectionPattern.Mark mark, int threshold) {
        return switch (mark) {
            case SHOWN -> ofCount(count);
            case PRIMARY -> hidden("<" + threshold);
            case SECONDARY -> hidden("x");
        };
    }

    /**
     * A sum of published cells (several regions together): shown only when every part is, since a
     * sum with a hidden part gives that part back; hidden it is an {@code x}, as its size would tell
     * something about the hidden parts. A sum of one cell is that cell, with its own label.
     */
    public static Cell ofSum(long sum, List<Cell> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return parts.stream().anyMatch(Cell::suppressed) ? hidden("x") : ofCount(sum);
    }

    /** A figure that is not a count of clients, such as an amount or a change, as text. */
    public static Cell ofText(String display) {
        return withoutValue(false, display);
    }

    /** A count not shown, to protect clients: only its mark. */
    private static Cell hidden(String mark) {
        return withoutValue(true, mark);
    }

    private static Cell withoutValue(boolean suppressed, String display) {
        return new Cell(null, suppressed, display);
    }

    /** A count shown as it is: not a count of clients, or one in the unprotected view. */
    public static Cell ofCount(long count) {
        return new Cell(
                count, false, NumberFormat.getIntegerInstance(Dutch.LOCALE).format(count));
    }
}
