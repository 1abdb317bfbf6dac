package nl.regiomonitor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.trend.MonthlyCount;
import nl.regiomonitor.trend.TrendAnalysis;
import nl.regiomonitor.trend.TrendWindow;

/**
 * The replay audit over every published window of every region and NL on the demo data, for the total
 * influx and every GGZ-W profile: an outsider replaying the published trend for the candidate values of
 * the {@code <5} months pins none and narrows none to two values.
 */
class PublishedTrendAuditTest extends IntegrationTest {

    @Autowired
    InfluxTrend trend;

    @Autowired
    InfluxFigures influx;

    @Autowired
    RegionService regions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noHiddenMonthIsPinnedOrNarrowedByThePublishedTrend() {
        List<TrendWindow> windows = trend.windows();
        TrendWindow whole = windows.get(0);
        int threshold = influx.threshold();
        List<String> scopes =
                new ArrayList<>(regions.regions().stream().map(r -> r.code()).toList());
        scopes.add("NL");
        List<String> series = new ArrayList<>();
        series.add(null);
        series.addAll(jdbc.queryForList(
                "select code from care_profile where series = ? order by sort_order",
                String.class,
                InfluxFigures.SERIES));

        TrendReplayAudit.Report report = new TrendReplayAudit.Report(List.of());
        int judged = 0;
        long auditNanos = 0;
        int asTrueCounts = 0;
        for (String scope : scopes) {
            for (String profile : series) {
                List<YearMonth> months = new ArrayList<>(influx.monthlyCells(scope, whole.from(), whole.to(), profile)
                        .keySet());
                List<Long> counts = List.copyOf(
                        influx.monthly(scope, whole.from(), whole.to(), profile).values());
                List<Cell> cells = List.copyOf(influx.monthlyCells(scope, whole.from(), whole.to(), profile)
                        .values());
                long t0 = System.nanoTime();
                report = report.plus(TrendReplayAudit.audit(
                        months,
                        counts,
                        cells,
                        threshold,
                        windows,
                        (m, c, shown) -> TrendReplayAudit.published(PublishedTrend.of(m, shown, threshold))));
                auditNanos += System.nanoTime() - t0;
                // for the report: how often there is a verdict, and how often it is the one on the true counts
                for (TrendWindow w : windows) {
                    int from = months.indexOf(w.from());
                    int to = months.indexOf(w.to()) + 1;
                    PublishedTrend published =
                            PublishedTrend.of(months.subList(from, to), cells.subList(from, to), threshold);
                    List<MonthlyCount> truth = new ArrayList<>();
                    for (int i = from; i < to; i++) {
                        truth.add(MonthlyCount.of(months.get(i), counts.get(i)));
                    }
                    judged += published.judged() ? 1 : 0;
                    asTrueCounts +=
                            published.verdict() == TrendAnalysis.analyse(truth).verdict() ? 1 : 0;
                }
            }
        }
        System.out.printf("Replay: %d ms%n", auditNanos / 1_000_000);
        System.out.printf(
                "Gepubliceerd oordeel: %d van de %d reeks-perioden, %d gelijk aan het oordeel op de werkelijke aantallen%n",
                judged, scopes.size() * series.size() * windows.size(), asTrueCounts);
        System.out.printf(
                "Trend-replay-audit: %d verborgen maanden (<%d) in %d reeksen en %d perioden; %d vastgepind, %d tot twee waarden%n",
                report.findings().size(),
                threshold,
                scopes.size() * series.size(),
                windows.size(),
                report.pinned(),
                report.narrowed());
        assertThat(report.findings()).as("<5 months in the demo data's series").hasSizeGreaterThan(100);
        assertThat(report.pinned()).isZero();
        assertThat(report.narrowed()).isZero();
    }
}
