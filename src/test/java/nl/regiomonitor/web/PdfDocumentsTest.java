package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A chart in a PDF gets its title as alt text, which PDF/UA asks of every picture; no control character breaks a PDF. */
class PdfDocumentsTest {

    @Test
    void aChartGetsItsTitleAsAltTextOnce() {
        String chart =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n  <title id=\"t\">Instroom &amp; &quot;stand&quot;</title><rect/></svg>";
        assertThat(PdfDocuments.withAltTexts(chart))
                .isEqualTo(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" alt=\"Instroom &amp; "
                                + "&quot;stand&quot;\">\n  <title id=\"t\">Instroom &amp; &quot;stand&quot;</title><rect/></svg>");
        String withAlt = "<svg alt=\"eigen\"><title>Titel</title></svg>";
        assertThat(PdfDocuments.withAltTexts(withAlt)).isEqualTo(withAlt);
        assertThat(PdfDocuments.withAltTexts("<p>geen grafiek</p>")).isEqualTo("<p>geen grafiek</p>");
    }

    @Test
    void controlCharactersAUserTypedAreLeftOutOfThePdfOnly() {
        assertThat(PdfDocuments.withoutControlCharacters("<p>bel&#x7; &#7;\u0007 &#x1F;&#31;&#xFEFF;</p>"))
                .isEqualTo("<p>bel  &#xFEFF;</p>");
        String allowed = "<p>tab&#x9; regel&#10; terug&#xD; spatie&#32; tekst&#x20AC;&#128512;</p>";
        assertThat(PdfDocuments.withoutControlCharacters(allowed)).isEqualTo(allowed);
    }
}
