package nl.regiomonitor.trend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.InfluxFigures;
import org.springframework.stereotype.Service;

/** The judgement of a region's or the country's monthly GGZ-W influx, with the national aim for NL. */
@Service
public class InfluxTrend {

    /** The national aim: at most 100 new GGZ-W clients a month (SPEC.md §1). */
    public static final double NATIONAL_TARGET = 100;

    private final InfluxFigures influx;

    public InfluxTrend(InfluxFigures influx) {
        this.influx = influx;
    }

    /** The judgement is made on the true counts: the statistics need them. What is shown of them is {@link #published}'s care. */
    public TrendResult analyse(String region, YearMonth from, YearMonth to, String profile) {
        List<MonthlyCount> series = influx.monthly(region, from, to, profile).entrySet().stream()
                .map(e -> MonthlyCount.of(e.getKey(), e.getValue())).toList();
        return TrendAnalysis.analyse(series);
    }

    /** The judgement as every published output shows it: the counts are the influx table's cells, with its protection. */
    public PublishedTrend published(String region, YearMonth from, YearMonth to, String profile) {
        return new PublishedTrend(analyse(region, from, to, profile), List.copyOf(influx.monthlyCells(region, from, to, profile).values()),
                influx.threshold());
    }

    /**
     * The influx of several regions together (a joint plan), in total ({@code category} null) or of one
     * category of {@code by}, judged on the true counts; a month is published as {@link Cell#ofSum}.
     */
    public PublishedTrend joint(List<String> regions, YearMonth from, YearMonth to, Breakdown by, String category) {
        Map<YearMonth, Long> sums = new TreeMap<>();
        Map<YearMonth, List<Cell>> parts = new TreeMap<>();
        for (String region : regions) {
            for (InfluxFigures.MonthRow row : influx.influx(region, from, to, by).rows()) {
                sums.merge(row.month(), category == null ? row.total() : row.counts().get(category), Long::sum);
                parts.computeIfAbsent(row.month(), m -> new ArrayList<>()).add(category == null ? row.totalCell() : row.cell(category));
            }
        }
        List<Cell> cells = new ArrayList<>();
        sums.forEach((month, sum) -> cells.add(Cell.ofSum(sum, parts.get(month))));
        TrendResult result = TrendAnalysis.analyse(sums.entrySet().stream().map(e -> MonthlyCount.of(e.getKey(), e.getValue())).toList());
        return new PublishedTrend(result, cells, influx.threshold());
    }

    /** The aim to hold a series against: only the national total has one. */
    public static Double targetFor(String region, String profile) {
        return "NL".equals(region) && profile == null ? NATIONAL_TARGET : null;
    }
}
