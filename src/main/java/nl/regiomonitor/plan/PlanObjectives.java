package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.monitor.PublishedTrend;
import nl.regiomonitor.monitor.TrendChart;
import nl.regiomonitor.trend.Verdict;
import nl.regiomonitor.web.PublicationNotice;

/**
 * Each objective of a plan beside the figure it names, for the plan's regions together and protected
 * as everywhere: the monthly influx drawn and judged, or a profile's stock on its last reference
 * dates, and whether the judgement goes the way the objective wants.
 */
@Service
public class PlanObjectives {

    /** How many months of influx an objective's chart shows. */
    static final int MONTHS = 24;
    /** How many 1-October reference dates a profile's stock table shows. */
    static final int REFERENCE_DATES = 5;

    /** Whether an objective's figure moves the way it should, as words (never colour alone). */
    public enum Course {
        ON_COURSE("Op koers"),
        OFF_COURSE("Niet op koers"),
        UNKNOWN("Nog niet te beoordelen"),
        /** The published figures cannot say: too many months hidden for a verdict, or the latest count hidden. */
        CANNOT_JUDGE("Niet te beoordelen met de gepubliceerde cijfers");

        private final String dutch;

        Course(String dutch) {
            this.dutch = dutch;
        }

        public String dutch() {
            return dutch;
        }
    }

    /** A profile's stock on one reference date, summed over the plan's regions as published. */
    public record StockPoint(LocalDate date, Cell clients) {}

    /**
     * One objective with its figure: {@code chart} and {@code sentence} for a monthly series, {@code stock}
     * for a profile's stock; {@code followed} false for a figure the system does not count per month;
     * {@code basis} says in words what "op koers" is measured on (see {@link #basis}).
     */
    public record Followed(
            int number,
            ActionPlan.Objective objective,
            boolean followed,
            String chart,
            String sentence,
            String caption,
            List<StockPoint> stock,
            Course course,
            String source,
            String basis) {

        /** An objective on a figure the system does not count per month: no chart, no course. */
        static Followed notFollowed(int number, ActionPlan.Objective objective, String basis) {
            return new Followed(number, objective, false, null, null, null, List.of(), null, null, basis);
        }

        /** An objective on a profile's stock: its points instead of a monthly chart. */
        static Followed stock(
                int number,
                ActionPlan.Objective objective,
                String caption,
                List<StockPoint> points,
                Course course,
                String source,
                String basis) {
            return new Followed(number, objective, true, null, null, caption, points, course, source, basis);
        }

        /** An objective on a monthly series, with its chart and the sentence that says what it does. */
        static Followed monthly(
                int number,
                ActionPlan.Objective objective,
                String chart,
                String sentence,
                String caption,
                Course course,
                String source,
                String basis) {
            return new Followed(number, objective, true, chart, sentence, caption, List.of(), course, source, basis);
        }
    }

    private final InfluxTrend trend;
    private final InfluxFigures influx;
    private final StockFigures stock;
    /** Absent on the command line, which protects the figures as they are instead of reading a publication. */
    private final ObjectProvider<PublicationNotice> publication;

    PlanObjectives(
            InfluxTrend trend,
            InfluxFigures influx,
            StockFigures stock,
            ObjectProvider<PublicationNotice> publication) {
        this.trend = trend;
        this.influx = influx;
        this.stock = stock;
        this.publication = publication;
    }

    /** The line beneath an objective's figure: where its counts come from and which publication they are. */
    private String source() {
        PublicationNotice notice = publication.getIfAvailable();
        return "Bron: Regiomonitor Wlz-ggz, indicaties CIZ; "
                + (notice == null ? "cijfers zoals ingelezen" : notice.line().orElse("nog niet gepubliceerd")) + ".";
    }

    /** Every objective of {@code plan}, in its order. */
    public List<Followed> of(ActionPlan plan) {
        List<Followed> followed = new ArrayList<>();
        List<ActionPlan.Objective> objectives = plan.objectives() == null ? List.of() : plan.objectives();
        for (int i = 0; i < objectives.size(); i++) {
            followed.add(follow(i + 1, objectives.get(i), plan.regions()));
        }
        return followed;
    }

