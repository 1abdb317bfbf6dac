package nl.regiomonitor.trend;

import java.time.YearMonth;
import java.util.List;

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

    /** The aim to hold a series against: only the national total has one. */
    public static Double targetFor(String region, String profile) {
        return "NL".equals(region) && profile == null ? NATIONAL_TARGET : null;
    }
}
