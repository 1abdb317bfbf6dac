package nl.regiomonitor.plan;

import static nl.regiomonitor.plan.PlanObjectives.Course.OFF_COURSE;
import static nl.regiomonitor.plan.PlanObjectives.Course.ON_COURSE;
import static nl.regiomonitor.plan.PlanObjectives.Course.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.regiomonitor.trend.Verdict;
import org.junit.jupiter.api.Test;

/** Whether an objective is on course, from the verdict on its figure and the level shown. */
class PlanObjectivesTest {

    private static ActionPlan.Objective objective(Direction direction, String target) {
        return new ActionPlan.Objective("Doel", PlanFigure.INFLUX_GGZ_W, null, null, direction, null,
                target == null ? null : new BigDecimal(target), LocalDate.of(2030, 1, 1), null);
    }

    @Test
    void downIsOnCourseWhenFallingOrStableAtOrBelowTheTarget() {
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(Direction.DOWN, null))).isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, 20.0, objective(Direction.DOWN, "20"))).isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, 21.0, objective(Direction.DOWN, "20"))).isEqualTo(UNKNOWN);
        // a hidden level cannot be held against the target
        assertThat(PlanObjectives.course(Verdict.STABIEL, null, objective(Direction.DOWN, "20"))).isEqualTo(UNKNOWN);
        assertThat(PlanObjectives.course(Verdict.STIJGEND, null, objective(Direction.DOWN, "20"))).isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.GEEN_SIGNAAL, 5.0, objective(Direction.DOWN, "20"))).isEqualTo(UNKNOWN);
    }

    @Test
    void upIsTheMirrorAndStableWantsNoChange() {
        assertThat(PlanObjectives.course(Verdict.STIJGEND, null, objective(Direction.UP, null))).isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, 30.0, objective(Direction.UP, "25"))).isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(Direction.UP, null))).isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.STABIEL, null, objective(Direction.STABLE, null))).isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(Direction.STABLE, null))).isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.STIJGEND, null, objective(Direction.STABLE, null))).isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.GEEN_SIGNAAL, null, objective(Direction.STABLE, null))).isEqualTo(UNKNOWN);
    }

    @Test
    void aTargetWithoutDirectionMeansAtMost() {
        assertThat(PlanObjectives.course(Verdict.STABIEL, 90.0, objective(null, "100"))).isEqualTo(ON_COURSE);
        assertThat(PlanObjectives.course(Verdict.STIJGEND, 90.0, objective(null, "100"))).isEqualTo(OFF_COURSE);
        assertThat(PlanObjectives.course(Verdict.DALEND, null, objective(null, null))).isEqualTo(UNKNOWN);
    }
}
