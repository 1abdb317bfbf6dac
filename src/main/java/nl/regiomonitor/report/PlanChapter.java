package nl.regiomonitor.report;

import static nl.regiomonitor.report.RegionalReport.INFLUX_MONTHS;
import static nl.regiomonitor.report.RegionalReport.LONG;
import static nl.regiomonitor.report.RegionalReport.MONTH;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.monitor.PublishedTrend;
import nl.regiomonitor.monitor.TrendChart;
import nl.regiomonitor.plan.ActionPlan;
import nl.regiomonitor.plan.PlanObjectives;
import nl.regiomonitor.plan.PlanService;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.report.RegionalReport.Influx;
import nl.regiomonitor.report.RegionalReport.Objective;
import nl.regiomonitor.report.RegionalReport.Plan;

/**
 * The report's plan chapter from the figures: the region's influx as the Instroommonitor draws and judges it, and its
 * plan van aanpak with the course of each objective. Apart from {@link RegionalReport}, which adds the care office's
 * text of the chapter.
 */
final class PlanChapter {

    private final InfluxTrend trends;
    private final PlanService plans;
    private final PlanObjectives objectives;

    PlanChapter(InfluxTrend trends, PlanService plans, PlanObjectives objectives) {
        this.trends = trends;
        this.plans = plans;
        this.objectives = objectives;
    }

    /**
     * The region's monthly influx up to the end of the year (or the last month with data), drawn and judged as the
     * Instroommonitor does; per quarter where the months are too small for a verdict. Null without data in or before
     * the year.
     */
    Influx influx(Region region, int year, Sources sources) {
        YearMonth first = trends.firstMonth();
        YearMonth last = trends.lastMonth();
        if (last == null || YearMonth.of(year, 12).isBefore(first)) {
            return null;
        }
        YearMonth to = YearMonth.of(year, 12).isBefore(last) ? YearMonth.of(year, 12) : last;
        // months before the first data are no zeros: they would read as a rise
        YearMonth from = to.minusMonths(INFLUX_MONTHS - 1).isBefore(first) ? first : to.minusMonths(INFLUX_MONTHS - 1);
        PublishedTrend trend = trends.published(region.code(), from, to, null, Period.MONTH);
        Period period = Period.MONTH;
        String per = "per maand";
        if (!trend.judged()) {
            PublishedTrend quarterly = trends.published(region.code(), from, to, null, Period.QUARTER);
            if (quarterly.judged()) {
                trend = quarterly;
                period = Period.QUARTER;
                per = "per kwartaal (per maand te klein voor een oordeel)";
            }
        }
        String caption = "Instroom GGZ-W " + per + ", " + region.name() + ", " + MONTH.format(from) + " tot en met "
                + MONTH.format(to);
        String chart = TrendChart.svg(
                trend, period, caption, InfluxTrend.targetPer(region.code(), period), "grafiek-instroom");
        return new Influx(
                chart,
                caption,
                trend.sentence(),
                sources.of(
                        "indicaties (nieuwe cliënten GGZ-W)", MONTH.format(from) + " tot en met " + MONTH.format(to)));
    }

    /** The region's plan van aanpak with its objectives, or null when it has none. */
    Plan plan(Region region) {
        return plans.forReport(region.code())
                .map(p -> {
                    List<Objective> list = new ArrayList<>();
                    Function<ActionPlan.Objective, String> measure = o -> {
                        List<String> parts = new ArrayList<>();
                        if (o.figureLabel() != null) {
                            parts.add(o.figureLabel()
                                    + (o.profileCode() == null
                                                    || o.profileCode().isBlank()
                                            ? ""
                                            : " " + o.profileCode()));
                        }
                        if (o.directionLabel() != null) {
                            parts.add(o.directionLabel().toLowerCase(Dutch.LOCALE));
                        }
                        if (o.targetValue() != null) {
                            parts.add("streefwaarde "
                                    + (o.figure() == null
                                            ? o.targetValue()
                                                    .stripTrailingZeros()
                                                    .toPlainString()
                                                    .replace('.', ',')
                                            : o.figure().amount(o.targetValue())));
                        }
                        if (o.targetDate() != null) {
                            parts.add("uiterlijk " + LONG.format(o.targetDate()));
                        }
                        return String.join(", ", parts);
                    };
                    for (PlanObjectives.Followed f : objectives.of(p)) {
                        list.add(new Objective(
                                f.number(),
                                f.objective().description(),
                                measure.apply(f.objective()),
                                f.course() == null
                                        ? (f.followed() ? "Nog niet te beoordelen" : "Niet per maand gevolgd")
                                        : f.course().dutch(),
                                f.sentence()));
                    }
                    return new Plan(p.title(), p.statusLabel(), "/plannen/" + p.id(), list);
                })
                .orElse(null);
    }
}
