package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.publication.DataThrough;
import nl.regiomonitor.region.ReferenceData;

/**
 * Influx into the GGZ-W profiles: a client counts once, in the month in which the first GGZ-W
 * indication they ever had starts ({@code valid_from}), for the region, profile and origin of
 * that indication and the age band of their age in that year. A change of profile is not influx.
 */
@Service
public class InfluxFigures implements DataThrough {

    /** The series whose influx the regions must bring down (SPEC.md §1). */
    public static final String SERIES = "GGZ-W";

    static final String UNKNOWN = "ONBEKEND";
    /** The age band of young adults, a focus of the national template. */
    public static final String YOUNG_ADULTS = "18-26";

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final IndicationSnapshot snapshot;
    private final InfluxProtection protection;
    private final ReferenceData reference;

    InfluxFigures(
            JdbcTemplate jdbc,
            FigureScope scope,
            IndicationSnapshot snapshot,
            InfluxProtection protection,
            DataVersion data,
            ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
        this.scope = scope;
        this.snapshot = snapshot;
        this.protection = protection;
        this.bestViews = new DataCache<>(data, q -> bestViewNow(q.region(), q.from(), q.to()));
    }

    /** The place and span a best view is asked for. */
    private record Span(String region, YearMonth from, YearMonth to) {}

    /** Best views of the pages' own spans (from January or the first month, to December or the last), per state of the data. */
    private final DataCache<Span, BestView> bestViews;

    /**
     * One period of the table (a month unless asked otherwise): the count per category and in total,
     * and how each is published.
     */
    public record MonthRow(
            InfluxPeriod period,
            Map<String, Long> counts,
            long total,
            Map<String, ProtectionPattern.Mark> marks,
            ProtectionPattern.Mark totalMark,
            int threshold) {

        /** The last month of the period: the month itself for a monthly table. */
        public YearMonth month() {
            return period.last();
        }

        /** The published cell of one category. */
        public Cell cell(String category) {
            return Cell.ofClients(counts.get(category), marks.get(category), threshold);
        }

        /** The published cell of the period's total. */
        public Cell totalCell() {
            return Cell.ofClients(total, totalMark, threshold);
        }
    }

    /** Influx per period, every period of the span present (also periods without influx). */
    public record InfluxTable(
            String region,
            YearMonth from,
            YearMonth to,
            Breakdown by,
            Period period,
            List<Category> categories,
            List<MonthRow> rows) {}

    public InfluxTable influx(String region, YearMonth from, YearMonth to, Breakdown by) {
        return influx(region, from, to, by, Period.MONTH);
    }

