package nl.regiomonitor.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.indicator.InfluxPeriod;
import nl.regiomonitor.indicator.InvalidFigureRequest;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.trend.MonthlyCount;
import nl.regiomonitor.trend.TrendWindow;

/**
 * The judgement of a region's or the country's monthly GGZ-W influx, with the national aim for NL. Published, it is
 * worked out on the influx table's cells over the product's own {@link TrendWindow}s; on the true counts only for
 * people with the right to see unprotected figures.
 */
@Service
public class InfluxTrend {

    /** The national aim: at most 100 new GGZ-W clients a month (SPEC.md §1). */
    public static final double NATIONAL_TARGET = 100;

    private final InfluxFigures influx;

    public InfluxTrend(InfluxFigures influx) {
        this.influx = influx;
    }

    /** The last month with data, or null without data: no series goes past it. */
    public YearMonth lastMonth() {
        return influx.lastMonth();
    }

    /** The first month with data, or null without data: no series starts before it. */
    public YearMonth firstMonth() {
        return influx.firstMonth();
    }

    /** The windows the trend is published for: the whole series first, then every year with data, latest first. */
    public List<TrendWindow> windows() {
        YearMonth first = influx.firstMonth();
        YearMonth last = influx.lastMonth();
        if (last == null) {
            return List.of();
        }
        List<TrendWindow> windows = new ArrayList<>();
        windows.add(TrendWindow.whole(first, last));
        for (int year = last.getYear(); year >= first.getYear(); year--) {
            windows.add(TrendWindow.year(year, first, last));
        }
        return windows;
    }

    /** The window with {@code key}, if it is one. */
    public Optional<TrendWindow> window(String key) {
        return windows().stream().filter(w -> w.key().equals(key)).findFirst();
    }

    /**
     * The window nearest to a period asked, after cutting that period to the data (a month without data is
     * no month of a series): the least months between the first months plus between the last months, on a tie
     * the later window. Empty when the period holds no month with data.
     */
    public Optional<TrendWindow> nearest(YearMonth from, YearMonth to) {
        List<TrendWindow> windows = windows();
        if (windows.isEmpty()
                || to.isBefore(windows.get(0).from())
                || from.isAfter(windows.get(0).to())) {
            return Optional.empty();
        }
        YearMonth askedFrom = TrendWindow.max(from, windows.get(0).from());
        YearMonth askedTo = TrendWindow.min(to, windows.get(0).to());
        return windows.stream()
                .min(Comparator.comparingLong((TrendWindow w) -> w.distance(askedFrom, askedTo))
                        .thenComparing(TrendWindow::to, Comparator.reverseOrder()));
    }

    /**
     * The window a question is answered for.
     *
     * @param snapped whether another period was asked than the window's
     * @param note for people, why the period answered differs from the one asked; null when it does not
     */
    public record WindowChoice(TrendWindow window, boolean snapped, String note) {

        /** The window as asked, with nothing to note. */
        static WindowChoice exact(TrendWindow window) {
            return new WindowChoice(window, false, null);
        }
    }

