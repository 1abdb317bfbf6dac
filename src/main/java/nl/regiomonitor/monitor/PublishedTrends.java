package nl.regiomonitor.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Category;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.publication.PublishedStatistics;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.trend.RunRules;
import nl.regiomonitor.trend.TrendWindow;
import nl.regiomonitor.trend.Verdict;

/**
 * The published trend of every series (each region and NL, in total and per GGZ-W profile) over
 * every window the product offers, stored with the publication that holds the cells it is worked
 * out from.
 */
@Component
class PublishedTrends implements PublishedStatistics {

    /** What a stored judgement holds: what the API and the page show of it. */
    record Stored(
            YearMonth from,
            YearMonth to,
            Verdict verdict,
            YearMonth since,
            Boolean laney,
            Double stableLevel,
            String sentence,
            RunRules rules,
            List<PublishedTrend.PhaseLevel> phases,
            List<PublishedTrend.Point> points) {}

    private final InfluxTrend trend;
    private final InfluxFigures influx;
    private final RegionService regions;
    private final ObjectMapper json;

    PublishedTrends(InfluxTrend trend, InfluxFigures influx, RegionService regions, ObjectMapper json) {
        this.trend = trend;
        this.influx = influx;
        this.regions = regions;
        this.json = json;
    }

    @Override
    public Map<String, String> statistics() {
        Map<String, String> statistics = new LinkedHashMap<>();
        List<TrendWindow> windows = trend.windows();
        if (windows.isEmpty()) {
            return statistics;
        }
        List<String> scopes =
                new ArrayList<>(regions.regions().stream().map(r -> r.code()).toList());
        scopes.add(Area.NATIONAL_CODE);
        TrendWindow whole = windows.get(0);
        List<String> series = new ArrayList<>();
        series.add(null);
        influx.influx(Area.NATIONAL_CODE, whole.to(), whole.to(), Breakdown.PROFILE).categories().stream()
                .map(Category::code)
                .forEach(series::add);
        for (String scope : scopes) {
            Map<String, List<PublishedTrend>> trends = trend.published(scope, windows, series);
            for (String profile : series) {
                List<PublishedTrend> perWindow = trends.get(profile);
                for (int w = 0; w < windows.size(); w++) {
                    TrendWindow window = windows.get(w);
                    PublishedTrend t = perWindow.get(w);
                    statistics.put(
                            "trend " + scope + (profile == null ? "" : " " + profile) + " " + window.key(),
                            write(new Stored(
                                    window.from(),
                                    window.to(),
                                    t.verdict(),
                                    t.since(),
                                    t.laney(),
                                    t.stableLevel(),
                                    t.sentence(),
                                    t.rules(),
                                    t.phases(),
                                    t.points())));
                }
            }
        }
        return statistics;
    }

    private String write(Stored stored) {
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Trend not writable", e);
        }
    }
}
