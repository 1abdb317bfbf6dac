package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.plan.ActionPlan.Progress;
import nl.regiomonitor.plan.ActionPlan.Section;
import nl.regiomonitor.web.Problem;
import nl.regiomonitor.web.Refusal;
import nl.regiomonitor.web.RichText;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.PlanRegions;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans van aanpak: written by the care office and municipalities of the plan's regions,
 * submitted when complete, accepted or returned by the national programme, and followed (actions,
 * milestones, overdue). Every write runs in one transaction, checks the lock version the writer
 * saw, writes the audit trail with before and after, and keeps the plan's current version as a
 * snapshot in {@code plan_version}. Who may do what is decided by {@link AccessRules}; this service
 * asks it with the plan's regions, so other packages calling it get the same answer as the API.
 */
@Service
public class PlanService implements PlanRegions {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final int MAX_SECTION = 20_000;
    static final int MAX_TEXT = 2_000;
    static final int MAX_SHORT = 200;
    static final int MAX_ROWS = 200;
    /** PostgreSQL's SQL state for a {@code nowait} lock held by someone else. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final AccessRules rules;
    private final Programmes programmes;
    private final ObjectMapper json;

    PlanService(JdbcTemplate jdbc, AuditService audit, AccessRules rules, Programmes programmes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.rules = rules;
        this.programmes = programmes;
        this.json = json;
    }

    /** The workflow fields of a plan, read under a row lock before any change. */
    private record Header(long programmeId, PlanStatus status, int lockVersion, int versionNumber) {
    }

    @Override
    public Set<String> of(long planId) {
        return new TreeSet<>(jdbc.queryForList("select region_code from plan_region where plan_id = ?", String.class, planId));
    }

    /** The plans the current user may read, of {@code region} when given, newest change first. */
    public List<PlanSummary> list(String region) {
        List<PlanSummary> plans = new ArrayList<>();
        for (long id : jdbc.queryForList("select id from action_plan order by changed_at desc, id desc", Long.class)) {
            Set<String> regions = of(id);
            if ((region == null || regions.contains(region)) && rules.permits(AccessRules.READ_PLAN, regions)) {
                ActionPlan p = load(id, today());
                plans.add(new PlanSummary(id, p.title(), p.programme(), p.regions(), p.status(), p.statusLabel(), p.versionNumber(),
                        p.lockVersion(), p.completeness(), p.late(), p.submittedAt(), p.changedAt()));
            }
        }
        return plans;
    }

    /**
     * The plan a region's regioperspectief names, whoever builds it: the newest one submitted (or accepted, or
     * sent back) in which the region takes part, else its newest draft. The report shows its title, status and
     * objectives, which its care office publishes; the plan itself stays behind login.
     */
    public Optional<ActionPlan> forReport(String region) {
        return jdbc.queryForList("""
                        select p.id from action_plan p join plan_region r on r.plan_id = p.id where r.region_code = ?
                        order by p.status = 'DRAFT', p.changed_at desc, p.id desc limit 1""", Long.class, region)
                .stream().findFirst().map(id -> load(id, today()));
    }

    /** A plan the current user may read. */
    public ActionPlan get(long id) {
        require(AccessRules.READ_PLAN, existingRegions(id));
        return load(id, today());
    }

    /** A new plan (a draft, version 1) with what {@code input} already holds; the user must author in each of its regions. */
    @Transactional
    public ActionPlan create(ActionPlan input) {
        return create(input, regions -> regions.forEach(r -> require(AccessRules.WRITE_PLAN, Set.of(r))));
    }

    ActionPlan create(ActionPlan input, Consumer<Set<String>> gate) {
        List<Problem> problems = new ArrayList<>();
        if (input.programmeId() == null || programmes.find(input.programmeId()).isEmpty()) {
            problems.add(new Problem("programmeId", "Kies het programma waarvoor dit plan is (zie /api/v1/programmes)."));
        }
        problems.addAll(checkInput(input));
        refuseIf(problems, "Het plan is niet aangemaakt");
        Set<String> regions = new TreeSet<>(input.regions());
        gate.accept(regions);
        long id = jdbc.queryForObject("insert into action_plan (programme_id, title, status, changed_by) values (?, ?, 'DRAFT', ?) returning id",
                Long.class, input.programmeId(), input.title().strip(), CurrentUser.name());
        writeContent(id, input);
        ActionPlan created = load(id, today());
        keepVersion(created);
        audit.record(AuditAction.CREATE, "plan van aanpak", id, String.join(",", regions),
                "Plan van aanpak '" + created.title() + "' aangemaakt", null, auditValues(created));
        return created;
    }

    /**
     * Saves the whole plan as {@code input} has it, when nobody changed it since {@code lockVersion}.
     * A draft is changed in place and may be incomplete; a submitted, accepted or returned plan stays
     * as it was in its version and the change becomes the next version, a draft.
     */
    @Transactional
    public ActionPlan save(long id, int lockVersion, ActionPlan input) {
        return save(id, lockVersion, input, regions -> require(AccessRules.WRITE_PLAN, regions));
    }

