package nl.regiomonitor.trend;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.regiomonitor.web.ChartAxis;
import org.springframework.web.util.HtmlUtils;

/**
 * The monthly series as an SVG drawn on the server, so a page and a PDF show the same picture:
 * the 95% interval of each month as a band, the count as a line with points (a signal in red),
 * the centre line and control limits of each phase, and the national aim where given. Colours
 * are presentation attributes, not styles, because the pages allow no inline style. A month whose
 * count the influx table hides ({@code <5} or {@code x}) is drawn as a grey bar from 0 to the
 * threshold, without its value, its interval or whether it is a signal: the picture gives away no
 * more than the table.
 */
public final class TrendChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", DUTCH);

    private TrendChart() {
    }

    /**
     * @param title accessible name of the picture
     * @param target the aim per month to draw as a line, or null
     */
    public static String svg(PublishedTrend published, String title, Double target, String id) {
        List<TrendPoint> points = published.chartPoints();
        boolean[] hidden = new boolean[points.size()];
        double max = 1;
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            hidden[i] = published.hidden(i);
            max = Math.max(max, Math.max(published.levelShown(i) ? p.uclCount() : 0, hidden[i] ? published.threshold() : Math.max(p.ciHigh(), p.count())));
        }
        if (target != null) {
            max = Math.max(max, target);
        }
        double step = ChartAxis.niceStep(max / 4);
        double top = step * Math.ceil(max / step);
        int n = points.size();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        java.util.function.IntToDoubleFunction x = i -> LEFT + (n <= 1 ? plotWidth / 2 : i * plotWidth / (n - 1));
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotHeight - v / top * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(published.sentence()))
                .append(" Grijze band: 95%-betrouwbaarheidsinterval per maand. Doorgetrokken groene lijn: gemiddelde per fase; "
                        + "gestippeld: controlegrenzen. Rode punten: signalen. Grijs staafje van 0 tot " + published.threshold()
                        + ": een maand waarvan het aantal niet wordt getoond.").append("</desc>");

        // axes and grid
        NumberFormat whole = NumberFormat.getIntegerInstance(DUTCH);
        for (double value = 0; value <= top + step / 2; value += step) {
            double gy = y.applyAsDouble(value);
            svg.append(line(LEFT, gy, WIDTH - RIGHT, gy, "#d0d4d9", 1, null));
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(gy + 4))
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">").append(whole.format(value)).append("</text>");
        }
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += labelEvery) {
            svg.append("<text x=\"").append(fmt(x.applyAsDouble(i))).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">")
                    .append(escape(MONTH.format(points.get(i).month()))).append("</text>");
        }

        if (n > 0) {
            // interval band, interrupted where a month is hidden
            for (int[] run : shownRuns(hidden)) {
                StringBuilder band = new StringBuilder();
                for (int i = run[0]; i < run[1]; i++) {
                    band.append(i == run[0] ? "M" : "L").append(fmt(x.applyAsDouble(i))).append(',')
                            .append(fmt(y.applyAsDouble(points.get(i).ciHigh())));
                }
                for (int i = run[1] - 1; i >= run[0]; i--) {
                    band.append('L').append(fmt(x.applyAsDouble(i))).append(',').append(fmt(y.applyAsDouble(points.get(i).ciLow())));
                }
                svg.append("<path d=\"").append(band).append("Z\" fill=\"#c9ced6\" fill-opacity=\"0.6\" stroke=\"#c9ced6\"/>");
            }

            // centre and limits, as steps per month so a phase change shows where it happens
            boolean[] levelHidden = new boolean[n];
            for (int i = 0; i < n; i++) {
                levelHidden[i] = !published.levelShown(i);
            }
            for (int[] run : shownRuns(levelHidden)) {
                List<TrendPoint> stretch = points.subList(run[0], run[1]);
                java.util.function.IntToDoubleFunction sx = i -> x.applyAsDouble(run[0] + i);
                svg.append(polyline(stretch, sx, y, TrendPoint::centreCount, "#1d7a38", 2, null));
                svg.append(polyline(stretch, sx, y, TrendPoint::uclCount, "#1d7a38", 1, "4 3"));
                svg.append(polyline(stretch, sx, y, TrendPoint::lclCount, "#1d7a38", 1, "4 3"));
            }
            if (target != null) {
                double ty = y.applyAsDouble(target);
                svg.append(line(LEFT, ty, WIDTH - RIGHT, ty, "#b35900", 2, "8 4"));
                svg.append("<text x=\"").append(LEFT + 6).append("\" y=\"").append(fmt(ty + 16))
                        .append("\" font-size=\"12\" fill=\"#7a3d00\">doel ").append(whole.format(target))
                        .append(" per maand</text>");
            }
            for (int[] run : shownRuns(hidden)) {
                svg.append(polyline(points.subList(run[0], run[1]), i -> x.applyAsDouble(run[0] + i), y, p -> p.count(), "#154273", 2, null));
            }
            for (int i = 0; i < n; i++) {
                TrendPoint p = points.get(i);
                if (hidden[i]) {
                    double top0 = y.applyAsDouble(published.threshold());
                    svg.append("<rect x=\"").append(fmt(x.applyAsDouble(i) - 3)).append("\" y=\"").append(fmt(top0))
                            .append("\" width=\"6\" height=\"").append(fmt(y.applyAsDouble(0) - top0))
                            .append("\" fill=\"#aeb4bd\"><title>").append(escape(MONTH.format(p.month()) + ": "
                                    + published.counts().get(i).display() + " (niet getoond)")).append("</title></rect>");
                } else {
                    svg.append("<circle cx=\"").append(fmt(x.applyAsDouble(i))).append("\" cy=\"").append(fmt(y.applyAsDouble(p.count())))
                            .append("\" r=\"").append(p.signal() ? 4.5 : 3).append("\" fill=\"").append(p.signal() ? "#c0152f" : "#154273")
                            .append("\"><title>").append(escape(MONTH.format(p.month()) + ": " + whole.format(p.count())
                                    + (p.signal() ? " (signaal)" : ""))).append("</title></circle>");
                }
            }
        }
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333", 1, null));
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333", 1, null));
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

    private static String polyline(List<TrendPoint> points, java.util.function.IntToDoubleFunction x,
                                   java.util.function.DoubleUnaryOperator y, java.util.function.ToDoubleFunction<TrendPoint> value,
                                   String colour, double width, String dash) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            d.append(i == 0 ? "" : " ").append(fmt(x.applyAsDouble(i))).append(',')
                    .append(fmt(y.applyAsDouble(value.applyAsDouble(points.get(i)))));
        }
        return "<polyline points=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\" stroke=\""
                + colour + "\" stroke-width=\"" + width + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
