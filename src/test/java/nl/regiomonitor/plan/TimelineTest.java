package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** How a plan's timeline text becomes the date its action is due: a rule, checked without the application. */
class TimelineTest {

    @Test
    void theDueDateIsTheDateNamedElseTheEndOfTheMonthQuarterOrYearNamed() {
        assertThat(Timeline.parse("Eind Q1 2024").orElseThrow().due()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Timeline.parse("Q2 2024").orElseThrow().due()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(Timeline.parse("Begin 2024").orElseThrow().due()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Timeline.parse("In de loop van 2024").orElseThrow().due()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Timeline.parse("Ingangsdatum PvA per 1-1-2024").orElseThrow().due())
                .isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(Timeline.parse("eind maart 2025").orElseThrow().due()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void aContinuousActionIsNeverDueAndATextWithoutADateHasNoTimeline() {
        assertThat(Timeline.parse("Continu").orElseThrow().continuous()).isTrue();
        assertThat(Timeline.parse("Continu").orElseThrow().due()).isNull();
        assertThat(Timeline.parse("31-02-2024")).isEmpty();
        assertThat(Timeline.parse("zodra het kan")).isEmpty();
    }
}
