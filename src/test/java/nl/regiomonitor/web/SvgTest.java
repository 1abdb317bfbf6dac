package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void numbersAreWrittenExactlyAsTheFormatWritesThem() {
        double[] edges = {
            0,
            -0.0,
            0.05,
            0.15,
            0.25,
            -0.05,
            -0.04,
            1.45,
            2.675,
            99.95,
            1e7,
            1.0e-7,
            -1e21,
            123456789.25,
            Double.MAX_VALUE,
            Double.MIN_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        for (double v : edges) {
            assertThat(Svg.number(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            // chart coordinates (0..1000 with many halves) and arbitrary doubles
            double v = switch (i % 3) {
                case 0 -> random.nextInt(-20_000, 20_000) / 20.0;
                case 1 -> random.nextDouble(-1000, 1000);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            assertThat(Svg.number(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
    }

    @Test
    void aChartOpensWithItsTitleAndDescriptionEscaped() {
        assertThat(Svg.open("c", "A & B", 640, 300, "<1> \"x\""))
                .hasToString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 300\""
                        + " width=\"640\" height=\"300\" role=\"img\" aria-labelledby=\"c-title c-desc\">"
                        + "<title id=\"c-title\">A &amp; B</title><desc id=\"c-desc\">&lt;1&gt; &quot;x&quot;</desc>");
    }
}
