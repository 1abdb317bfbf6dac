package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** WCAG 1.4.11: the charts' colours reach 3:1 against white and against each other; text on them 4.5:1. */
class ChartPaletteTest {

    @Test
    void theContrastFormulaGivesWcagsKnownValues() {
        assertThat(ChartPalette.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.01));
        assertThat(ChartPalette.contrast("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
        assertThat(ChartPalette.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.001));
    }

    @Test
    void bothFillsStandOutFromWhiteAndFromEachOther() {
        for (int i = 0; i < 2; i++) {
            assertThat(ChartPalette.contrast(ChartPalette.fill(i), "#ffffff"))
                    .as("fill %d against white", i)
                    .isGreaterThanOrEqualTo(3);
            assertThat(ChartPalette.contrast(ChartPalette.fill(i), ChartPalette.textOn(i)))
                    .as("text on fill %d", i)
                    .isGreaterThanOrEqualTo(4.5);
        }
        assertThat(ChartPalette.contrast(ChartPalette.DARK, ChartPalette.MID)).isGreaterThanOrEqualTo(3);
        assertThat(ChartPalette.contrast(ChartPalette.TEXT, "#ffffff")).isGreaterThanOrEqualTo(4.5);
        // neighbouring parts of a bar always differ
        assertThat(ChartPalette.fill(4)).isNotEqualTo(ChartPalette.fill(5));
    }
}
