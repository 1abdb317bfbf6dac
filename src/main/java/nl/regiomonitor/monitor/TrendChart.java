package nl.regiomonitor.monitor;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.trend.TrendPoint;
import nl.regiomonitor.web.ChartAxis;
import nl.regiomonitor.web.Svg;

/**
 * The monthly (or quarterly, yearly) series as an SVG drawn on the server, so a page and a PDF show the same
 * picture: the 95% interval of each point as a band, the count as a line with points (a signal larger and red),
 * the centre line and control limits of each phase, and the national aim where given, with a title on each axis.
 * Colours are presentation attributes, not styles, because the pages allow no inline style. A point whose
 * count the influx table hides ({@code <5} or {@code x}) is drawn as a grey bar from 0 to the
 * threshold, without its value, its interval or whether it is a signal: the picture gives away no
 * more than the table. Beneath a chart, pages and PDFs print {@link #source}.
 */
public final class TrendChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 340;
    private static final int LEFT = 76;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 52;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Dutch.LOCALE);
    private static final DateTimeFormatter LONG_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Dutch.LOCALE);

    /*
     * WCAG 1.4.11: every colour that carries meaning has at least 3:1 against the white background, and the
     * count (the darkest) at least 3:1 against each colour drawn near it; the others differ from each other in
     * shape (line, dashes, bar, larger point) and are named in the caption. TrendChartPaletteTest checks this.
     */
    /** The count: its line and its points. */
    static final String COUNT = "#0a2342";
    /** A point that is a signal (also drawn larger). */
    static final String SIGNAL = "#d83a1e";
    /** Centre line (solid) and control limits (dashed) of each phase. */
    static final String LEVEL = "#2e8540";
    /** The national aim (long dashes, labelled). */
    static final String TARGET = "#b85a00";
    /** The label of the aim: text, so 4.5:1. */
    static final String TARGET_TEXT = "#7a3d00";
    /** A point whose count is not shown. */
    static final String HIDDEN = "#7d838b";
    /** The edge of the interval band; its fill is a light tint inside that edge. */
    static final String BAND_EDGE = "#8a9099";

    static final String BAND_FILL = "#dfe3e8";
    /** Axes, tick labels and axis titles. */
    static final String INK = "#333333";
    /** Grid lines: decorative (every value is labelled on the axis), so exempt from 1.4.11 and kept faint. */
    static final String GRID = "#d0d4d9";

    private TrendChart() {}

    /** A monthly series, as plans draw it. */
    public static String svg(PublishedTrend published, String title, Double target, String id) {
        return svg(published, Period.MONTH, title, target, id);
    }

    /**
     * The source and date line printed beneath a chart, the same on a page and in a PDF.
     *
     * @param through the last month with data, or null when there are none
     * @param version the published version the figures come from, or null when they are not published ones
     * @param unprotected whether the chart shows the true counts (for people with the right), not published ones
     */
    public static String source(YearMonth through, Long version, boolean unprotected) {
        String figures = through == null ? "nog geen cijfers" : "cijfers t/m " + LONG_MONTH.format(through);
        String which = unprotected
                ? "onbeschermde cijfers, niet voor publicatie"
                : version == null ? "nog niet gepubliceerd" : "gepubliceerde versie " + version;
        return "Bron: Regiomonitor Wlz-ggz, indicaties CIZ; " + figures + ", " + which;
    }

    /** The title of the value axis: what one point counts. */
    static String valueAxisTitle(Period period) {
        return "Nieuwe cliënten " + pointPeriod(period).dutch();
    }

    /** The title of the time axis. */
    static String timeAxisTitle(Period period) {
        return switch (pointPeriod(period)) {
            case QUARTER -> "Kwartaal";
            case YEAR -> "Jaar";
            default -> "Maand";
        };
    }

    /** A rolling year is charted by quarter (two rolling years share eleven months). */
    private static Period pointPeriod(Period period) {
        return period == Period.ROLLING12 ? Period.QUARTER : period;
    }

    /** A point's label on the time axis; a quarter or year is named by its last month. */
    private static String tick(Period period, YearMonth month) {
        return switch (pointPeriod(period)) {
            case QUARTER -> "K" + ((month.getMonthValue() - 1) / 3 + 1) + " " + month.getYear();
            case YEAR -> String.valueOf(month.getYear());
            default -> MONTH.format(month);
        };
    }

    /** A point's name for a screen reader. */
    private static String pointName(Period period, YearMonth month) {
        return switch (pointPeriod(period)) {
            case QUARTER -> ((month.getMonthValue() - 1) / 3 + 1) + "e kwartaal " + month.getYear();
            case YEAR -> String.valueOf(month.getYear());
            default -> MONTH.format(month);
        };
    }

    /**
     * @param period what one point is: a month, quarter or year
     * @param title accessible name of the picture
     * @param target the aim per point to draw as a line, or null
     */
    public static String svg(PublishedTrend published, Period period, String title, Double target, String id) {
        List<TrendPoint> points = published.chartPoints();
        boolean[] hidden = new boolean[points.size()];
        double max = 1;
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            hidden[i] = published.hidden(i);
            max = Math.max(
                    max,
                    Math.max(
                            published.levelShown(i) ? p.uclCount() : 0,
                            hidden[i] ? published.threshold() : Math.max(p.ciHigh(), p.count())));
        }
        if (target != null) {
            max = Math.max(max, target);
        }
        double step = ChartAxis.niceStep(max / 4);
        double top = step * Math.ceil(max / step);
        int n = points.size();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        IntToDoubleFunction x = i -> LEFT + (n <= 1 ? plotWidth / 2 : i * plotWidth / (n - 1));
        DoubleUnaryOperator y = v -> TOP + plotHeight - v / top * plotHeight;
        String per = pointPeriod(period).dutch();

        StringBuilder svg = Svg.open(
                id,
                title,
                WIDTH,
                HEIGHT,
                published.sentence() + " Verticale as: "
                        + valueAxisTitle(period).toLowerCase(Dutch.LOCALE)
                        + "; horizontale as: " + timeAxisTitle(period).toLowerCase(Dutch.LOCALE) + "."
                        + " Grijze band: 95%-betrouwbaarheidsinterval " + per
                        + ". Doorgetrokken groene lijn: gemiddelde per fase; "
                        + "gestippeld: controlegrenzen. Grote rode punten: signalen. Grijs staafje van 0 tot "
                        + published.threshold() + ": een punt waarvan het aantal niet wordt getoond.");

        // axes, grid and the axis titles (the value axis's turned, as usual)
        NumberFormat whole = NumberFormat.getIntegerInstance(Dutch.LOCALE);
        for (double value = 0; value <= top + step / 2; value += step) {
            double gy = y.applyAsDouble(value);
            svg.append(line(LEFT, gy, WIDTH - RIGHT, gy, GRID, 1, null));
            svg.append("<text x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(Svg.number(gy + 4))
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"")
                    .append(INK)
                    .append("\">")
                    .append(whole.format(value))
                    .append("</text>");
        }
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += labelEvery) {
            svg.append("<text x=\"")
                    .append(Svg.number(x.applyAsDouble(i)))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"")
                    .append(INK)
                    .append("\">")
                    .append(Svg.escape(tick(period, points.get(i).month())))
                    .append("</text>");
        }
        double middle = TOP + plotHeight / 2;
        svg.append("<text x=\"16\" y=\"")
                .append(Svg.number(middle))
                .append("\" transform=\"rotate(-90 16 ")
                .append(Svg.number(middle))
                .append(")\" text-anchor=\"middle\" font-size=\"13\" fill=\"")
                .append(INK)
                .append("\">")
                .append(Svg.escape(valueAxisTitle(period)))
                .append("</text>");
        svg.append("<text x=\"")
                .append(Svg.number(LEFT + plotWidth / 2))
                .append("\" y=\"")
                .append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"")
                .append(INK)
                .append("\">")
                .append(Svg.escape(timeAxisTitle(period)))
                .append("</text>");

        if (n > 0) {
            // interval band, interrupted where a point is hidden; its edge carries the contrast, the fill stays light
            for (int[] run : shownRuns(hidden)) {
                StringBuilder band = new StringBuilder();
                for (int i = run[0]; i < run[1]; i++) {
                    band.append(i == run[0] ? "M" : "L")
                            .append(Svg.number(x.applyAsDouble(i)))
                            .append(',')
                            .append(Svg.number(y.applyAsDouble(points.get(i).ciHigh())));
                }
                for (int i = run[1] - 1; i >= run[0]; i--) {
                    band.append('L')
                            .append(Svg.number(x.applyAsDouble(i)))
                            .append(',')
                            .append(Svg.number(y.applyAsDouble(points.get(i).ciLow())));
                }
                svg.append("<path d=\"")
                        .append(band)
                        .append("Z\" fill=\"")
                        .append(BAND_FILL)
                        .append("\" stroke=\"")
                        .append(BAND_EDGE)
                        .append("\" stroke-width=\"1\"/>");
            }

            // centre and limits, as steps per point so a phase change shows where it happens
            boolean[] levelHidden = new boolean[n];
            for (int i = 0; i < n; i++) {
                levelHidden[i] = !published.levelShown(i);
            }
            for (int[] run : shownRuns(levelHidden)) {
                List<TrendPoint> stretch = points.subList(run[0], run[1]);
                IntToDoubleFunction sx = i -> x.applyAsDouble(run[0] + i);
                svg.append(polyline(stretch, sx, y, TrendPoint::centreCount, LEVEL, 2, null));
                svg.append(polyline(stretch, sx, y, TrendPoint::uclCount, LEVEL, 1.5, "4 3"));
                svg.append(polyline(stretch, sx, y, TrendPoint::lclCount, LEVEL, 1.5, "4 3"));
            }
            if (target != null) {
                double ty = y.applyAsDouble(target);
                svg.append(line(LEFT, ty, WIDTH - RIGHT, ty, TARGET, 2, "8 4"));
                // the label under the line, unless that would run into the time axis's labels
                double labelY = ty + 16 > HEIGHT - BOTTOM - 4 ? ty - 6 : ty + 16;
                svg.append("<text x=\"")
                        .append(LEFT + 6)
                        .append("\" y=\"")
                        .append(Svg.number(labelY))
                        .append("\" font-size=\"12\" fill=\"")
                        .append(TARGET_TEXT)
                        .append("\">doel ")
                        .append(whole.format(target))
                        .append(' ')
                        .append(per)
                        .append("</text>");
            }
            for (int[] run : shownRuns(hidden)) {
                svg.append(polyline(
                        points.subList(run[0], run[1]),
                        i -> x.applyAsDouble(run[0] + i),
                        y,
                        p -> p.count(),
                        COUNT,
                        2,
                        null));
            }
            for (int i = 0; i < n; i++) {
                TrendPoint p = points.get(i);
                if (hidden[i]) {
                    double top0 = y.applyAsDouble(published.threshold());
                    svg.append("<rect x=\"")
                            .append(Svg.number(x.applyAsDouble(i) - 3))
                            .append("\" y=\"")
                            .append(Svg.number(top0))
                            .append("\" width=\"6\" height=\"")
                            .append(Svg.number(y.applyAsDouble(0) - top0))
                            .append("\" fill=\"")
                            .append(HIDDEN)
                            .append("\"><title>")
                            .append(Svg.escape(pointName(period, p.month()) + ": "
                                    + published.counts().get(i).display() + " (niet getoond)"))
                            .append("</title></rect>");
                } else {
                    svg.append("<circle cx=\"")
                            .append(Svg.number(x.applyAsDouble(i)))
                            .append("\" cy=\"")
                            .append(Svg.number(y.applyAsDouble(p.count())))
                            .append("\" r=\"")
                            .append(p.signal() ? 5.5 : 3)
                            .append("\" fill=\"")
                            .append(p.signal() ? SIGNAL : COUNT)
                            .append("\"><title>")
                            .append(Svg.escape(pointName(period, p.month()) + ": " + whole.format(p.count())
                                    + (p.signal() ? " (signaal)" : "")))
                            .append("</title></circle>");
                }
            }
        }
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, INK, 1, null));
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, INK, 1, null));
        return svg.append("</svg>").toString();
    }

    /** The stretches of consecutive months not {@code hidden}, as [first, end). */
    private static List<int[]> shownRuns(boolean[] hidden) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= hidden.length; i++) {
            boolean shown = i < hidden.length && !hidden[i];
            if (shown && start < 0) {
                start = i;
            } else if (!shown && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }

    private static String polyline(
            List<TrendPoint> points,
            IntToDoubleFunction x,
            DoubleUnaryOperator y,
            ToDoubleFunction<TrendPoint> value,
            String colour,
            double width,
            String dash) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            d.append(i == 0 ? "" : " ")
                    .append(Svg.number(x.applyAsDouble(i)))
                    .append(',')
                    .append(Svg.number(y.applyAsDouble(value.applyAsDouble(points.get(i)))));
        }
        return "<polyline points=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"" + Svg.number(x1) + "\" y1=\"" + Svg.number(y1) + "\" x2=\"" + Svg.number(x2) + "\" y2=\""
                + Svg.number(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }
}
