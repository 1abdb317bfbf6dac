package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.plan.ActionPlan.Progress;
import nl.regiomonitor.plan.ActionPlan.Section;

/**
 * Whole plans as stored, with their regions, sections, objectives, actions (with progress) and milestones: a query per
 * table, so reading one plan takes as many queries as reading all of them.
 */
@Repository
class PlanReader {

    private final JdbcTemplate jdbc;

    PlanReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan {@code only}, or every plan when null: a query per table, as many for one plan as for all of them. */
    List<ActionPlan> read(Long only, LocalDate today) {
        Object[] args = only == null ? new Object[0] : new Object[] {only};
        record Titled(PlanState state, String title) {}
        List<Titled> plans = jdbc.query(
                "select p.*, g.name as programme_name, g.deadline from action_plan p "
                        + "join programme g on g.id = p.programme_id" + where("p.id", only)
                        + " order by p.changed_at desc, p.id desc",
                (rs, n) -> new Titled(state(rs), rs.getString("title")),
                args);
        if (plans.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> regions = new HashMap<>();
        jdbc.query(
                "select plan_id, region_code from plan_region" + where("plan_id", only),
                rs -> {
                    regions.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                },
                args);
        Map<Long, Map<String, String>> bodies = new HashMap<>();
        jdbc.query(
                "select plan_id, section, body from plan_section" + where("plan_id", only),
                rs -> {
                    bodies.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                },
                args);
        Map<Long, List<Objective>> objectives = perPlan(
                "select * from plan_objective" + where("plan_id", only) + " order by plan_id, position",
                (rs, n) -> objective(rs),
                args);
        Map<Long, List<Progress>> progress = new HashMap<>();
        jdbc.query(
                "select g.* from plan_action_progress g join plan_action a on a.id = g.action_id"
                        + where("a.plan_id", only)
                        + " order by g.written_at, g.id",
                rs -> {
                    ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
                    progress.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>())
                            .add(new Progress(
                                    rs.getString("note"),
                                    status,
                                    status.dutch(),
                                    rs.getObject("written_at", OffsetDateTime.class),
                                    rs.getString("written_by")));
                },
                args);
        Map<Long, List<Action>> actions = perPlan(
                "select * from plan_action" + where("plan_id", only) + " order by plan_id, position",
                (rs, n) -> action(rs, today, progress.getOrDefault(rs.getLong("id"), List.of())),
                args);
        Map<Long, List<Milestone>> milestones = perPlan(
                "select * from plan_milestone" + where("plan_id", only) + " order by plan_id, position",
                (rs, n) -> milestone(rs, today),
                args);
        return plans.stream()
                .map(plan -> {
                    long id = plan.state().id();
                    Map<PlanSection, Section> sections = new EnumMap<>(PlanSection.class);
                    Map<String, String> written = bodies.getOrDefault(id, Map.of());
                    for (PlanSection section : PlanSection.values()) {
                        sections.put(section, Section.of(section, written.get(section.name())));
                    }
                    return ActionPlan.of(
                            plan.state(),
                            new PlanContent(
                                    plan.title(),
                                    List.copyOf(regions.getOrDefault(id, Set.of())),
                                    sections,
                                    objectives.getOrDefault(id, List.of()),
                                    actions.getOrDefault(id, List.of()),
                                    milestones.getOrDefault(id, List.of())));
                })
                .toList();
    }

    private static String where(String column, Long only) {
        return only == null ? "" : " where " + column + " = ?";
    }

    /** The rows of {@code sql}, which has a {@code plan_id} column, per plan in their order. */
    private <T> Map<Long, List<T>> perPlan(String sql, RowMapper<T> mapper, Object[] args) {
        Map<Long, List<T>> rows = new HashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    rows.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
                            .add(mapper.mapRow(rs, rs.getRow()));
                },
                args);
        return rows;
    }

    private static PlanState state(ResultSet rs) throws SQLException {
        return new PlanState(
                rs.getLong("id"),
                rs.getLong("programme_id"),
                rs.getString("programme_name"),
                rs.getObject("deadline", LocalDate.class),
                PlanStatus.valueOf(rs.getString("status")),
                rs.getInt("lock_version"),
                rs.getInt("version_number"),
                time(rs, "submitted_at"),
                rs.getString("submitted_by"),
                rs.getObject("late", Boolean.class),
                rs.getString("review_comment"),
                time(rs, "reviewed_at"),
                rs.getString("reviewed_by"),
                time(rs, "changed_at"),
                rs.getString("changed_by"));
    }

    private static Objective objective(ResultSet rs) throws SQLException {
        PlanFigure figure = rs.getString("figure") == null ? null : PlanFigure.valueOf(rs.getString("figure"));
        Direction direction = rs.getString("direction") == null ? null : Direction.valueOf(rs.getString("direction"));
        BigDecimal target = rs.getBigDecimal("target_value");
        return Objective.written(
                rs.getString("description"),
                figure,
                rs.getString("profile_code"),
                direction,
                target == null ? null : target.stripTrailingZeros(),
                rs.getObject("target_date", LocalDate.class));
    }

    private static Action action(ResultSet rs, LocalDate today, List<Progress> progress) throws SQLException {
        ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new Action(
                rs.getLong("id"),
                rs.getString("paragraph"),
                rs.getString("description"),
                rs.getString("owner_party"),
                rs.getString("owner_role"),
                rs.getString("timeline"),
                due,
                status,
                status.dutch(),
                status != ActionStatus.DONE && due != null && due.isBefore(today),
                progress);
    }

    private static Milestone milestone(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        boolean done = rs.getBoolean("done");
        return new Milestone(
                rs.getString("activity"),
                rs.getString("milestone"),
                due,
                done,
                !done && due != null && due.isBefore(today));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(Dutch.ZONE).toOffsetDateTime();
    }
}
