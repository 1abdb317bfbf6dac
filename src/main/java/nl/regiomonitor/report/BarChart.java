package nl.regiomonitor.report;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.web.ChartAxis;
import org.springframework.web.util.HtmlUtils;

/**
 * A grouped bar chart as SVG drawn on the server, so the page and the PDF show the same picture:
 * one group per category (a profile), one bar per series (a reference date). A hidden cell
 * ({@code <5} or {@code x}) gets no bar but its label at the base line, so the picture gives away
 * no more than the table. Colours are presentation attributes: the pages allow no inline style.
 */
final class BarChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 56;
    private static final String[] COLOURS = {"#c6d7eb", "#8fb1d8", "#5a8bc4", "#2d649f", "#154273"};
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private BarChart() {
    }

    /**
     * @param values {@code values.get(s).get(g)} is series {@code s} in group {@code g}
     */
    static String svg(String id, String title, List<String> groups, List<String> series, List<List<Cell>> values) {
        long max = 1;
        for (List<Cell> row : values) {
            for (Cell cell : row) {
                max = Math.max(max, cell.value() == null ? 0 : cell.value());
            }
        }
        double step = ChartAxis.niceStep(max / 4.0);
        double top = step * Math.ceil(max / step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double groupWidth = plotWidth / Math.max(1, groups.size());
        double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
        NumberFormat whole = NumberFormat.getIntegerInstance(DUTCH);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape("Staafdiagram per " + String.join(", ", groups)
                + "; een staaf per " + String.join(", ", series) + ". De getallen staan in de tabel eronder.")).append("</desc>");
        for (double value = 0; value <= top + step / 2; value += step) {
            double y = TOP + plotHeight - value / top * plotHeight;
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#d0d4d9\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">").append(whole.format(Math.round(value))).append("</text>");
        }
        for (int g = 0; g < groups.size(); g++) {
            double groupLeft = LEFT + g * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < series.size(); s++) {
                Cell cell = values.get(s).get(g);
                double x = groupLeft + s * barWidth;
                String label = groups.get(g) + ", " + series.get(s) + ": " + cell.display();
                if (cell.value() == null) {
                    svg.append("<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"").append(fmt(TOP + plotHeight - 3))
                            .append("\" text-anchor=\"middle\" font-size=\"9\" fill=\"#333\"><title>").append(escape(label))
                            .append("</title>").append(escape(cell.display())).append("</text>");
                } else {
                    double height = cell.value() / top * plotHeight;
                    svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + plotHeight - height))
                            .append("\" width=\"").append(fmt(barWidth - 1)).append("\" height=\"").append(fmt(height))
                            .append("\" fill=\"").append(COLOURS[Math.max(0, COLOURS.length - series.size() + s)])
                            .append("\"><title>").append(escape(label)).append("</title></rect>");
                }
            }
            svg.append("<text x=\"").append(fmt(LEFT + g * groupWidth + groupWidth / 2)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">").append(escape(groups.get(g))).append("</text>");
        }
        // legend: which colour is which series
        double legendX = LEFT;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect x=\"").append(fmt(legendX)).append("\" y=\"").append(HEIGHT - 22).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[Math.max(0, COLOURS.length - series.size() + s)]).append("\"/>");
            svg.append("<text x=\"").append(fmt(legendX + 16)).append("\" y=\"").append(HEIGHT - 12)
                    .append("\" font-size=\"11\" fill=\"#333\">").append(escape(series.get(s))).append("</text>");
            legendX += 16 + 8 * series.get(s).length() + 18;
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + (int) plotHeight).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(TOP + (int) plotHeight).append("\" stroke=\"#333\" stroke-width=\"1\"/>");
        return svg.append("</svg>").toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
