package nl.regiomonitor.monitor;

import java.util.List;

import nl.regiomonitor.indicator.Period;

/**
 * What the Instroommonitor says about a region's influx, for the page and the PDF alike
 * ({@code monitor/fragments :: judgement}): the verdict, the chart with its source line, and what the caption explains.
 *
 * @param period what one point of the chart is (a month, quarter or year)
 * @param target the national aim per point, or null
 * @param unprotected whether the true counts are judged (for people with the right), not the published cells
 * @param rolling whether a rolling year was asked, which is judged by quarter
 * @param standIn the count a {@code <5} point stands for in the judgement
 * @param scope how far the figures go and which period the verdict is about
 * @param notes what differs from the question, as the page says it
 */
public record InfluxJudgement(
        PublishedTrend trend,
        Period period,
        String chart,
        String source,
        Double target,
        boolean unprotected,
        boolean rolling,
        long standIn,
        String scope,
        List<String> notes) {}
