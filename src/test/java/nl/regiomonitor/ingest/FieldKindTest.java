package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.common.Dutch;

/** Every date an import accepts lies in a plausible range (issue 14.2). */
class FieldKindTest {

    private static final LocalDate TODAY = LocalDate.now(Dutch.ZONE);

    @Test
    void aDateLiesBetween2000AndAYearFromToday() {
        assertThat(FieldKind.DATE.parse("2000-01-01")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(FieldKind.DATE.parse(TODAY.plusYears(1).toString())).isEqualTo(TODAY.plusYears(1));
        assertThatThrownBy(() -> FieldKind.DATE.parse("1999-12-31")).hasMessageContaining("vóór 2000-01-01");
        assertThatThrownBy(() -> FieldKind.DATE.parse("1800-01-01")).hasMessageContaining("vóór 2000-01-01");
        assertThatThrownBy(() ->
                        FieldKind.DATE.parse(TODAY.plusYears(1).plusDays(1).toString()))
                .hasMessageContaining("meer dan een jaar na vandaag")
                .hasMessageEndingWith("(de laatste toegestane datum is " + TODAY.plusYears(1) + ")");
        assertThatThrownBy(() -> FieldKind.DATE.parse("9999-12-31"))
                .hasMessageContaining("meer dan een jaar na vandaag");
    }

    @Test
    void aDateReadBeforeIsTheSameDateAndADayThatDoesNotExistStaysRefused() {
        assertThat(FieldKind.DATE.parse("2023-02-28")).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(FieldKind.DATE.parse("2023-02-28")).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(FieldKind.DATE.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> FieldKind.DATE.parse("2023-02-29")).hasMessageContaining("geen bestaande datum");
        assertThatThrownBy(() -> FieldKind.DATE.parse("2023-04-31")).hasMessageContaining("geen bestaande datum");
        assertThatThrownBy(() -> FieldKind.DATE.parse("2023-00-10")).hasMessageContaining("geen bestaande datum");
        assertThat(FieldKind.MONTH.parse("2023-12")).isEqualTo(LocalDate.of(2023, 12, 1));
    }

    @Test
    void aDecisionDateIsNotInTheFuture() {
        assertThat(FieldKind.PAST_DATE.parse(TODAY.toString())).isEqualTo(TODAY);
        assertThatThrownBy(() -> FieldKind.PAST_DATE.parse(TODAY.plusDays(1).toString()))
                .hasMessageContaining("in de toekomst");
        assertThatThrownBy(() -> FieldKind.PAST_DATE.parse("1999-12-31")).hasMessageContaining("vóór 2000-01-01");
    }

    @Test
    void aMonthLiesInTheSameRange() {
        assertThat(FieldKind.MONTH.parse("2000-01")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThatThrownBy(() -> FieldKind.MONTH.parse("1999-12")).hasMessageContaining("vóór 2000-01-01");
        assertThatThrownBy(() -> FieldKind.MONTH.parse("9999-12")).hasMessageContaining("meer dan een jaar na vandaag");
    }
}
