package nl.regiomonitor.report;

import java.text.NumberFormat;
import java.util.List;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.web.ChartAxis;
import nl.regiomonitor.web.ChartPalette;
import nl.regiomonitor.web.Svg;

/**
 * Bar charts as SVG drawn on the server, so the page and the PDF show the same picture, with axis titles and the
 * colours of {@link ChartPalette}. A hidden cell ({@code <5} or {@code x}) gets no bar but its label at the base
 * line, so the picture gives away no more than the table. Colours are presentation attributes: the pages allow no
 * inline style.
 */
final class BarChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 74;

    private BarChart() {}

    /**
     * Groups of at most two bars (two colours can be told apart at 3:1; more dates belong in the table).
     *
     * @param values {@code values.get(s).get(g)} is series {@code s} in group {@code g}
     */
    static String grouped(
            String id,
            String title,
            String xTitle,
            String yTitle,
            List<String> groups,
            List<String> series,
            List<List<Cell>> values) {
        return groupedBars(
                id,
                title,
                xTitle,
                yTitle,
                groups,
                series,
                values.stream()
                        .map(row -> row.stream()
                                .map(c -> new Bar(
                                        c.value() == null ? null : c.value().doubleValue(), c.display()))
                                .toList())
                        .toList());
    }

    /** A bar's height, null for a hidden value, and how the table writes it. */
    record Bar(Double value, String display) {}

    /** As {@link #grouped(String, String, String, String, List, List, List)}, for values that need not be counts. */
    static String groupedBars(
            String id,
            String title,
            String xTitle,
            String yTitle,
            List<String> groups,
            List<String> series,
            List<List<Bar>> values) {
        if (series.size() > 2) {
            throw new IllegalArgumentException("At most two series: " + series);
        }
        double max = 1;
        for (List<Bar> row : values) {
            for (Bar bar : row) {
                max = Math.max(max, bar.value() == null ? 0 : bar.value());
            }
        }
        double step = ChartAxis.niceStep(max / 4.0);
        double top = step * Math.ceil(max / step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double groupWidth = plotWidth / Math.max(1, groups.size());
        double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
        NumberFormat axis = NumberFormat.getNumberInstance(Dutch.LOCALE);

        StringBuilder svg = Svg.open(
                id,
                title,
                WIDTH,
                HEIGHT,
                "Staafdiagram: " + yTitle.toLowerCase(Dutch.LOCALE) + " per " + xTitle.toLowerCase(Dutch.LOCALE) + " ("
                        + String.join(", ", groups) + "); een staaf per " + String.join(" en ", series)
                        + ". De getallen staan in de tabel eronder.");
        for (double value = 0; value <= top + step / 2; value += step) {
            double y = TOP + plotHeight - value / top * plotHeight;
            line(svg, LEFT, y, WIDTH - RIGHT, y, ChartPalette.GRID);
            text(svg, LEFT - 6, y + 4, "end", 11, ChartPalette.TEXT, axis.format(value));
        }
        for (int g = 0; g < groups.size(); g++) {
            double groupLeft = LEFT + g * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < series.size(); s++) {
                Bar cell = values.get(s).get(g);
                double x = groupLeft + s * barWidth;
                String label = groups.get(g) + ", " + series.get(s) + ": " + cell.display();
                if (cell.value() == null) {
                    svg.append("<text x=\"")
                            .append(Svg.number(x + barWidth / 2))
                            .append("\" y=\"")
                            .append(Svg.number(TOP + plotHeight - 3))
                            .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"")
                            .append(ChartPalette.TEXT)
                            .append("\"><title>")
                            .append(Svg.escape(label))
                            .append("</title>")
                            .append(Svg.escape(cell.display()))
                            .append("</text>");
                } else {
                    double height = cell.value() / top * plotHeight;
                    // a white edge keeps two bars apart even where they touch
                    svg.append("<rect x=\"")
                            .append(Svg.number(x))
                            .append("\" y=\"")
                            .append(Svg.number(TOP + plotHeight - height))
                            .append("\" width=\"")
                            .append(Svg.number(barWidth))
                            .append("\" height=\"")
                            .append(Svg.number(height))
                            .append("\" fill=\"")
                            .append(ChartPalette.fill(s))
                            .append("\" stroke=\"#ffffff\" stroke-width=\"1\"><title>")
                            .append(Svg.escape(label))
                            .append("</title></rect>");
                }
            }
            text(
                    svg,
                    LEFT + g * groupWidth + groupWidth / 2,
                    HEIGHT - BOTTOM + 16,
                    "middle",
                    11,
                    ChartPalette.TEXT,
                    groups.get(g));
        }
        line(svg, LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight, ChartPalette.TEXT);
        text(svg, LEFT + plotWidth / 2, HEIGHT - BOTTOM + 34, "middle", 11, ChartPalette.TEXT, xTitle);
        svg.append("<text x=\"14\" y=\"")
                .append(Svg.number(TOP + plotHeight / 2))
                .append("\" transform=\"rotate(-90 14 ")
                .append(Svg.number(TOP + plotHeight / 2))
                .append(")\" text-anchor=\"middle\" font-size=\"11\" fill=\"")
                .append(ChartPalette.TEXT)
                .append("\">")
                .append(Svg.escape(yTitle))
                .append("</text>");
        double legendX = LEFT;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect x=\"")
                    .append(Svg.number(legendX))
                    .append("\" y=\"")
                    .append(HEIGHT - 20)
                    .append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(ChartPalette.fill(s))
                    .append("\"/>");
            text(svg, legendX + 16, HEIGHT - 10, "start", 11, ChartPalette.TEXT, series.get(s));
            legendX += 16 + 7 * series.get(s).length() + 24;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars of 100%: one per row, split in parts that are each named inside the bar, alternating the
     * two colours with a white edge between them. A row with any share unknown (null) is not drawn but says so.
     *
     * @param parts the short name written in each part, such as "1" for GGZ01W
     * @param shares {@code shares.get(r).get(p)} in percent
     */
    static String stacked(
            String id,
            String title,
            String partsTitle,
            List<String> rows,
            List<String> parts,
            List<List<Double>> shares) {
        int rowHeight = 30;
        int left = 150;
        int height = TOP + rows.size() * (rowHeight + 8) + 48;
        double plotWidth = WIDTH - left - RIGHT;
        StringBuilder svg = Svg.open(
                id,
                title,
                WIDTH,
                height,
                "Liggende staven van 100%, een per " + String.join(", ", rows) + "; elk deel is een "
                        + partsTitle.toLowerCase(Dutch.LOCALE) + " (" + String.join(", ", parts)
                        + "), van links naar rechts, met het nummer in het deel. "
                        + "De percentages staan in de tabel eronder.");
        for (int pct = 0; pct <= 100; pct += 25) {
            double x = left + pct / 100.0 * plotWidth;
            line(svg, x, TOP, x, TOP + rows.size() * (rowHeight + 8), ChartPalette.GRID);
            text(
                    svg,
                    x,
                    TOP + rows.size() * (rowHeight + 8) + 14,
                    pct == 100 ? "end" : "middle",
                    10,
                    ChartPalette.TEXT,
                    pct + "%");
        }
        for (int r = 0; r < rows.size(); r++) {
            double y = TOP + r * (rowHeight + 8) + 4;
            text(svg, left - 6, y + rowHeight / 2.0 + 4, "end", 11, ChartPalette.TEXT, rows.get(r));
            List<Double> row = shares.get(r);
            if (row.stream().anyMatch(s -> s == null)) {
                text(
                        svg,
                        left + 4,
                        y + rowHeight / 2.0 + 4,
                        "start",
                        10,
                        ChartPalette.TEXT,
                        "niet te tonen (kleine aantallen)");
                continue;
            }
            double x = left;
            for (int p = 0; p < parts.size(); p++) {
                double width = row.get(p) / 100.0 * plotWidth;
                String label = parts.get(p) + ": " + String.format(Dutch.LOCALE, "%.1f%%", row.get(p));
                svg.append("<rect x=\"")
                        .append(Svg.number(x))
                        .append("\" y=\"")
                        .append(Svg.number(y))
                        .append("\" width=\"")
                        .append(Svg.number(width))
                        .append("\" height=\"")
                        .append(rowHeight)
                        .append("\" fill=\"")
                        .append(ChartPalette.fill(p))
                        .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>")
                        .append(Svg.escape(rows.get(r) + ", " + label))
                        .append("</title></rect>");
                // the name in the part when it fits: with it the parts need no colour to be told apart
                String inside = width >= 58 ? label : width >= 12 ? parts.get(p) : null;
                if (inside != null) {
                    text(svg, x + width / 2, y + rowHeight / 2.0 + 4, "middle", 10, ChartPalette.textOn(p), inside);
                }
                x += width;
            }
        }
        text(
                svg,
                left + plotWidth / 2,
                height - 10,
                "middle",
                11,
                ChartPalette.TEXT,
                partsTitle + " (nummer in de staaf), aandeel in procenten");
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour) {
        svg.append("<line x1=\"")
                .append(Svg.number(x1))
                .append("\" y1=\"")
                .append(Svg.number(y1))
                .append("\" x2=\"")
                .append(Svg.number(x2))
                .append("\" y2=\"")
                .append(Svg.number(y2))
                .append("\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"1\"/>");
    }

    private static void text(
            StringBuilder svg, double x, double y, String anchor, int size, String colour, String content) {
        svg.append("<text x=\"")
                .append(Svg.number(x))
                .append("\" y=\"")
                .append(Svg.number(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" font-size=\"")
                .append(size)
                .append("\" fill=\"")
                .append(colour)
                .append("\">")
                .append(Svg.escape(content))
                .append("</text>");
    }
}
