package nl.regiomonitor.plan;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.security.CurrentUser;

/**
 * The plans as stored: the plan row with its workflow, and its regions, sections, objectives, actions (with progress)
 * and milestones, read by {@link PlanReader}: the same seven queries for one plan or all of them.
 * Who may read or write is the caller's to check.
 */
@Repository
class PlanRepository {

    /** PostgreSQL's SQL state for a {@code nowait} lock held by someone else. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcTemplate jdbc;
    private final PlanReader reader;

    PlanRepository(JdbcTemplate jdbc, PlanReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** The workflow fields of a plan, read under a row lock before any change. */
    record Header(long programmeId, PlanStatus status, int lockVersion, int versionNumber) {}

    Set<String> regions(long planId) {
        return new TreeSet<>(
                jdbc.queryForList("select region_code from plan_region where plan_id = ?", String.class, planId));
    }

    Set<String> regionCodes() {
        return new HashSet<>(jdbc.queryForList("select code from region", String.class));
    }

    Set<String> profileCodes() {
        return new HashSet<>(jdbc.queryForList("select code from care_profile", String.class));
    }

    /** The whole plan, with what is overdue on {@code today}. */
    Optional<ActionPlan> find(long id, LocalDate today) {
        return reader.read(id, today).stream().findFirst();
    }

    /** Every plan, newest change first, with what is overdue on {@code today}. */
    List<ActionPlan> all(LocalDate today) {
        return reader.read(null, today);
    }

    /** The plan a region's report names: its newest submitted (or judged) plan, else its newest draft. */
    Optional<Long> forReport(String region) {
        return jdbc.queryForList("""
                        select p.id from action_plan p join plan_region r on r.plan_id = p.id where r.region_code = ?
                        order by p.status = 'DRAFT', p.changed_at desc, p.id desc limit 1""", Long.class, region).stream().findFirst();
    }