    ActionPlan save(long id, int lockVersion, ActionPlan input, Consumer<Set<String>> gate) {
        refuseIf(checkInput(input), "Het plan is niet opgeslagen");
        Header header = locked(id, lockVersion, gate);
        Set<String> oldRegions = of(id);
        Set<String> newRegions = new TreeSet<>(input.regions());
        Set<String> changedRegions = new TreeSet<>(oldRegions);
        changedRegions.addAll(newRegions);
        changedRegions.removeIf(r -> oldRegions.contains(r) && newRegions.contains(r));
        // adding or removing a region is a change to that region's plan, so it needs authoring rights there too
        changedRegions.forEach(r -> gate.accept(Set.of(r)));
        ActionPlan before = load(id, today());
        boolean nextVersion = header.status().frozen();
        jdbc.update("""
                update action_plan set title = ?, lock_version = lock_version + 1, version_number = ?, status = 'DRAFT',
                    submitted_at = case when ? then null else submitted_at end,
                    submitted_by = case when ? then null else submitted_by end,
                    late = case when ? then false else late end,
                    changed_at = now(), changed_by = ?
                where id = ?""", input.title().strip(), header.versionNumber() + (nextVersion ? 1 : 0),
                nextVersion, nextVersion, nextVersion, CurrentUser.name(), id);
        writeContent(id, input);
        ActionPlan after = load(id, today());
        keepVersion(after);
        audit.record(AuditAction.CHANGE, "plan van aanpak", id, String.join(",", after.regions()),
                "Plan van aanpak '" + after.title() + "' gewijzigd" + (nextVersion ? ", nieuwe versie " + after.versionNumber() : ""),
                auditValues(before), auditValues(after));
        return after;
    }

    /**
     * Submits a complete draft: refused with every problem when incomplete; late when after the
     * programme's deadline. {@code lockVersion} null skips the check of what the user saw.
     */
    @Transactional
    public ActionPlan submit(long id, Integer lockVersion) {
        return submit(id, lockVersion, regions -> require(AccessRules.WRITE_PLAN, regions), OffsetDateTime.now());
    }

    ActionPlan submit(long id, Integer lockVersion, Consumer<Set<String>> gate, OffsetDateTime at) {
        Header header = locked(id, lockVersion, gate);
        if (header.status() != PlanStatus.DRAFT) {
            throw new PlanRefused(Refusal.Kind.WRONG_STATE, header.status() == PlanStatus.RETURNED
                    ? "Dit plan is teruggestuurd; wijzig het eerst, dan wordt het een nieuwe versie die u kunt indienen."
                    : "Dit plan is al ingediend (status " + header.status().dutch().toLowerCase() + ").");
        }
        ActionPlan before = load(id, today());
        List<Problem> problems = validate(before);
        if (!problems.isEmpty()) {
            throw new InvalidPlan("Het plan is nog niet compleet en is niet ingediend: " + problems.size()
                    + (problems.size() == 1 ? " punt" : " punten") + " om aan te vullen.", problems);
        }
        LocalDate deadline = programmes.find(header.programmeId()).orElseThrow().deadline();
        boolean late = at.atZoneSameInstant(AMSTERDAM).toLocalDate().isAfter(deadline);
        jdbc.update("""
                update action_plan set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?, late = ?,
                    lock_version = lock_version + 1, changed_at = now(), changed_by = ?
                where id = ?""", at, CurrentUser.name(), late, CurrentUser.name(), id);
        ActionPlan after = load(id, today());
        keepVersion(after);
        audit.record(AuditAction.SUBMIT, "plan van aanpak", id, String.join(",", after.regions()),
                "Plan van aanpak '" + after.title() + "' versie " + after.versionNumber() + " ingediend" + (late ? " (na de uiterste datum)" : ""),
                workflowValues(before), workflowValues(after));
        return after;
    }

    /** Accepts a submitted plan (national programme only). */
    @Transactional
    public ActionPlan accept(long id, Integer lockVersion) {
        return review(id, lockVersion, PlanStatus.ACCEPTED, null);
    }