    /**
     * The window for a question: the window with {@code key}; else, when {@code from} or {@code to} is given, the
     * window nearest to that period (the missing end taken from the data); else the whole series.
     *
     * @throws InvalidFigureRequest in Dutch, for an unknown key or a period without data
     */
    public WindowChoice choose(String key, YearMonth from, YearMonth to) {
        List<TrendWindow> windows = windows();
        if (windows.isEmpty()) {
            throw new InvalidFigureRequest("Er zijn nog geen cijfers over de instroom.");
        }
        TrendWindow whole = windows.get(0);
        if (key != null && !key.isBlank()) {
            return window(key.strip())
                    .map(WindowChoice::exact)
                    .orElseThrow(() -> new InvalidFigureRequest("Onbekende periode '" + key.strip() + "'. Kies uit: "
                            + String.join(
                                    ", ", windows.stream().map(TrendWindow::key).toList()) + "."));
        }
        if (from == null && to == null) {
            return WindowChoice.exact(whole);
        }
        YearMonth askedFrom = from == null ? whole.from() : from;
        YearMonth askedTo = to == null ? whole.to() : to;
        if (askedFrom.isAfter(askedTo)) {
            throw new InvalidFigureRequest("De eerste maand ligt na de laatste.");
        }
        TrendWindow nearest = nearest(askedFrom, askedTo)
                .orElseThrow(() -> new InvalidFigureRequest("Er zijn geen cijfers over " + TrendWindow.month(askedFrom)
                        + " t/m " + TrendWindow.month(askedTo) + ": de cijfers lopen van "
                        + TrendWindow.month(whole.from()) + " t/m " + TrendWindow.month(whole.to()) + "."));
        if (nearest.from().equals(askedFrom) && nearest.to().equals(askedTo)) {
            return WindowChoice.exact(nearest);
        }
        return new WindowChoice(
                nearest,
                true,
                "Het oordeel wordt alleen over vaste perioden gepubliceerd: de hele reeks of een "
                        + "kalenderjaar, tot en met de laatste maand met gegevens (" + TrendWindow.month(whole.to())
                        + "). Gevraagd was "
                        + TrendWindow.month(askedFrom) + " t/m " + TrendWindow.month(askedTo)
                        + "; dit is de dichtstbijzijnde vaste periode: "
                        + nearest.label() + ".");
    }

    /** The judgement as every published output shows it: on the influx table's cells only. */
    public PublishedTrend published(String region, TrendWindow window, String profile) {
        return published(region, window.from(), window.to(), profile);
    }

    /** The published judgement of any period, cut off at the last month with data (see {@link PublishedTrend}). */
    public PublishedTrend published(String region, YearMonth from, YearMonth to, String profile) {
        Map<YearMonth, Cell> cells = influx.monthlyCells(region, from, untilData(from, to), profile);
        return PublishedTrend.of(List.copyOf(cells.keySet()), List.copyOf(cells.values()), influx.threshold());
    }

    /**
     * {@link #published(String, TrendWindow, String)} of every window for every series of one region ({@code null}:
     * the total), per series in the order of {@code windows}: the months of a series are the same cells whatever
     * window holds them, so its cells are read once over all windows and each window takes its months.
     */
    public Map<String, List<PublishedTrend>> published(
            String region, List<TrendWindow> windows, List<String> profiles) {
        Map<String, List<PublishedTrend>> trends = new LinkedHashMap<>();
        if (windows.isEmpty()) {
            profiles.forEach(profile -> trends.put(profile, List.of()));
            return trends;
        }
        YearMonth from = windows.stream()
                .map(TrendWindow::from)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        YearMonth to = windows.stream()
                .map(w -> untilData(w.from(), w.to()))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        influx.monthlyCellsOf(region, from, to, profiles).forEach((profile, cells) -> {
            List<PublishedTrend> perWindow = new ArrayList<>();
            for (TrendWindow window : windows) {
                YearMonth last = untilData(window.from(), window.to());
                List<YearMonth> months = new ArrayList<>();
                List<Cell> shown = new ArrayList<>();
                cells.forEach((month, cell) -> {
                    if (!month.isBefore(window.from()) && !month.isAfter(last)) {
                        months.add(month);
                        shown.add(cell);
                    }
                });
                perWindow.add(PublishedTrend.of(months, shown, influx.threshold()));
            }
            trends.put(profile, perWindow);
        });
        return trends;
    }

    /**
     * The published judgement of {@code period}s (a month, quarter or year) within the window: a point per
     * whole period, its cell as the influx table publishes it. A rolling year gets no judgement: two
     * successive rolling years share eleven months, so their points are not independent as the run rules need.
     */
    public PublishedTrend published(String region, TrendWindow window, String profile, Period period) {
        return published(region, window.from(), window.to(), profile, period);
    }