    private Followed follow(int number, ActionPlan.Objective objective, List<String> regions) {
        PlanFigure figure = objective.figure();
        YearMonth last = influx.lastMonth();
        String regionNames = regions.size() == 1 ? regions.get(0) : String.join(" en ", regions) + " samen";
        if (figure == PlanFigure.PROFILE_STOCK
                && objective.profileCode() != null
                && !objective.profileCode().isBlank()) {
            List<StockPoint> points = stockOf(objective.profileCode().strip(), regions);
            return Followed.stock(
                    number,
                    objective,
                    "Stand van profiel " + objective.profileCode().strip() + " op 1 oktober, " + regionNames,
                    points,
                    stockCourse(points, objective),
                    source(),
                    basis(objective));
        }
        // the influx figures count GGZ-W only; GGZ-B and a stock without profile are not followed per month
        if (last == null || (figure != PlanFigure.INFLUX_GGZ_W && figure != PlanFigure.YOUNG_ADULT_SHARE)) {
            return Followed.notFollowed(number, objective, basis(objective));
        }
        YearMonth from = last.minusMonths(MONTHS - 1);
        boolean young = figure == PlanFigure.YOUNG_ADULT_SHARE;
        PublishedTrend series = young
                ? trend.joint(regions, from, last, Breakdown.AGEBAND, InfluxFigures.YOUNG_ADULTS)
                : trend.joint(regions, from, last, Breakdown.NONE, null);
        String caption = (young ? "Maandelijkse instroom GGZ-W van 18–26-jarigen" : "Maandelijkse instroom GGZ-W")
                + ", " + regionNames;
        Course course = influxCourse(series, young, objective);
        if (!series.judged() && !young && regions.size() == 1) {
            // as the Instroommonitor does: per quarter where the months are too small for a judgement
            PublishedTrend quarterly = trend.published(regions.get(0), from, last, null, Period.QUARTER);
            if (quarterly.judged()) {
                series = quarterly;
                caption = "Instroom GGZ-W per kwartaal, " + regionNames + " (per maand te klein voor een oordeel)";
                Double level = quarterly.stableLevel();
                course = course(quarterly.verdict(), level == null ? null : level / 3, objective);
            }
        }
        String chart = TrendChart.svg(series, caption, null, "doel-" + number + "-grafiek");
        return Followed.monthly(
                number, objective, chart, series.sentence(), caption, course, source(), basis(objective));
    }

    /**
     * What "op koers" is measured on for {@code objective}, in words, as {@link #course} and {@link #stockCourse}
     * decide it, so a reader can check the judgement and knows what the target value is held against.
     */
    public static String basis(ActionPlan.Objective objective) {
        PlanFigure figure = objective.figure();
        boolean target = objective.targetValue() != null;
        Direction direction = objective.direction() != null ? objective.direction() : target ? Direction.DOWN : null;
        boolean stock = figure == PlanFigure.PROFILE_STOCK
                && objective.profileCode() != null
                && !objective.profileCode().isBlank();
        if (figure == null || (figure != PlanFigure.INFLUX_GGZ_W && figure != PlanFigure.YOUNG_ADULT_SHARE && !stock)) {
            return "Of dit doel op koers is, wordt niet beoordeeld: dit cijfer wordt (nog) niet per maand gevolgd.";
        }
        if (direction == null) {
            return "Of dit doel op koers is, wordt niet beoordeeld: het heeft geen richting of streefwaarde.";
        }
        boolean down = direction == Direction.DOWN;
        if (stock) {
            if (!target || direction == Direction.STABLE) {
                return "Of dit doel op koers is, wordt alleen beoordeeld met een streefwaarde en de richting dalen of stijgen: "
                        + "vijf jaarlijkse standen zijn te weinig voor een trend.";
            }
            return "Dit doel is op koers als de laatst gepubliceerde stand op 1 oktober "
                    + (down ? "hoogstens" : "minstens")
                    + " de streefwaarde is; niet op koers als de streefdatum is bereikt en de stand er nog "
                    + (down ? "boven" : "onder")
                    + " ligt.";
        }
        boolean young = figure == PlanFigure.YOUNG_ADULT_SHARE;
        String series = (young ? "het aantal 18–26-jarigen dat per maand instroomt" : "de maandelijkse instroom GGZ-W")
                + " over de laatste " + MONTHS + " gepubliceerde maanden";
        String judged = " volgens de trendanalyse van de Instroommonitor";
        String it = young ? "het" : "zij";
        if (direction == Direction.STABLE) {
            return "Dit doel is op koers als " + series + " stabiel is" + judged + "; niet op koers als " + it
                    + " aantoonbaar daalt of stijgt.";
        }
        String wanted = down ? "daalt" : "stijgt";
        String unwanted = down ? "stijgt" : "daalt";
        if (young) {
            return "Dit doel is op koers als " + series + " " + wanted + judged + "; niet op koers als het aantoonbaar "
                    + unwanted + "."
                    + (target ? " De streefwaarde is een aandeel en wordt niet tegen dat aantal gehouden." : "");
        }
        return "Dit doel is op koers als " + series + " " + wanted + judged
                + (target
                        ? ", of stabiel is op een niveau van " + (down ? "hoogstens" : "minstens")
                                + " de streefwaarde per maand"
                        : "")
                + "; niet op koers als zij aantoonbaar "
                + unwanted + ".";
    }

