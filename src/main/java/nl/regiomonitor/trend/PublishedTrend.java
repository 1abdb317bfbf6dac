package nl.regiomonitor.trend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.regiomonitor.indicator.Cell;

/**
 * A judgement as it may be published: the verdict is made on the true counts, but a month the
 * influx table hides is shown without its value, interval or signal, and the level of a phase
 * (its centre line and limits, and the level in the sentence) is shown only when every month of
 * that phase is shown. A level is the phase's mean, so with a hidden month in the phase it would
 * give back the sum of the hidden months, and with one hidden month that month itself.
 */
public record PublishedTrend(TrendResult result, List<Cell> counts, int threshold) {

    /**
     * @param counts each month's count as published
     * @param threshold the smallest count shown: a hidden month may be anything from 0 up to it
     */
    public PublishedTrend {
        if (counts.size() != result.points().size()) {
            throw new IllegalArgumentException("Een cel per maand nodig");
        }
        counts = List.copyOf(counts);
    }

    /** Every count shown: for people with the right to see unprotected figures, not for publication. */
    public static PublishedTrend unprotected(TrendResult result) {
        return new PublishedTrend(result, result.points().stream().map(p -> Cell.ofCount(p.count())).toList(), 0);
    }

    @Schema(description = "Een maand van de reeks zoals gepubliceerd: het aantal als cel ('<5' of 'x' zonder waarde als het "
            + "verborgen is), met interval en signaal alleen als het aantal getoond wordt, en middellijn en grenzen alleen "
            + "als geen maand van de fase verborgen is (die zouden het anders verraden)")
    public record Point(@Schema(description = "Maand, jjjj-mm") YearMonth month, Cell clients,
                        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Ondergrens 95%-interval (Garwood); leeg als verborgen") Double ciLow,
                        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Bovengrens 95%-interval; leeg als verborgen") Double ciHigh,
                        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Buiten de grenzen of in een te lange reeks; leeg als verborgen") Boolean signal,
                        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Middellijn van de fase; leeg als niet te tonen") Double centre,
                        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Onderste controlegrens; leeg als niet te tonen") Double lcl,
                        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Bovenste controlegrens; leeg als niet te tonen") Double ucl) {
    }

    @Schema(description = "Een fase met één niveau; het niveau is leeg als een maand van de fase verborgen is")
    public record PhaseLevel(YearMonth from, YearMonth to, @JsonInclude(JsonInclude.Include.ALWAYS) Double centre, RunRules rules) {
    }

    public List<PhaseLevel> phases() {
        return result.phases().stream().map(p -> new PhaseLevel(p.from(), p.to(), hiddenIn(p) ? null : p.centre(), p.rules())).toList();
    }

    private boolean hiddenIn(Phase phase) {
        for (int j = 0; j < counts.size(); j++) {
            YearMonth month = result.points().get(j).month();
            if (hidden(j) && !month.isBefore(phase.from()) && !month.isAfter(phase.to())) {
                return true;
            }
        }
        return false;
    }

    /** Whether month {@code i}'s count is hidden. */
    public boolean hidden(int i) {
        return counts.get(i).suppressed();
    }

    /** Whether the level of month {@code i}'s phase may be shown: no month of that phase is hidden. */
    public boolean levelShown(int i) {
        YearMonth month = result.points().get(i).month();
        return result.phases().stream().filter(p -> !month.isBefore(p.from()) && !month.isAfter(p.to()))
                .noneMatch(this::hiddenIn);
    }

    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            TrendPoint p = result.points().get(i);
            boolean shown = !hidden(i);
            boolean level = levelShown(i);
            points.add(new Point(p.month(), counts.get(i), shown ? p.ciLow() : null, shown ? p.ciHigh() : null,
                    shown ? p.signal() : null, level ? p.centre() : null, level ? p.lcl() : null, level ? p.ucl() : null));
        }
        return points;
    }

    /** The stable level per month, when there is one and it may be shown. */
    public Double stableLevel() {
        return result.stableLevel() != null && lastLevelShown() ? result.stableLevel() : null;
    }

    public String sentence() {
        return result.sentence(lastLevelShown());
    }

    private boolean lastLevelShown() {
        return counts.isEmpty() || levelShown(counts.size() - 1);
    }
}