    /** The same over {@code from}..{@code to}, cut off at the last month with data. */
    public PublishedTrend published(String region, YearMonth from, YearMonth to, String profile, Period period) {
        if (period == Period.MONTH) {
            return published(region, from, to, profile);
        }
        if (period == Period.ROLLING12) {
            throw new InvalidFigureRequest(
                    "Over een voortschrijdend jaar wordt geen oordeel gegeven: twee opeenvolgende punten delen "
                            + "elf maanden. Kies month, quarter of year.");
        }
        List<YearMonth> months = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (InfluxFigures.MonthRow row : influx.influx(
                        region, from, untilData(from, to), profile == null ? Breakdown.NONE : Breakdown.PROFILE, period)
                .rows()) {
            months.add(row.month());
            cells.add(profile == null ? row.totalCell() : row.cell(profile));
        }
        PublishedTrend trend = PublishedTrend.of(months, cells, influx.threshold());
        return period == Period.QUARTER ? trend.per("kwartaal", "kwartalen") : trend.per("jaar", "jaren");
    }

    /** The judgement on the true counts, for people with the right to see unprotected figures. */
    public PublishedTrend unprotected(String region, TrendWindow window, String profile) {
        List<MonthlyCount> series = influx.monthly(region, window.from(), window.to(), profile).entrySet().stream()
                .map(e -> MonthlyCount.of(e.getKey(), e.getValue()))
                .toList();
        return PublishedTrend.unprotected(series);
    }

    /**
     * The influx of several regions together (a joint plan), in total ({@code category} null) or of one
     * category of {@code by}: a month is published as {@link Cell#ofSum}, and judged as published.
     */
    public PublishedTrend joint(List<String> regions, YearMonth from, YearMonth to, Breakdown by, String category) {
        Map<YearMonth, Long> sums = new TreeMap<>();
        Map<YearMonth, List<Cell>> parts = new TreeMap<>();
        for (String region : regions) {
            for (InfluxFigures.MonthRow row :
                    influx.influx(region, from, untilData(from, to), by).rows()) {
                sums.merge(
                        row.month(),
                        category == null ? row.total() : row.counts().get(category),
                        Long::sum);
                parts.computeIfAbsent(row.month(), m -> new ArrayList<>())
                        .add(category == null ? row.totalCell() : row.cell(category));
            }
        }
        List<Cell> cells = new ArrayList<>();
        sums.forEach((month, sum) -> cells.add(Cell.ofSum(sum, parts.get(month))));
        return PublishedTrend.of(List.copyOf(sums.keySet()), cells, influx.threshold());
    }

    /**
     * What the Instroommonitor opens with for {@code region} (or NL), in short: the published verdict over the whole
     * series at the period it shows first ({@link InfluxFigures#bestView}), and the latest point. Null without data.
     * Worked out on the in-memory published cells, as the monitor itself, so a busy page may ask it on every request.
     */
    public InfluxHeadline headline(String region) {
        List<TrendWindow> windows = windows();
        if (windows.isEmpty()) {
            return null;
        }
        TrendWindow whole = windows.get(0);
        Period period = influx.bestView(region, whole.from(), whole.to()).period();
        PublishedTrend trend = published(region, whole, null, period);
        List<PublishedTrend.Point> points = trend.points();
        PublishedTrend.Point latest = points.isEmpty() ? null : points.get(points.size() - 1);
        return new InfluxHeadline(
                region,
                period,
                trend.verdict(),
                trend.sentence(),
                latest == null ? null : InfluxPeriod.of(period, latest.month()).label(),
                latest == null ? null : latest.clients(),
                targetPer(region, period));
    }

    /** {@code to}, or the last month with data when that comes earlier (but never before {@code from}). */
    private YearMonth untilData(YearMonth from, YearMonth to) {
        YearMonth last = influx.lastMonth();
        return last == null || !last.isBefore(to) ? to : TrendWindow.max(from, last);
    }

    /** The aim to hold a series against: only the national total has one. */
    public static Double targetFor(String region, String profile) {
        return Area.isNational(region) && profile == null ? NATIONAL_TARGET : null;
    }

    /** The aim per point of a series of the national total by {@code period}: the monthly aim three or twelve times over. */
    public static Double targetPer(String region, Period period) {
        Double monthly = targetFor(region, null);
        return monthly == null ? null : monthly * (period == Period.YEAR ? 12 : period == Period.QUARTER ? 3 : 1);
    }
}