    /**
     * Influx per {@code period} within {@code from}..{@code to}: the whole quarters or years in that
     * span that are complete in the data, or the rolling year up to each month. A month, quarter or
     * year is published as its protected table says; a rolling year is the sum of cells published
     * there (see {@link #rolling}), so it is shown only when such cells make it up.
     */
    public InfluxTable influx(String region, YearMonth from, YearMonth to, Breakdown by, Period period) {
        scope.check(region, from, to);
        List<InfluxPeriod> periods = InfluxPeriod.within(period, from, to).stream()
                .filter(p -> period == Period.ROLLING12 || protection.published(p))
                .toList();
        YearMonth start = period == Period.ROLLING12 ? from.minusMonths(11) : from;
        List<Category> categories = new ArrayList<>(categories(by));
        // per month from start, by its distance from start: a map keyed by YearMonth put the twelve months of a
        // year in one bucket of its table (their hashes differ only in bits the table does not use)
        List<Map<String, Long>> counts = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<String, Long> zero = new LinkedHashMap<>();
            categories.forEach(c -> zero.put(c.code(), 0L));
            counts.add(zero);
        }
        for (IndicationSnapshot.InfluxLine line :
                scope.national(region) ? snapshot.influx() : snapshot.influx(region)) {
            long at = start.until(line.month(), ChronoUnit.MONTHS);
            if (at >= 0 && at < counts.size()) {
                Map<String, Long> row = counts.get((int) at);
                String category = categoryOf(line, by);
                if (!row.containsKey(category)) {
                    // a code outside the reference list, such as an age under 18: shown, not lost
                    categories.add(new Category(category, "Onbekend"));
                    counts.forEach(r -> r.putIfAbsent(category, 0L));
                }
                row.merge(category, line.clients(), Long::sum);
            }
        }
        List<MonthRow> rows = periods.stream()
                .map(p -> {
                    Map<String, Long> sums = new LinkedHashMap<>();
                    categories.forEach(c -> sums.put(
                            c.code(),
                            p.months().stream()
                                    .mapToLong(m -> counts.get((int) start.until(m, ChronoUnit.MONTHS))
                                            .get(c.code()))
                                    .sum()));
                    ProtectionPattern.Mark totalMark = mark(p, region, Breakdown.NONE, null);
                    Map<String, ProtectionPattern.Mark> marks = new LinkedHashMap<>();
                    sums.keySet().forEach(c -> marks.put(c, by == Breakdown.NONE ? totalMark : mark(p, region, by, c)));
                    return new MonthRow(
                            p,
                            sums,
                            sums.values().stream().mapToLong(Long::longValue).sum(),
                            marks,
                            totalMark,
                            protection.threshold());
                })
                .toList();
        return new InfluxTable(region, from, to, by, period, categories, rows);
    }

    private ProtectionPattern.Mark mark(InfluxPeriod period, String region, Breakdown by, String category) {
        return period.kind() == Period.ROLLING12
                ? rolling(period, region, by, category)
                : protection.mark(period, region, by, category);
    }

    /**
     * A rolling year is shown when shown months, quarters and years of the protected tables add up to
     * it (a function of published cells tells nothing new); otherwise it is an {@code x}, as a sum
     * with a hidden part. Whether it is shown depends on the marks only, never on a hidden count.
     */
    private ProtectionPattern.Mark rolling(InfluxPeriod period, String region, Breakdown by, String category) {
        List<YearMonth> months = period.months();
        // covered[i]: the first i months of the window are a sum of shown cells
        boolean[] covered = new boolean[months.size() + 1];
        covered[0] = true;
        for (int i = 0; i < months.size(); i++) {
            if (!covered[i]) {
                continue;
            }
            YearMonth m = months.get(i);
            for (InfluxPeriod piece :
                    List.of(InfluxPeriod.month(m), InfluxPeriod.quarter(m), InfluxPeriod.year(m.getYear()))) {
                int end = i + piece.months().size();
                if (piece.first().equals(m)
                        && end <= months.size()
                        && protection.published(piece)
                        && protection.mark(piece, region, by, category) == ProtectionPattern.Mark.SHOWN) {
                    covered[end] = true;
                }
            }
        }
        return covered[months.size()] ? ProtectionPattern.Mark.SHOWN : ProtectionPattern.Mark.SECONDARY;
    }

    /**
     * The period a page about {@code region} opens on: the finest of month, quarter and year in which at
     * least half of the influx cells by profile (each profile and the total, in every whole period of
     * {@code from}..{@code to}) that are not a shown 0 are shown as a number; the year when none is.
     * Decided on published cells only.
     *
     * @param reason why a coarser period than the month, in a sentence; null for the month
     */
    public record BestView(Period period, String reason) {}

    public BestView bestView(String region, YearMonth from, YearMonth to) {
        // the Instroommonitor's windows are remembered; any other span is worked out (so no question fills the memory)
        boolean window = (from.getMonthValue() == 1 || from.equals(firstMonth()))
                && (to.getMonthValue() == 12 || to.equals(lastMonth()));
        return window ? bestViews.get(new Span(region, from, to)) : bestViewNow(region, from, to);
    }

    private BestView bestViewNow(String region, YearMonth from, YearMonth to) {
        long[] monthly = shownAndHidden(region, from, to, Period.MONTH);
        if (monthly[0] >= monthly[1]) {
            return new BestView(Period.MONTH, null);
        }
        long[] quarterly = shownAndHidden(region, from, to, Period.QUARTER);
        boolean anyYear =
                !influx(region, from, to, Breakdown.NONE, Period.YEAR).rows().isEmpty();
        boolean anyQuarter = quarterly[0] + quarterly[1] > 0;
        // a span without a whole year (or quarter) keeps the finest period that has rows
        Period period = anyQuarter && (quarterly[0] >= quarterly[1] || !anyYear)
                ? Period.QUARTER
                : anyYear ? Period.YEAR : Period.MONTH;
        if (period == Period.MONTH) {
            return new BestView(Period.MONTH, null);
        }
        return new BestView(
                period,
                "Getoond " + period.dutch() + ", omdat per maand de meeste aantallen kleiner dan " + threshold()
                        + " zijn of verborgen om die te beschermen ("
                        + Math.round(100.0 * monthly[1] / (monthly[0] + monthly[1]))
                        + "% van de cellen die geen 0 zijn). Kies hieronder een andere indeling.");
    }

    /** Of the influx cells by profile and in total in every whole {@code period}: how many are shown and not 0, and how many hidden. */
    private long[] shownAndHidden(String region, YearMonth from, YearMonth to, Period period) {
        long[] counts = new long[2];
        for (MonthRow row : influx(region, from, to, Breakdown.PROFILE, period).rows()) {
            List<Cell> cells = new ArrayList<>();
            row.counts().keySet().forEach(c -> cells.add(row.cell(c)));
            cells.add(row.totalCell());
            for (Cell cell : cells) {
                counts[cell.suppressed() ? 1 : 0] += cell.suppressed() || cell.value() != 0 ? 1 : 0;
            }
        }
        return counts;
    }

    /** The smallest count of clients published; fewer are hidden. */
    public int threshold() {
        return protection.threshold();
    }

    /** The last month with any influx in the data, or null when there are no data. */
    @Override
    public YearMonth lastMonth() {
        return protection.lastMonth();
    }

    /** The first month with any influx in the data, or null when there are no data: where a series starts. */
    public YearMonth firstMonth() {
        return snapshot.firstMonth();
    }

    /** The last year whose reference date (1 October) lies within the data: the year pages and reports show first. */
    public int latestReferenceYear() {
        YearMonth last = lastMonth();
        if (last == null) {
            return LocalDate.now().getYear();
        }
        return last.getMonthValue() >= 10 ? last.getYear() : last.getYear() - 1;
    }

    /** The monthly influx of one region or NL, optionally of one profile only: the series the trend judges. */
    public Map<YearMonth, Long> monthly(String region, YearMonth from, YearMonth to, String profile) {
        Map<YearMonth, Long> series = new LinkedHashMap<>();
        series(region, from, to, profile)
                .forEach(r -> series.put(
                        r.month(), profile == null ? r.total() : r.counts().get(profile)));
        return series;
    }

    /** The same series as published: the cells of the influx table, protected as there. */
    public Map<YearMonth, Cell> monthlyCells(String region, YearMonth from, YearMonth to, String profile) {
        return monthlyCellsOf(region, from, to, Collections.singletonList(profile))
                .get(profile);
    }

    /**
     * {@link #monthlyCells} of several series of one region at once ({@code null}: the total), from one table per
     * breakdown instead of one per series: a build publishes the trend of every series of every region.
     */
    public Map<String, Map<YearMonth, Cell>> monthlyCellsOf(
            String region, YearMonth from, YearMonth to, List<String> profiles) {
        Map<String, Map<YearMonth, Cell>> series = new LinkedHashMap<>();
        List<MonthRow> total = null;
        List<MonthRow> byProfile = null;
        for (String profile : profiles) {
            List<MonthRow> rows;
            if (profile == null) {
                total = total == null ? series(region, from, to, null) : total;
                rows = total;
            } else {
                checkProfile(profile);
                byProfile = byProfile == null ? series(region, from, to, profile) : byProfile;
                rows = byProfile;
            }
            Map<YearMonth, Cell> cells = new LinkedHashMap<>();
            rows.forEach(r -> cells.put(r.month(), profile == null ? r.totalCell() : r.cell(profile)));
            series.put(profile, cells);
        }
        return series;
    }

    private void checkProfile(String profile) {
        if (profile != null && !scope.profiles(SERIES).contains(profile)) {
            throw new InvalidFigureRequest("Onbekend GGZ-W-profiel '" + profile + "'.");
        }
    }

    private List<MonthRow> series(String region, YearMonth from, YearMonth to, String profile) {
        checkProfile(profile);
        return influx(region, from, to, profile == null ? Breakdown.NONE : Breakdown.PROFILE)
                .rows();
    }

    static String categoryOf(IndicationSnapshot.InfluxLine line, Breakdown by) {
        return switch (by) {
            case NONE -> Category.TOTAL.code();
            case PROFILE -> line.profile();
            case ORIGIN -> line.origin();
            case AGEBAND -> line.ageBand();
        };
    }

    private List<Category> categories(Breakdown by) {
        return switch (by) {
            case NONE -> List.of(Category.TOTAL);
            case PROFILE ->
                reference.profiles(SERIES).stream()
                        .map(p -> new Category(p.code(), p.name()))
                        .toList();
            case ORIGIN ->
                reference.origins().stream()
                        .map(e -> new Category(e.code(), e.name()))
                        .toList();
            case AGEBAND ->
                reference.ageBands().stream()
                        .map(e -> new Category(e.code(), e.name()))
                        .toList();
        };
    }
}