    /**
     * The plan's row, locked until the transaction ends; a {@link DataAccessException} for which {@link #lockTaken}
     * holds when another transaction has it, as this never waits.
     */
    Optional<Header> lock(long id) {
        return jdbc
                .query(
                        """
                        select programme_id, status, lock_version, version_number from action_plan where id = ?
                        for update nowait""",
                        (rs, n) -> new Header(
                                rs.getLong(1), PlanStatus.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4)),
                        id)
                .stream()
                .findFirst();
    }

    static boolean lockTaken(DataAccessException e) {
        return e.getMostSpecificCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
    }

    /**
     * The actions and milestones of the plans of {@code region} that are not done and whose date lies before
     * {@code today}: what is overdue on that day.
     */
    List<OverdueItem> overdue(String region, LocalDate today) {
        return jdbc.query(
                """
                select p.id, p.title, 'ACTION' as kind, a.position, coalesce(a.description, '') as text,
                       coalesce(a.owner_party, '') as owner, a.due_date
                from plan_action a join action_plan p on p.id = a.plan_id join plan_region r on r.plan_id = p.id
                where r.region_code = ? and a.status <> 'DONE' and a.due_date < ?
                union all
                select p.id, p.title, 'MILESTONE', m.position, coalesce(m.milestone, m.activity, ''), '', m.due_date
                from plan_milestone m join action_plan p on p.id = m.plan_id join plan_region r on r.plan_id = p.id
                where r.region_code = ? and not m.done and m.due_date < ?
                order by 7, 1, 3, 4""",
                (rs, n) -> new OverdueItem(
                        rs.getLong(1),
                        rs.getString(2),
                        OverdueItem.Kind.valueOf(rs.getString(3)),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class)),
                region,
                today,
                region,
                today);
    }

    /** Every region's plans with their status and what is overdue in them on {@code today}: two queries in all. */
    Map<String, RegionPlans> perRegion(LocalDate today) {
        Map<String, List<RegionPlans.Plan>> plans = new TreeMap<>();
        jdbc.query("""
                select r.region_code, p.id, p.title, p.status, coalesce(p.late, false) as late, g.deadline
                from plan_region r join action_plan p on p.id = r.plan_id join programme g on g.id = p.programme_id
                order by r.region_code, p.changed_at desc, p.id desc""", rs -> {
            PlanStatus status = PlanStatus.valueOf(rs.getString("status"));
            LocalDate deadline = rs.getObject("deadline", LocalDate.class);
            plans.computeIfAbsent(rs.getString("region_code"), r -> new ArrayList<>())
                    .add(new RegionPlans.Plan(
                            rs.getLong("id"),
                            rs.getString("title"),
                            status,
                            rs.getBoolean("late"),
                            status == PlanStatus.DRAFT && deadline != null && deadline.isBefore(today)));
        });
        Map<String, Integer> overdue = new HashMap<>();
        jdbc.query(
                """
                select r.region_code, count(*) from (
                    select plan_id from plan_action where status <> 'DONE' and due_date < ?
                    union all
                    select plan_id from plan_milestone where not done and due_date < ?) o
                join plan_region r on r.plan_id = o.plan_id group by r.region_code""",
                rs -> {
                    overdue.put(rs.getString(1), rs.getInt(2));
                },
                today,
                today);
        Map<String, RegionPlans> result = new TreeMap<>();
        plans.forEach((region, list) ->
                result.put(region, new RegionPlans(region, List.copyOf(list), overdue.getOrDefault(region, 0))));
        return result;
    }

    // ---- writing

    /** A new draft of version 1 with {@code content}; its id. */
    long insert(long programmeId, PlanContent content) {
        long id = jdbc.queryForObject(
                "insert into action_plan (programme_id, title, status, changed_by) "
                        + "values (?, ?, 'DRAFT', ?) returning id",
                Long.class,
                programmeId,
                content.title().strip(),
                CurrentUser.name());
        writeContent(id, content);
        return id;
    }

    /** Replaces the content, as version {@code versionNumber}, a draft; without submission when {@code nextVersion}. */
    void update(long id, PlanContent content, int versionNumber, boolean nextVersion) {
        jdbc.update(
                """
                update action_plan set title = ?, lock_version = lock_version + 1, version_number = ?, status = 'DRAFT',
                    submitted_at = case when ? then null else submitted_at end,
                    submitted_by = case when ? then null else submitted_by end,
                    late = case when ? then false else late end,
                    changed_at = now(), changed_by = ?
                where id = ?""",
                content.title().strip(),
                versionNumber,
                nextVersion,
                nextVersion,
                nextVersion,
                CurrentUser.name(),
                id);
        writeContent(id, content);
    }

    void submitted(long id, OffsetDateTime at, boolean late) {
        jdbc.update("""
                update action_plan set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?, late = ?,
                    lock_version = lock_version + 1, changed_at = now(), changed_by = ?
                where id = ?""", at, CurrentUser.name(), late, CurrentUser.name(), id);
    }

    void reviewed(long id, PlanStatus outcome, String comment) {
        jdbc.update("""
                update action_plan set status = ?, review_comment = ?, reviewed_at = now(), reviewed_by = ?,
                    lock_version = lock_version + 1, changed_at = now(), changed_by = ?
                where id = ?""", outcome.name(), comment, CurrentUser.name(), CurrentUser.name(), id);
    }

    /** A progress note that gives the action {@code status}; the plan's lock version goes up, its version does not. */
    void progress(long planId, long actionId, ActionStatus status, String note) {
        jdbc.update(
                "insert into plan_action_progress (action_id, note, status, written_by) values (?, ?, ?, ?)",
                actionId,
                note,
                status.name(),
                CurrentUser.name());
        jdbc.update("update plan_action set status = ? where id = ?", status.name(), actionId);
        jdbc.update("update action_plan set lock_version = lock_version + 1 where id = ?", planId);
    }

    /** Writes regions, sections, objectives, actions and milestones as {@code content} has them; actions keep notes. */
    private void writeContent(long id, PlanContent content) {
        jdbc.update("delete from plan_region where plan_id = ?", id);
        for (String region : new TreeSet<>(content.regions())) {
            jdbc.update("insert into plan_region (plan_id, region_code) values (?, ?)", id, region);
        }
        jdbc.update("delete from plan_section where plan_id = ?", id);
        content.sections().forEach((section, value) -> {
            String text = value == null ? null : value.text();
            if (!PlanContent.blank(text)) {
                jdbc.update(
                        "insert into plan_section (plan_id, section, body) values (?, ?, ?)",
                        id,
                        section.name(),
                        text.strip());
            }
        });
        jdbc.update("delete from plan_objective where plan_id = ?", id);
        List<Objective> objectives = content.objectives();
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            jdbc.update(
                    """
                    insert into plan_objective
                        (plan_id, position, description, figure, profile_code, direction, target_value, target_date)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    id,
                    i + 1,
                    strip(o.description()),
                    o.figure() == null ? null : o.figure().name(),
                    strip(o.profileCode()),
                    o.direction() == null ? null : o.direction().name(),
                    o.targetValue(),
                    o.targetDate());
        }
        writeActions(id, content.actions());
        jdbc.update("delete from plan_milestone where plan_id = ?", id);
        List<Milestone> milestones = content.milestones();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            jdbc.update(
                    "insert into plan_milestone (plan_id, position, activity, milestone, due_date, done) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    id,
                    i + 1,
                    strip(m.activity()),
                    strip(m.milestone()),
                    m.dueDate(),
                    Boolean.TRUE.equals(m.done()));
        }
    }

    private void writeActions(long id, List<Action> actions) {
        Set<Long> existing =
                new HashSet<>(jdbc.queryForList("select id from plan_action where plan_id = ?", Long.class, id));
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            LocalDate due = Action.dueOf(a.timeline());
            String status = (a.status() == null ? ActionStatus.NOT_STARTED : a.status()).name();
            // an action sent back with its id (and not twice) is the same action, so its progress notes stay with it
            if (a.id() != null && existing.contains(a.id()) && kept.add(a.id())) {
                jdbc.update(
                        """
                        update plan_action set position = ?, paragraph = ?, description = ?, owner_party = ?,
                            owner_role = ?, timeline = ?, due_date = ?, status = ? where id = ?""",
                        i + 1,
                        strip(a.paragraph()),
                        strip(a.description()),
                        strip(a.owner()),
                        strip(a.ownerRole()),
                        strip(a.timeline()),
                        due,
                        status,
                        a.id());
            } else {
                jdbc.update(
                        """
                        insert into plan_action
                            (plan_id, position, paragraph, description, owner_party, owner_role, timeline, due_date,
                             status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        id,
                        i + 1,
                        strip(a.paragraph()),
                        strip(a.description()),
                        strip(a.owner()),
                        strip(a.ownerRole()),
                        strip(a.timeline()),
                        due,
                        status);
            }
        }
        existing.removeAll(kept);
        existing.forEach(gone -> jdbc.update("delete from plan_action where id = ?", gone));
    }

    private static String strip(String text) {
        return PlanContent.blank(text) ? null : text.strip();
    }
}
