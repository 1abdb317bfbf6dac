package nl.regiomonitor.plan;

import static nl.regiomonitor.plan.PlanObjectives.Course.CANNOT_JUDGE;
import static nl.regiomonitor.plan.PlanObjectives.Course.OFF_COURSE;
import static nl.regiomonitor.plan.PlanObjectives.Course.ON_COURSE;
import static nl.regiomonitor.plan.PlanObjectives.Course.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.monitor.PublishedTrend;
import nl.regiomonitor.trend.Verdict;

/** Whether an objective is on course, from the verdict on its figure and the level shown. */
class PlanObjectivesTest {

    private static ActionPlan.Objective objective(Direction direction, String target) {
        return ActionPlan.Objective.of("Doel", PlanFigure.INFLUX_GGZ_W, direction, LocalDate.of(2030, 1, 1))
                .withTargetValue(target == null ? null : new BigDecimal(target));
    }

    @Test
    void downIsOnCourseWhenFallingOrStableAtOrBelowTheTarget() {
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(Direction.DOWN, null)))
                .isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, 20.0, objective(Direction.DOWN, "20")))
                .isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, 21.0, objective(Direction.DOWN, "20")))
                .isEqualTo(UNKNOWN);
        // a hidden level cannot be held against the target
        assertThat(PlanObjectives.course(Verdict.STABIEL, null, objective(Direction.DOWN, "20")))
                .isEqualTo(UNKNOWN);
        assertThat(PlanObjectives.course(Verdict.STIJGEND, null, objective(Direction.DOWN, "20")))
                .isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.GEEN_SIGNAAL, 5.0, objective(Direction.DOWN, "20")))
                .isEqualTo(UNKNOWN);
    }

    @Test
    void upIsTheMirrorAndStableWantsNoChange() {
        assertThat(PlanObjectives.course(Verdict.STIJGEND, null, objective(Direction.UP, null)))
                .isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, 30.0, objective(Direction.UP, "25")))
                .isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(Direction.UP, null)))
                .isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, null, objective(Direction.STABLE, null)))
                .isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(Direction.STABLE, null)))
                .isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.STIJGEND, null, objective(Direction.STABLE, null)))
                .isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.GEEN_SIGNAAL, null, objective(Direction.STABLE, null)))
                .isEqualTo(UNKNOWN);
    }

    @Test
    void aTargetWithoutDirectionMeansAtMost() {
        assertThat(PlanObjectives.course(Verdict.STABIEL, 90.0, objective(null, "100")))
                .isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STIJGEND, 90.0, objective(null, "100")))
                .isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(null, null)))
                .isEqualTo(UNKNOWN);
    }

    @Test
    void aStockIsOnCourseWhenItsLatestShownCountReachesTheTarget() {
        List<PlanObjectives.StockPoint> points = List.of(
                new PlanObjectives.StockPoint(LocalDate.of(2023, 10, 1), Cell.ofCount(130)),
                new PlanObjectives.StockPoint(LocalDate.of(2024, 10, 1), Cell.ofCount(118)));
        assertThat(PlanObjectives.stockCourse(points, objective(Direction.DOWN, "120")))
                .isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.stockCourse(points, objective(null, "110"))).isEqualTo(UNKNOWN);
        assertThat(PlanObjectives.stockCourse(points, objective(Direction.UP, "125")))
                .isEqualTo(UNKNOWN);
        // the target date has come and the count is above it
        ActionPlan.Objective due = ActionPlan.Objective.of(
                        "Doel", PlanFigure.PROFILE_STOCK, Direction.DOWN, LocalDate.of(2024, 10, 1))
                .withProfileCode("GGZ03W")
                .withTargetValue(new BigDecimal("110"));
        assertThat(PlanObjectives.stockCourse(points, due)).isEqualTo(OFF_COURSE);
        // a hidden count cannot be held against the target
        List<PlanObjectives.StockPoint> hidden = List.of(new PlanObjectives.StockPoint(
                LocalDate.of(2024, 10, 1), Cell.ofClients(3, ProtectionPattern.Mark.SECONDARY, 5)));
        assertThat(PlanObjectives.stockCourse(hidden, due)).isEqualTo(CANNOT_JUDGE);
        assertThat(PlanObjectives.stockCourse(points, objective(Direction.DOWN, null)))
                .isEqualTo(UNKNOWN);
    }

    @Test
    void aSeriesOfMostlySmallMonthsGetsNoCourseAtAllNeverOpKoers() {
        List<YearMonth> months = new ArrayList<>();
        List<Cell> small = new ArrayList<>();
        List<Cell> shown = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            months.add(YearMonth.of(2023, 1).plusMonths(i));
            // a month in four shown: three in four hidden as <5
            small.add(i % 4 == 0 ? Cell.ofCount(5) : Cell.ofClients(3, ProtectionPattern.Mark.PRIMARY, 5));
            shown.add(Cell.ofCount(i % 2 == 0 ? 6 : 7));
        }
        ActionPlan.Objective atMostTen = objective(Direction.DOWN, "10");
        // judged on stand-ins it would be "stable around 2-3, under 10": on course; unpublished, it cannot be judged
        assertThat(PlanObjectives.influxCourse(PublishedTrend.of(months, small, 5), false, atMostTen))
                .isEqualTo(CANNOT_JUDGE);
        assertThat(PlanObjectives.influxCourse(PublishedTrend.of(months, shown, 5), false, atMostTen))
                .isEqualTo(ON_COURSE);
    }

    @Test
    void theBasisSaysWhatTheCourseIsMeasuredOnAsTheRulesAbove() {
        assertThat(PlanObjectives.basis(objective(Direction.DOWN, "20")))
                .isEqualTo(
                        "Dit doel is op koers als de maandelijkse instroom "
                                + "GGZ-W over de laatste 24 gepubliceerde maanden daalt volgens de trendanalyse van de Instroommonitor, of stabiel is op "
                                + "een niveau van hoogstens de streefwaarde per maand; niet op koers als zij aantoonbaar stijgt.");
        assertThat(PlanObjectives.basis(objective(Direction.UP, null)))
                .contains("maanden stijgt volgens")
                .doesNotContain("streefwaarde")
                .endsWith("niet op koers als zij aantoonbaar daalt.");
        assertThat(PlanObjectives.basis(objective(null, null))).endsWith("het heeft geen richting of streefwaarde.");
        ActionPlan.Objective stock = ActionPlan.Objective.written(
                "Doel", PlanFigure.PROFILE_STOCK, "GGZ03W", null, new BigDecimal("110"), LocalDate.of(2026, 10, 1));
        assertThat(PlanObjectives.basis(stock))
                .startsWith("Dit doel is op koers als de laatst gepubliceerde stand op 1 oktober hoogstens "
                        + "de streefwaarde is;");
        ActionPlan.Objective careB =
                ActionPlan.Objective.of("Doel", PlanFigure.INFLUX_GGZ_B, Direction.DOWN, LocalDate.of(2026, 1, 1));
        assertThat(PlanObjectives.basis(careB)).contains("niet per maand gevolgd");
        assertThat(PlanFigure.YOUNG_ADULT_SHARE.amount(new BigDecimal("8.50"))).isEqualTo("8,5% van de instroom GGZ-W");
        assertThat(PlanFigure.INFLUX_GGZ_W.amount(new BigDecimal("20")))
                .isEqualTo("20 nieuwe cliënten GGZ-W per maand");
    }
}
