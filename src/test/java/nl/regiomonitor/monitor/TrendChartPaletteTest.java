package nl.regiomonitor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.Period;

/** WCAG 1.4.11 (non-text contrast) over the colours the trend chart actually draws, and its axis titles. */
class TrendChartPaletteTest {

    private static final String WHITE = "#ffffff";
    private static final Pattern COLOUR = Pattern.compile("(?:fill|stroke)=\"(#[0-9a-fA-F]{6})\"");

    /** WCAG 2 relative luminance of an sRGB colour #rrggbb. */
    static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theFormulaGivesTheKnownRatios() {
        assertThat(contrast("#000000", WHITE)).isEqualTo(21.0);
        assertThat(contrast("#767676", WHITE)).isBetween(4.5, 4.6);
        assertThat(contrast(WHITE, WHITE)).isEqualTo(1.0);
    }

    @Test
    void everyColourThatCarriesMeaningReachesThreeToOneAgainstWhiteAndTheCount() {
        String svg = TrendChart.svg(sample(), Period.MONTH, "Instroom GGZ-W per maand, Testregio", 30.0, "test");
        Set<String> used = new TreeSet<>();
        Matcher m = COLOUR.matcher(svg);
        while (m.find()) {
            used.add(m.group(1).toLowerCase());
        }
        // the sample holds every kind of mark: hidden points, signals, a level, an aim, the band
        assertThat(used)
                .contains(
                        TrendChart.COUNT,
                        TrendChart.SIGNAL,
                        TrendChart.LEVEL,
                        TrendChart.TARGET,
                        TrendChart.HIDDEN,
                        TrendChart.BAND_EDGE,
                        TrendChart.BAND_FILL,
                        TrendChart.INK,
                        TrendChart.GRID,
                        TrendChart.TARGET_TEXT);
        // the grid is decorative (each value is labelled) and the band's fill lies inside its edge, so both are exempt
        Set<String> meaningful = new TreeSet<>(used);
        meaningful.removeAll(Set.of(TrendChart.GRID, TrendChart.BAND_FILL));
        for (String colour : meaningful) {
            assertThat(contrast(colour, WHITE)).as("%s against white", colour).isGreaterThanOrEqualTo(3.0);
        }
        // marks drawn over the band stay visible on its fill
        for (String colour : List.of(TrendChart.COUNT, TrendChart.SIGNAL, TrendChart.LEVEL, TrendChart.TARGET)) {
            assertThat(contrast(colour, TrendChart.BAND_FILL))
                    .as("%s against the band", colour)
                    .isGreaterThanOrEqualTo(3.0);
        }
        // the count is told apart by colour from every other mark near it: a signal point, the level, the aim, a hidden
        // point, the band
        for (String colour : List.of(
                TrendChart.SIGNAL, TrendChart.LEVEL, TrendChart.TARGET, TrendChart.HIDDEN, TrendChart.BAND_EDGE)) {
            assertThat(contrast(colour, TrendChart.COUNT))
                    .as("%s against the count %s", colour, TrendChart.COUNT)
                    .isGreaterThanOrEqualTo(3.0);
        }
        // text: 4.5:1 (WCAG 1.4.3)
        for (String colour : List.of(TrendChart.INK, TrendChart.TARGET_TEXT)) {
            assertThat(contrast(colour, WHITE)).as("text %s", colour).isGreaterThanOrEqualTo(4.5);
        }
        // a signal is also larger than an ordinary point, so it is not told by colour alone (WCAG 1.4.1)
        assertThat(svg)
                .contains("r=\"5.5\" fill=\"" + TrendChart.SIGNAL + "\"")
                .contains("r=\"3.0\" fill=\"" + TrendChart.COUNT + "\"");
    }

    @Test
    void eachAxisHasADutchTitleAndDutchPointNames() {
        String months = TrendChart.svg(sample(), Period.MONTH, "t", null, "m");
        assertThat(months)
                .contains(">Nieuwe cliënten per maand</text>")
                .contains(">Maand</text>")
                .contains(">jan. 2022</text>");
        String quarters = TrendChart.svg(sample(), Period.QUARTER, "t", null, "k");
        assertThat(quarters)
                .contains(">Nieuwe cliënten per kwartaal</text>")
                .contains(">Kwartaal</text>")
                .contains(">K1 2022</text>");
        assertThat(TrendChart.svg(sample(), Period.YEAR, "t", null, "j"))
                .contains(">Nieuwe cliënten per jaar</text>")
                .contains(">Jaar</text>");
        assertThat(TrendChart.source(YearMonth.of(2024, 12), 7L, false))
                .isEqualTo(
                        "Bron: Regiomonitor Wlz-ggz, indicaties CIZ; cijfers t/m december 2024, gepubliceerde versie 7");
    }

    /** 36 months around 20 with a jump, two hidden months: signals, phases and hidden points all drawn. */
    private static PublishedTrend sample() {
        List<YearMonth> months = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            months.add(YearMonth.of(2022, 1).plusMonths(i));
            long count = i < 18 ? 20 + (i % 3) : 40 + (i % 4);
            cells.add(
                    i == 5 || i == 30
                            ? Cell.ofClients(3, ProtectionPattern.Mark.PRIMARY, 5)
                            : Cell.ofCount(i == 10 ? 45 : count));
        }
        return PublishedTrend.of(months, cells, 5);
    }
}
