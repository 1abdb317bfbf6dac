package nl.regiomonitor.ingest.synthetic;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Settings of one generator run.
 *
 * @param seed  seed of the single random generator; the same settings give byte-identical files
 * @param from  first month that is written (the simulation itself always starts at the model's own start)
 * @param to    last month that is written
 * @param scale multiplies all volumes (1.0 ≈ the national Wlz-ggz size; a benchmark uses 40)
 */
public record GeneratorSettings(long seed, YearMonth from, YearMonth to, double scale) {

    /** The simulation of GGZ-B starts here; earlier months cannot be written. */
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(2015, 1);
    /** Upper bound for {@code to}, keeps dates sensible. */
    public static final YearMonth LATEST_MONTH = YearMonth.of(2099, 12);

    public static final double MAX_SCALE = 1000.0;

    public GeneratorSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isBefore(EARLIEST_MONTH)) {
            throw new IllegalArgumentException("De beginmaand " + from + " ligt vóór " + EARLIEST_MONTH
                    + "; het model begint in " + EARLIEST_MONTH + ".");
        }
        if (to.isAfter(LATEST_MONTH)) {
            throw new IllegalArgumentException("De eindmaand " + to + " ligt na " + LATEST_MONTH + ".");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("De eindmaand " + to + " ligt vóór de beginmaand " + from + ".");
        }
        if (!(scale > 0) || Double.isInfinite(scale) || scale > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "De schaal moet groter dan 0 en hoogstens " + (int) MAX_SCALE + " zijn (gekregen: " + scale + ").");
        }
    }

    /** The defaults of the {@code generate} command: seed 42, 2021-01 to 2024-12, scale 1. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(42L, YearMonth.of(2021, 1), YearMonth.of(2024, 12), 1.0);
    }
}