    /**
     * The course of an influx objective: none beside a series without a verdict (its sentence says why), so a chart
     * of mostly hidden months never reads "op koers".
     */
    static Course influxCourse(PublishedTrend series, boolean youngAdults, ActionPlan.Objective objective) {
        if (!series.judged()) {
            return Course.CANNOT_JUDGE;
        }
        // the young adults' chart counts people, the objective's target is a share: the level cannot be held against it
        return course(series.verdict(), youngAdults ? null : series.stableLevel(), objective);
    }

    private List<StockPoint> stockOf(String profile, List<String> regions) {
        List<StockPoint> points = new ArrayList<>();
        int lastYear = influx.latestReferenceYear();
        for (int year = lastYear - REFERENCE_DATES + 1; year <= lastYear; year++) {
            LocalDate date = LocalDate.of(year, 10, 1);
            long sum = 0;
            List<Cell> parts = new ArrayList<>();
            for (String region : regions) {
                for (StockFigures.StockRow row :
                        stock.stock(region, date, Breakdown.PROFILE).rows()) {
                    if (!row.seriesTotal() && row.category().code().equals(profile)) {
                        sum += row.clients();
                        parts.add(row.cell());
                    }
                }
            }
            points.add(new StockPoint(date, Cell.ofSum(sum, parts)));
        }
        return points;
    }

    /**
     * The course of a stock objective: five yearly counts make no trend to judge, so it is the latest
     * shown count against the target value ("at most" without a direction): reached is on course,
     * not reached on or after the target date is not, a hidden latest count cannot be judged, anything
     * else is not yet to be judged.
     */
    static Course stockCourse(List<StockPoint> points, ActionPlan.Objective objective) {
        Direction direction = objective.direction() == null ? Direction.DOWN : objective.direction();
        if (objective.targetValue() == null || points.isEmpty() || direction == Direction.STABLE) {
            return Course.UNKNOWN;
        }
        StockPoint latest = points.get(points.size() - 1);
        if (latest.clients().value() == null) {
            return Course.CANNOT_JUDGE;
        }
        int comparison = BigDecimal.valueOf(latest.clients().value()).compareTo(objective.targetValue());
        if (direction == Direction.DOWN ? comparison <= 0 : comparison >= 0) {
            return Course.ON_COURSE;
        }
        return objective.targetDate() != null && !latest.date().isBefore(objective.targetDate())
                ? Course.OFF_COURSE
                : Course.UNKNOWN;
    }

    /**
     * The course of an objective from the verdict on its series and the stable level when shown; a
     * target value without a direction means "at most".
     */
    static Course course(Verdict verdict, Double level, ActionPlan.Objective objective) {
        Direction direction = objective.direction() != null
                ? objective.direction()
                : objective.targetValue() != null ? Direction.DOWN : null;
        if (direction == null) {
            return Course.UNKNOWN;
        }
        Double target =
                objective.targetValue() == null ? null : objective.targetValue().doubleValue();
        return switch (direction) {
            case DOWN ->
                verdict == Verdict.DALEND
                                || verdict == Verdict.STABIEL && level != null && target != null && level <= target
                        ? Course.ON_COURSE
                        : verdict == Verdict.STIJGEND ? Course.OFF_COURSE : Course.UNKNOWN;
            case UP ->
                verdict == Verdict.STIJGEND
                                || verdict == Verdict.STABIEL && level != null && target != null && level >= target
                        ? Course.ON_COURSE
                        : verdict == Verdict.DALEND ? Course.OFF_COURSE : Course.UNKNOWN;
            case STABLE ->
                verdict == Verdict.STABIEL
                        ? Course.ON_COURSE
                        : verdict == Verdict.GEEN_SIGNAAL ? Course.UNKNOWN : Course.OFF_COURSE;
        };
    }
}
