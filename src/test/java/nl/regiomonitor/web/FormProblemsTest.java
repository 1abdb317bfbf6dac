package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class FormProblemsTest {

    @Test
    void aYearThatIsNoYearOrHasNoDataIsRefusedAtItsField() {
        FormProblems problems = new FormProblems();
        assertThat(problems.year("year", "2024", 2015, 2024)).isEqualTo(2024);
        assertThat(problems.year("year", "", 2015, 2024))
                .as("nothing typed: the page picks")
                .isNull();
        assertThat(problems.isEmpty()).isTrue();

        assertThat(problems.year("year", "20x4", 2015, 2024)).isNull();
        assertThat(problems.message("year")).isEqualTo("Vul het jaar in met vier cijfers, bijvoorbeeld 2024.");
        assertThat(problems.describedBy("year")).isEqualTo("year-error");
        assertThat(problems.invalid("year")).isEqualTo("true");

        FormProblems early = new FormProblems();
        assertThat(early.year("jaar", "1850", 2015, 2024)).isNull();
        assertThat(early.message("jaar"))
                .isEqualTo("Over 1850 zijn er geen gegevens. Kies een jaar van 2015 tot en met 2024.");
        assertThat(early.describedBy("other")).isNull();
    }

    @Test
    void monthsAndDatesMustExistAndAPeriodMustNotEndBeforeItStarts() {
        FormProblems problems = new FormProblems();
        assertThat(problems.month("from", "2024-03", "de eerste maand")).isEqualTo(YearMonth.of(2024, 3));
        assertThat(problems.date("from", "31-03-2024", "de datum")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(problems.date("from", "2024-03-31", "de datum")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(problems.isEmpty()).isTrue();

        assertThat(problems.month("to", "2024-13", "de laatste maand")).isNull();
        assertThat(problems.message("to")).contains("de laatste maand").contains("01 tot en met 12");
        assertThat(problems.date("day", "31-02-2024", "de datum")).isNull();
        assertThat(problems.message("day")).contains("bestaande datum");

        FormProblems order = new FormProblems();
        order.inOrder("to", YearMonth.of(2024, 5), YearMonth.of(2024, 2), "De laatste maand ligt vóór de eerste.");
        order.inOrder("other", YearMonth.of(2024, 2), YearMonth.of(2024, 2), "gelijk mag");
        assertThat(order.all()).containsExactly(new Problem("to", "De laatste maand ligt vóór de eerste."));
    }
}