    /** Returns a submitted plan to its region with a comment saying what to change (national programme only). */
    @Transactional
    public ActionPlan sendBack(long id, Integer lockVersion, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty() || text.length() > 5000) {
            throw new InvalidPlan("Het plan is niet teruggestuurd.", List.of(new Problem("comment", text.isEmpty()
                    ? "Schrijf erbij waarom het plan wordt teruggestuurd en wat de regio moet aanpassen."
                    : "De toelichting is hoogstens 5000 tekens.")));
        }
        return review(id, lockVersion, PlanStatus.RETURNED, text);
    }

    private ActionPlan review(long id, Integer lockVersion, PlanStatus outcome, String comment) {
        Header header = locked(id, lockVersion, regions -> require(AccessRules.REVIEW_PLAN, regions));
        if (header.status() != PlanStatus.SUBMITTED) {
            throw new PlanRefused(Refusal.Kind.WRONG_STATE, "Alleen een ingediend plan kan worden geaccepteerd of "
                    + "teruggestuurd; dit plan is " + header.status().dutch().toLowerCase() + ".");
        }
        ActionPlan before = load(id, today());
        jdbc.update("""
                update action_plan set status = ?, review_comment = ?, reviewed_at = now(), reviewed_by = ?,
                    lock_version = lock_version + 1, changed_at = now(), changed_by = ?
                where id = ?""", outcome.name(), comment, CurrentUser.name(), CurrentUser.name(), id);
        ActionPlan after = load(id, today());
        keepVersion(after);
        audit.record(outcome == PlanStatus.ACCEPTED ? AuditAction.ACCEPT : AuditAction.RETURN, "plan van aanpak", id,
                String.join(",", after.regions()), "Plan van aanpak '" + after.title() + "' versie " + after.versionNumber() + " "
                        + outcome.dutch().toLowerCase(), workflowValues(before), workflowValues(after));
        return after;
    }

    /**
     * Progress on one action: a new status and/or a note. Following a plan is not changing it, so
     * this works on a submitted plan too and starts no new version; it does raise the lock version,
     * so an editor holding the plan from before does not overwrite the new status.
     */
    @Transactional
    public ActionPlan reportProgress(long id, long actionId, ActionStatus status, String note) {
        return reportProgress(id, actionId, status, note, regions -> require(AccessRules.REPORT_PLAN_PROGRESS, regions),
                this::requireOwnAction);
    }

    /** As {@link #reportProgress(long, long, ActionStatus, String)}, with {@code owner} deciding whether this action is the user's. */
    ActionPlan reportProgress(long id, long actionId, ActionStatus status, String note, Consumer<Set<String>> gate,
                              BiConsumer<Set<String>, Action> owner) {
        locked(id, null, gate);
        ActionPlan before = load(id, today());
        int index = indexOfAction(before, actionId);
        Action action = before.actions().get(index);
        owner.accept(new TreeSet<>(before.regions()), action);
        String text = note == null || note.isBlank() ? null : note.strip();
        List<Problem> problems = new ArrayList<>();
        if (status == null && text == null) {
            problems.add(new Problem("status", "Geef een nieuwe status of schrijf een voortgangsnotitie."));
        }
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new Problem("note", "Een voortgangsnotitie is hoogstens " + MAX_TEXT + " tekens."));
        }
        refuseIf(problems, "De voortgang is niet vastgelegd");
        ActionStatus newStatus = status == null ? action.status() : status;
        jdbc.update("insert into plan_action_progress (action_id, note, status, written_by) values (?, ?, ?, ?)",
                actionId, text, newStatus.name(), CurrentUser.name());
        jdbc.update("update plan_action set status = ? where id = ?", newStatus.name(), actionId);
        jdbc.update("update action_plan set lock_version = lock_version + 1 where id = ?", id);
        ActionPlan after = load(id, today());
        Map<String, Object> was = Map.of("status", action.statusLabel());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("status", newStatus.dutch());
        now.put("notitie", text);
        audit.record(AuditAction.CHANGE, "plan van aanpak", id, String.join(",", after.regions()),
                "Voortgang van actie " + (index + 1) + " van '" + after.title() + "'", was, now);
        return after;
    }

    /** The versions of a plan, oldest first. */
    public List<PlanVersion> versions(long id) {
        require(AccessRules.READ_PLAN, existingRegions(id));
        return jdbc.query("select number, status, saved_at, saved_by from plan_version where plan_id = ? order by number",
                (rs, n) -> version(rs, false), id);
    }

    /** One version of a plan, with the whole plan as it was. */
    public PlanVersion version(long id, int number) {
        require(AccessRules.READ_PLAN, existingRegions(id));
        return jdbc.query("select number, status, saved_at, saved_by, snapshot from plan_version where plan_id = ? and number = ?",
                (rs, n) -> version(rs, true), id, number).stream().findFirst()
                .orElseThrow(() -> new PlanRefused(Refusal.Kind.NOT_FOUND, "Dit plan heeft geen versie " + number + "."));
    }

    /** What is overdue today in the plans of {@code region}: for the region's home page, which checks its own access. */
    public List<OverdueItem> overdue(String region) {
        return overdue(region, today());
    }

    /**
     * The actions and milestones of the plans of {@code region} that are not done and whose date lies before {@code today}:
     * what is overdue on that day.
     */
    public List<OverdueItem> overdue(String region, LocalDate today) {
        return jdbc.query("""
                select p.id, p.title, 'ACTION' as kind, a.position, coalesce(a.description, '') as text,
                       coalesce(a.owner_party, '') as owner, a.due_date
                from plan_action a join action_plan p on p.id = a.plan_id join plan_region r on r.plan_id = p.id
                where r.region_code = ? and a.status <> 'DONE' and a.due_date < ?
                union all
                select p.id, p.title, 'MILESTONE', m.position, coalesce(m.milestone, m.activity, ''), '', m.due_date
                from plan_milestone m join action_plan p on p.id = m.plan_id join plan_region r on r.plan_id = p.id
                where r.region_code = ? and not m.done and m.due_date < ?
                order by 7, 1, 3, 4""", (rs, n) -> new OverdueItem(rs.getLong(1), rs.getString(2), OverdueItem.Kind.valueOf(rs.getString(3)),
                rs.getInt(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)), region, today, region, today);
    }

    /**
     * What is overdue today in the plans of {@code region}, and what falls due within {@code weeks}: for the region's start
     * page, which checks its own access. An item is overdue when its date lies before {@link #today()}.
     */
    public List<OverdueItem> dueWithin(String region, int weeks) {
        return overdue(region, today().plusWeeks(weeks).plusDays(1));
    }

    /**
     * Every region's plans with their status and what is overdue in them, for the national overview: two queries for all
     * regions rather than loading each plan. A region without a plan has no entry; a region whose plans the user may not
     * read neither.
     */
    public Map<String, RegionPlans> perRegion() {
        LocalDate today = today();
        Map<String, List<RegionPlans.Plan>> plans = new TreeMap<>();
        jdbc.query("""
                select r.region_code, p.id, p.title, p.status, coalesce(p.late, false) as late, g.deadline
                from plan_region r join action_plan p on p.id = r.plan_id join programme g on g.id = p.programme_id
                order by r.region_code, p.changed_at desc, p.id desc""", rs -> {
            PlanStatus status = PlanStatus.valueOf(rs.getString("status"));
            LocalDate deadline = rs.getObject("deadline", LocalDate.class);
            plans.computeIfAbsent(rs.getString("region_code"), r -> new ArrayList<>()).add(new RegionPlans.Plan(rs.getLong("id"),
                    rs.getString("title"), status, rs.getBoolean("late"),
                    status == PlanStatus.DRAFT && deadline != null && deadline.isBefore(today)));
        });
        Map<String, Integer> overdue = new HashMap<>();
        jdbc.query("""
                select r.region_code, count(*) from (
                    select plan_id from plan_action where status <> 'DONE' and due_date < ?
                    union all
                    select plan_id from plan_milestone where not done and due_date < ?) o
                join plan_region r on r.plan_id = o.plan_id group by r.region_code""", rs -> {
            overdue.put(rs.getString(1), rs.getInt(2));
        }, today, today);
        Map<String, RegionPlans> result = new TreeMap<>();
        plans.forEach((region, list) -> {
            if (rules.permits(AccessRules.READ_PLAN, Set.of(region))) {
                result.put(region, new RegionPlans(region, List.copyOf(list), overdue.getOrDefault(region, 0)));
            }
        });
        return result;
    }

    /**
     * What a plan still lacks before it can be submitted, each problem at its field. A draft may be
     * saved with all of these; {@link #checkInput} holds what no plan may have at all.
     */
    public static List<Problem> validate(ActionPlan plan) {
        List<Problem> problems = new ArrayList<>();
        Map<PlanSection, Section> sections = plan.sections() == null ? Map.of() : plan.sections();
        for (PlanSection section : PlanSection.values()) {
            if (section.required() && blank(textOf(sections.get(section)))) {
                problems.add(new Problem("sections." + section.name(), "Vul het onderdeel '" + section.title() + "' in (deel "
                        + section.part() + ")."));
            }
        }
        List<Objective> objectives = orEmpty(plan.objectives());
        if (objectives.isEmpty()) {
            problems.add(new Problem("objectives", "Formuleer minstens één SMART-doelstelling: het cijfer dat u wilt "
                    + "bewegen, een streefwaarde of richting en een datum."));
        }
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            String at = "objectives[" + i + "].";
            String name = "Doelstelling " + (i + 1);
            if (blank(o.description())) {
                problems.add(new Problem(at + "description", name + " heeft geen omschrijving."));
            }
            if (o.figure() == null) {
                problems.add(new Problem(at + "figure", name + " noemt geen cijfer om te volgen; kies een cijfer."));
            } else if (o.figure().needsProfile() && blank(o.profileCode())) {
                problems.add(new Problem(at + "profileCode", name + " volgt de stand van één profiel; kies het profiel."));
            }
            if (o.direction() == null && o.targetValue() == null) {
                problems.add(new Problem(at + "direction", name + " heeft geen streefwaarde of richting (dalen, stijgen of stabiel)."));
            }
            if (o.targetDate() == null) {
                problems.add(new Problem(at + "targetDate", name + " heeft geen datum waarop het doel bereikt moet zijn."));
            }
        }
        List<Action> actions = orEmpty(plan.actions());
        if (actions.isEmpty()) {
            problems.add(new Problem("actions", "Beschrijf minstens één actie, met eigenaar en tijdslijn."));
        }
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            String at = "actions[" + i + "].";
            String name = "Actie " + (i + 1);
            if (blank(a.paragraph())) {
                problems.add(new Problem(at + "paragraph", name + " hoort bij geen paragraaf van het plan; vul de paragraaf in "
                        + "(bijvoorbeeld '5b. Toegang/bemiddeling/coördinatie')."));
            }
            if (blank(a.description())) {
                problems.add(new Problem(at + "description", name + " heeft geen omschrijving."));
            }
            if (blank(a.owner())) {
                problems.add(new Problem(at + "owner", name + " heeft geen eigenaar."));
            }
            if (blank(a.timeline())) {
                problems.add(new Problem(at + "timeline", name + " heeft geen tijdslijn."));
            } else if (Timeline.parse(a.timeline()).isEmpty()) {
                problems.add(new Problem(at + "timeline", "De tijdslijn '" + a.timeline().strip() + "' van " + name.toLowerCase()
                        + " is niet te lezen; schrijf een datum (31-03-2024), een kwartaal (Eind Q1 2024), een jaar "
                        + "(Begin 2024, In de loop van 2024) of Continu."));
            }
        }
        List<Milestone> milestones = orEmpty(plan.milestones());
        if (milestones.isEmpty() && blank(textOf(sections.get(PlanSection.PLANNING)))) {
            problems.add(new Problem("milestones", "Vul de planning in: minstens één mijlpaal met datum, of een toelichting "
                    + "bij de planning."));
        }
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            String at = "milestones[" + i + "].";
            if (blank(m.activity()) && blank(m.milestone())) {
                problems.add(new Problem(at + "milestone", "Mijlpaal " + (i + 1) + " heeft geen activiteit of omschrijving."));
            }
            if (m.dueDate() == null) {
                problems.add(new Problem(at + "dueDate", "Mijlpaal " + (i + 1) + " heeft geen datum gereed."));
            }
        }
        return problems;
    }

    /**
     * How much of what a plan must have is there, in whole percents: each required section, the
     * objectives, the actions and the planning count as one part, filled when it has no problem.
     */
    public static int completeness(ActionPlan plan) {
        Set<String> open = validate(plan).stream().map(p -> p.field().replaceAll("\\[.*", "")).collect(Collectors.toSet());
        List<String> parts = new ArrayList<>();
        for (PlanSection section : PlanSection.values()) {
            if (section.required()) {
                parts.add("sections." + section.name());
            }
        }
        parts.addAll(List.of("objectives", "actions", "milestones"));
        long filled = parts.stream().filter(part -> !open.contains(part)).count();
        return (int) (filled * 100 / parts.size());
    }

    // ---- checks and access

    /** What no plan may have, not even a draft: no title or region, unknown codes, texts too long. */
    private List<Problem> checkInput(ActionPlan input) {
        List<Problem> problems = new ArrayList<>();
        if (blank(input.title())) {
            problems.add(new Problem("title", "Geef het plan een titel."));
        } else if (input.title().strip().length() > MAX_SHORT) {
            problems.add(new Problem("title", "De titel is hoogstens " + MAX_SHORT + " tekens."));
        }
        List<String> regions = orEmpty(input.regions());
        if (regions.isEmpty()) {
            problems.add(new Problem("regions", "Kies minstens één zorgkantoorregio."));
        }
        Set<String> known = new HashSet<>(jdbc.queryForList("select code from region", String.class));
        for (int i = 0; i < regions.size(); i++) {
            if (!known.contains(regions.get(i))) {
                problems.add(new Problem("regions[" + i + "]", "'" + regions.get(i) + "' is geen zorgkantoorregio; gebruik een code als ZK01."));
            }
        }
        if (input.sections() != null) {
            input.sections().forEach((section, value) -> {
                String text = textOf(value);
                if (text != null && text.length() > MAX_SECTION) {
                    problems.add(new Problem("sections." + section.name(), "De tekst van '" + section.title() + "' is "
                            + text.length() + " tekens; dat mogen er hoogstens " + MAX_SECTION + " zijn."));
                }
            });
        }
        Set<String> profiles = new HashSet<>(jdbc.queryForList("select code from care_profile", String.class));
        List<Objective> objectives = orEmpty(input.objectives());
        rows(problems, "objectives", "doelstellingen", objectives.size());
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            length(problems, "objectives[" + i + "].description", "De omschrijving van doelstelling " + (i + 1), o.description(), MAX_TEXT);
            if (!blank(o.profileCode()) && !profiles.contains(o.profileCode().strip())) {
                problems.add(new Problem("objectives[" + i + "].profileCode", "'" + o.profileCode() + "' van doelstelling " + (i + 1)
                        + " is geen zorgprofiel; gebruik een code als GGZ03W."));
            }
            if (o.targetValue() != null && o.targetValue().abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
                problems.add(new Problem("objectives[" + i + "].targetValue", "De streefwaarde van doelstelling " + (i + 1) + " is te groot."));
            }
        }
        List<Action> actions = orEmpty(input.actions());
        rows(problems, "actions", "acties", actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            String at = "actions[" + i + "].";
            String name = "actie " + (i + 1);
            length(problems, at + "paragraph", "De paragraaf van " + name, a.paragraph(), MAX_SHORT);
            length(problems, at + "description", "De omschrijving van " + name, a.description(), MAX_TEXT);
            length(problems, at + "owner", "De eigenaar van " + name, a.owner(), MAX_SHORT);
            length(problems, at + "ownerRole", "De rol van de eigenaar van " + name, a.ownerRole(), MAX_SHORT);
            length(problems, at + "timeline", "De tijdslijn van " + name, a.timeline(), 100);
        }
        List<Milestone> milestones = orEmpty(input.milestones());
        rows(problems, "milestones", "mijlpalen", milestones.size());
        for (int i = 0; i < milestones.size(); i++) {
            length(problems, "milestones[" + i + "].activity", "De activiteit van mijlpaal " + (i + 1), milestones.get(i).activity(), 500);
            length(problems, "milestones[" + i + "].milestone", "De mijlpaal " + (i + 1), milestones.get(i).milestone(), 500);
        }
        return problems;
    }

    private static void rows(List<Problem> problems, String field, String what, int count) {
        if (count > MAX_ROWS) {
            problems.add(new Problem(field, "Een plan heeft hoogstens " + MAX_ROWS + " " + what + "."));
        }
    }

    private static void length(List<Problem> problems, String field, String what, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new Problem(field, what + " is hoogstens " + max + " tekens."));
        }
    }

    private static void refuseIf(List<Problem> problems, String what) {
        if (!problems.isEmpty()) {
            throw new InvalidPlan(what + ": " + problems.get(0).message()
                    + (problems.size() > 1 ? " (en " + (problems.size() - 1) + " andere punten)" : ""), problems);
        }
    }

    private void require(AccessRules.Access access, Collection<String> regions) {
        if (!rules.permits(access, regions)) {
            throw new PlanRefused(Refusal.Kind.FORBIDDEN, "U heeft geen toegang tot dit plan of deze handeling. "
                    + "Uw rol en regio geven daar geen recht op.");
        }
    }

    /** A provider reports on the actions of its own organisation only; the plan's authors on all of them. */
    private void requireOwnAction(Set<String> regions, Action action) {
        if (rules.mayReportProgress(regions, action.owner())) {
            return;
        }
        String organisation = CurrentUser.get().map(AppUser::organisation).orElse(null);
        throw new PlanRefused(Refusal.Kind.FORBIDDEN, organisation == null
                ? "U kunt alleen voortgang melden op acties van uw eigen organisatie, en bij uw account staat geen organisatie. "
                + "Vraag de beheerder om uw organisatie in te vullen."
                : "U kunt alleen voortgang melden op acties van uw eigen organisatie (" + organisation + "). "
                + (action.owner() == null || action.owner().isBlank() ? "Deze actie heeft nog geen eigenaar."
                : "Eigenaar van deze actie is " + action.owner().strip() + "."));
    }

    private Set<String> existingRegions(long id) {
        Set<String> regions = of(id);
        if (regions.isEmpty()) {
            throw notFound(id);
        }
        return regions;
    }

    private static PlanRefused notFound(long id) {
        return new PlanRefused(Refusal.Kind.NOT_FOUND, "Er is geen plan van aanpak met nummer " + id + ".");
    }

    /**
     * The plan's row, locked until the transaction ends, after the gate let the user through and
     * when its lock version is still {@code expected} (null: not checked). A writer never waits here
     * for another writer of the same plan: the second is refused at once, so of two with the same
     * version only the first gets through.
     */
    private Header locked(long id, Integer expected, Consumer<Set<String>> gate) {
        Set<String> regionsBefore = of(id); // read first: after a failed lock the transaction answers nothing more
        Header header;
        try {
            header = jdbc.query("select programme_id, status, lock_version, version_number from action_plan where id = ? for update nowait",
                    (rs, n) -> new Header(rs.getLong(1), PlanStatus.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4)), id)
                    .stream().findFirst().orElseThrow(() -> notFound(id));
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof SQLException sql) || !LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw e;
            }
            // Another change of this plan is being written. Waiting for it would hold a database connection that others
            // need (to log in, among other things), and once it is written the version this change was made on is old.
            gate.accept(regionsBefore);
            if (expected != null) {
                throw new PlanConflict("Iemand anders slaat dit plan op dit moment op. Er is niets opgeslagen; haal het plan "
                        + "opnieuw op en breng uw wijziging opnieuw aan.");
            }
            throw new PlanRefused(Refusal.Kind.WRONG_STATE, "Dit plan wordt op dit moment door iemand anders gewijzigd. "
                    + "Er is niets veranderd; probeer het over enkele seconden opnieuw.");
        }
        gate.accept(of(id));
        if (expected != null && expected != header.lockVersion()) {
            throw new PlanConflict("Iemand anders heeft dit plan intussen gewijzigd (u had versie " + expected + ", nu is het "
                    + header.lockVersion() + "). Er is niets opgeslagen; haal het plan opnieuw op en breng uw wijziging opnieuw aan.");
        }
        return header;
    }

    // ---- writing

    /** Writes regions, sections, objectives, actions and milestones as {@code input} has them; actions keep their id and progress. */
    private void writeContent(long id, ActionPlan input) {
        jdbc.update("delete from plan_region where plan_id = ?", id);
        for (String region : new TreeSet<>(input.regions())) {
            jdbc.update("insert into plan_region (plan_id, region_code) values (?, ?)", id, region);
        }
        jdbc.update("delete from plan_section where plan_id = ?", id);
        if (input.sections() != null) {
            input.sections().forEach((section, value) -> {
                String text = textOf(value);
                if (!blank(text)) {
                    jdbc.update("insert into plan_section (plan_id, section, body) values (?, ?, ?)", id, section.name(), text.strip());
                }
            });
        }
        jdbc.update("delete from plan_objective where plan_id = ?", id);
        List<Objective> objectives = orEmpty(input.objectives());
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            jdbc.update("""
                    insert into plan_objective (plan_id, position, description, figure, profile_code, direction, target_value, target_date)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", id, i + 1, strip(o.description()), o.figure() == null ? null : o.figure().name(),
                    strip(o.profileCode()), o.direction() == null ? null : o.direction().name(), o.targetValue(), o.targetDate());
        }
        writeActions(id, orEmpty(input.actions()));
        jdbc.update("delete from plan_milestone where plan_id = ?", id);
        List<Milestone> milestones = orEmpty(input.milestones());
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            jdbc.update("insert into plan_milestone (plan_id, position, activity, milestone, due_date, done) values (?, ?, ?, ?, ?, ?)",
                    id, i + 1, strip(m.activity()), strip(m.milestone()), m.dueDate(), Boolean.TRUE.equals(m.done()));
        }
    }

    private void writeActions(long id, List<Action> actions) {
        Set<Long> existing = new HashSet<>(jdbc.queryForList("select id from plan_action where plan_id = ?", Long.class, id));
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            LocalDate due = Timeline.parse(a.timeline()).map(Timeline::due).orElse(null);
            String status = (a.status() == null ? ActionStatus.NOT_STARTED : a.status()).name();
            // an action sent back with its id (and not twice) is the same action, so its progress notes stay with it
            if (a.id() != null && existing.contains(a.id()) && kept.add(a.id())) {
                jdbc.update("""
                        update plan_action set position = ?, paragraph = ?, description = ?, owner_party = ?, owner_role = ?,
                            timeline = ?, due_date = ?, status = ? where id = ?""", i + 1, strip(a.paragraph()), strip(a.description()),
                        strip(a.owner()), strip(a.ownerRole()), strip(a.timeline()), due, status, a.id());
            } else {
                jdbc.update("""
                        insert into plan_action (plan_id, position, paragraph, description, owner_party, owner_role, timeline, due_date, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, i + 1, strip(a.paragraph()), strip(a.description()), strip(a.owner()),
                        strip(a.ownerRole()), strip(a.timeline()), due, status);
            }
        }
        existing.removeAll(kept);
        existing.forEach(gone -> jdbc.update("delete from plan_action where id = ?", gone));
    }

    /** Keeps the plan as it now is as the snapshot of its version number. */
    private void keepVersion(ActionPlan plan) {
        String snapshot;
        try {
            snapshot = json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("""
                insert into plan_version (plan_id, number, status, saved_at, saved_by, snapshot) values (?, ?, ?, now(), ?, cast(? as jsonb))
                on conflict (plan_id, number) do update set status = excluded.status, saved_at = excluded.saved_at,
                    saved_by = excluded.saved_by, snapshot = excluded.snapshot""",
                plan.id(), plan.versionNumber(), plan.status().name(), CurrentUser.name(), snapshot);
    }

    // ---- reading

    /** The whole plan, with what is overdue on {@code today}. */
    ActionPlan load(long id, LocalDate today) {
        Map<String, Object> row = jdbc.queryForList("""
                select p.*, g.name as programme_name, g.deadline from action_plan p join programme g on g.id = p.programme_id
                where p.id = ?""", id).stream().findFirst().orElseThrow(() -> notFound(id));
        Map<PlanSection, Section> sections = new EnumMap<>(PlanSection.class);
        Map<String, String> bodies = new HashMap<>();
        jdbc.query("select section, body from plan_section where plan_id = ?", rs -> {
            bodies.put(rs.getString(1), rs.getString(2));
        }, id);
        for (PlanSection section : PlanSection.values()) {
            String body = bodies.get(section.name());
            sections.put(section, new Section(section.title(), section.guidance(), body, body == null ? null : RichText.toHtml(body)));
        }
        List<Objective> objectives = jdbc.query("select * from plan_objective where plan_id = ? order by position", (rs, n) -> {
            PlanFigure figure = rs.getString("figure") == null ? null : PlanFigure.valueOf(rs.getString("figure"));
            Direction direction = rs.getString("direction") == null ? null : Direction.valueOf(rs.getString("direction"));
            BigDecimal target = rs.getBigDecimal("target_value");
            LocalDate date = rs.getObject("target_date", LocalDate.class);
            return new Objective(rs.getString("description"), figure, figure == null ? null : figure.dutch(), rs.getString("profile_code"),
                    direction, direction == null ? null : direction.dutch(), target == null ? null : target.stripTrailingZeros(), date,
                    figure != null && (direction != null || target != null) && date != null);
        }, id);
        Map<Long, List<Progress>> progress = new HashMap<>();
        jdbc.query("""
                select g.* from plan_action_progress g join plan_action a on a.id = g.action_id
                where a.plan_id = ? order by g.written_at, g.id""", rs -> {
            ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
            progress.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>()).add(new Progress(rs.getString("note"), status,
                    status.dutch(), rs.getObject("written_at", OffsetDateTime.class), rs.getString("written_by")));
        }, id);
        List<Action> actions = jdbc.query("select * from plan_action where plan_id = ? order by position", (rs, n) -> {
            ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            return new Action(rs.getLong("id"), rs.getString("paragraph"), rs.getString("description"), rs.getString("owner_party"),
                    rs.getString("owner_role"), rs.getString("timeline"), due, status, status.dutch(),
                    status != ActionStatus.DONE && due != null && due.isBefore(today), progress.getOrDefault(rs.getLong("id"), List.of()));
        }, id);
        List<Milestone> milestones = jdbc.query("select * from plan_milestone where plan_id = ? order by position", (rs, n) -> {
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            boolean done = rs.getBoolean("done");
            return new Milestone(rs.getString("activity"), rs.getString("milestone"), due, done, !done && due != null && due.isBefore(today));
        }, id);
        PlanStatus status = PlanStatus.valueOf((String) row.get("status"));
        ActionPlan plan = new ActionPlan(id, ((Number) row.get("programme_id")).longValue(), (String) row.get("programme_name"),
                date(row.get("deadline")), (String) row.get("title"), List.copyOf(of(id)), status, status.dutch(),
                (Integer) row.get("lock_version"), (Integer) row.get("version_number"), time(row.get("submitted_at")),
                (String) row.get("submitted_by"), (Boolean) row.get("late"), (String) row.get("review_comment"),
                time(row.get("reviewed_at")), (String) row.get("reviewed_by"), time(row.get("changed_at")), (String) row.get("changed_by"),
                null, sections, objectives, actions, milestones);
        return withCompleteness(plan);
    }

    private static ActionPlan withCompleteness(ActionPlan p) {
        return new ActionPlan(p.id(), p.programmeId(), p.programme(), p.deadline(), p.title(), p.regions(), p.status(), p.statusLabel(),
                p.lockVersion(), p.versionNumber(), p.submittedAt(), p.submittedBy(), p.late(), p.reviewComment(), p.reviewedAt(),
                p.reviewedBy(), p.changedAt(), p.changedBy(), completeness(p), p.sections(), p.objectives(), p.actions(), p.milestones());
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(AMSTERDAM).toOffsetDateTime();
        }
        return ((OffsetDateTime) value).atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
    }

    private PlanVersion version(ResultSet rs, boolean withPlan) throws SQLException {
        PlanStatus status = PlanStatus.valueOf(rs.getString("status"));
        try {
            return new PlanVersion(rs.getInt("number"), status, status.dutch(),
                    rs.getObject("saved_at", OffsetDateTime.class).atZoneSameInstant(AMSTERDAM).toOffsetDateTime(), rs.getString("saved_by"),
                    withPlan ? json.readTree(rs.getString("snapshot")) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOfAction(ActionPlan plan, long actionId) {
        for (int i = 0; i < plan.actions().size(); i++) {
            if (Objects.equals(plan.actions().get(i).id(), actionId)) {
                return i;
            }
        }
        throw new PlanRefused(Refusal.Kind.NOT_FOUND, "Dit plan heeft geen actie met nummer " + actionId + ".");
    }

    /** What the audit trail keeps of a plan's content, with Dutch names. */
    private static Map<String, Object> auditValues(ActionPlan p) {
        Map<String, Object> values = workflowValues(p);
        values.put("titel", p.title());
        values.put("regio's", p.regions());
        Map<String, String> texts = new LinkedHashMap<>();
        p.sections().forEach((section, value) -> {
            if (!blank(value.text())) {
                texts.put(section.title(), value.text());
            }
        });
        values.put("onderdelen", texts);
        values.put("doelstellingen", p.objectives().stream().map(o -> String.join(" | ", nonNull(o.description(), o.figureLabel(),
                o.profileCode(), o.directionLabel(), o.targetValue() == null ? null : o.targetValue().toPlainString(),
                o.targetDate() == null ? null : o.targetDate().toString()))).toList());
        values.put("acties", p.actions().stream().map(a -> String.join(" | ", nonNull(a.paragraph(), a.description(), a.owner(),
                a.ownerRole(), a.timeline(), a.statusLabel()))).toList());
        values.put("mijlpalen", p.milestones().stream().map(m -> String.join(" | ", nonNull(m.activity(), m.milestone(),
                m.dueDate() == null ? null : m.dueDate().toString(), Boolean.TRUE.equals(m.done()) ? "gereed" : "open"))).toList());
        return values;
    }

    private static Map<String, Object> workflowValues(ActionPlan p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", p.statusLabel());
        values.put("versie", p.versionNumber());
        values.put("te laat", p.late());
        values.put("toelichting beoordeling", p.reviewComment());
        return values;
    }

    private static List<String> nonNull(String... values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                kept.add(v);
            }
        }
        return kept;
    }

    private static String textOf(Section section) {
        return section == null ? null : section.text();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return blank(text) ? null : text.strip();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }
}
