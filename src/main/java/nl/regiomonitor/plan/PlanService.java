package nl.regiomonitor.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.PlanRepository.Header;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.PlanRegions;
import nl.regiomonitor.web.Problem;
import nl.regiomonitor.web.Refusal;

/**
 * The plans van aanpak: written by the care office and municipalities of the plan's regions,
 * submitted when complete, accepted or returned by the national programme, and followed (actions,
 * milestones, overdue). Every write runs in one transaction, checks the lock version the writer
 * saw, writes the audit trail with before and after, and keeps the plan's current version as a
 * snapshot ({@link PlanVersions}). Who may do what is decided by {@link AccessRules} for the current user, demo data
 * included ({@link SystemActor}); this service asks it with the plan's regions, so other packages calling it get the
 * same answer as the API, through {@link PlanGuard}. The SQL is in {@link PlanRepository}.
 */
@Service
public class PlanService implements PlanRegions {

    private final PlanRepository repository;
    private final PlanVersions versions;
    private final AuditService audit;
    private final AccessRules rules;
    private final PlanGuard guard;
    private final Programmes programmes;

    PlanService(
            PlanRepository repository,
            PlanVersions versions,
            AuditService audit,
            AccessRules rules,
            PlanGuard guard,
            Programmes programmes) {
        this.repository = repository;
        this.versions = versions;
        this.audit = audit;
        this.rules = rules;
        this.guard = guard;
        this.programmes = programmes;
    }

    @Override
    public Set<String> of(long planId) {
        return repository.regions(planId);
    }

    /** The plans the current user may read, of {@code region} when given, newest change first. */
    public List<PlanSummary> list(String region) {
        return repository.all(today()).stream()
                .filter(p -> (region == null || p.regions().contains(region))
                        && rules.permits(AccessRules.READ_PLAN, p.regions()))
                .map(PlanSummary::of)
                .toList();
    }

    /**
     * The plan a region's regioperspectief names, whoever builds it: the newest one submitted (or accepted, or
     * sent back) in which the region takes part, else its newest draft. The report shows its title, status and
     * objectives, which its care office publishes; the plan itself stays behind login.
     */
    public Optional<ActionPlan> forReport(String region) {
        return repository.forReport(region).map(id -> load(id, today()));
    }

    /** A plan the current user may read. */
    public ActionPlan get(long id) {
        guard.require(AccessRules.READ_PLAN, guard.existingRegions(id));
        return load(id, today());
    }

    /** A new plan (a draft, version 1) with {@code content}; the user must author in each of its regions. */
    @Transactional
    public ActionPlan create(Long programmeId, PlanContent content) {
        List<Problem> problems = new ArrayList<>();
        if (programmeId == null || programmes.find(programmeId).isEmpty()) {
            problems.add(
                    new Problem("programmeId", "Kies het programma waarvoor dit plan is (zie /api/v1/programmes)."));
        }
        problems.addAll(inputProblems(content));
        refuseIf(problems, "Het plan is niet aangemaakt");
        Set<String> regions = new TreeSet<>(content.regions());
        regions.forEach(r -> guard.require(AccessRules.WRITE_PLAN, Set.of(r)));
        long id = repository.insert(programmeId, content);
        ActionPlan created = load(id, today());
        versions.keep(created);
        audit.record(
                AuditAction.CREATE,
                "plan van aanpak",
                id,
                String.join(",", regions),
                "Plan van aanpak '" + created.title() + "' aangemaakt",
                null,
                PlanAuditValues.of(created));
        return created;
    }

    /**
     * Saves the whole plan as {@code content} has it, when nobody changed it since {@code lockVersion}.
     * A draft is changed in place and may be incomplete; a submitted, accepted or returned plan stays
     * as it was in its version and the change becomes the next version, a draft.
     */
    @Transactional
    public ActionPlan save(long id, int lockVersion, PlanContent content) {
        refuseIf(inputProblems(content), "Het plan is niet opgeslagen");
        Header header = guard.locked(id, lockVersion, AccessRules.WRITE_PLAN);
        Set<String> oldRegions = of(id);
        Set<String> newRegions = new TreeSet<>(content.regions());
        Set<String> changedRegions = new TreeSet<>(oldRegions);
        changedRegions.addAll(newRegions);
        changedRegions.removeIf(r -> oldRegions.contains(r) && newRegions.contains(r));
        // adding or removing a region is a change to that region's plan, so it needs authoring rights there too
        changedRegions.forEach(r -> guard.require(AccessRules.WRITE_PLAN, Set.of(r)));
        ActionPlan before = load(id, today());
        boolean nextVersion = header.status().frozen();
        repository.update(id, content, header.versionNumber() + (nextVersion ? 1 : 0), nextVersion);
        ActionPlan after = load(id, today());
        versions.keep(after);
        audit.record(
                AuditAction.CHANGE,
                "plan van aanpak",
                id,
                String.join(",", after.regions()),
                "Plan van aanpak '" + after.title() + "' gewijzigd"
                        + (nextVersion ? ", nieuwe versie " + after.versionNumber() : ""),
                PlanAuditValues.of(before),
                PlanAuditValues.of(after));
        return after;
    }

    /**
     * Submits a complete draft: refused with every problem when incomplete; late when after the
     * programme's deadline. {@code lockVersion} null skips the check of what the user saw.
     */
    @Transactional
    public ActionPlan submit(long id, Integer lockVersion) {
        return submit(id, lockVersion, OffsetDateTime.now());
    }

    /** As {@link #submit(long, Integer)}, as if submitted {@code at}: demo data is submitted on the day it was. */
    @Transactional
    ActionPlan submit(long id, Integer lockVersion, OffsetDateTime at) {
        Header header = guard.locked(id, lockVersion, AccessRules.WRITE_PLAN);
        if (header.status() != PlanStatus.DRAFT) {
            throw new PlanRefused(
                    Refusal.Kind.WRONG_STATE,
                    header.status() == PlanStatus.RETURNED
                            ? "Dit plan is teruggestuurd; wijzig het eerst, dan wordt het een nieuwe versie die u kunt indienen."
                            : "Dit plan is al ingediend (status "
                                    + header.status().dutch().toLowerCase() + ").");
        }
        ActionPlan before = load(id, today());
        List<Problem> problems = before.content().problems();
        if (!problems.isEmpty()) {
            throw new InvalidPlan(
                    "Het plan is nog niet compleet en is niet ingediend: " + problems.size()
                            + (problems.size() == 1 ? " punt" : " punten") + " om aan te vullen.",
                    problems);
        }
        LocalDate deadline = programmes.find(header.programmeId()).orElseThrow().deadline();
        boolean late = at.atZoneSameInstant(Dutch.ZONE).toLocalDate().isAfter(deadline);
        repository.submitted(id, at, late);
        ActionPlan after = load(id, today());
        versions.keep(after);
        audit.record(
                AuditAction.SUBMIT,
                "plan van aanpak",
                id,
                String.join(",", after.regions()),
                "Plan van aanpak '" + after.title() + "' versie " + after.versionNumber() + " ingediend"
                        + (late ? " (na de uiterste datum)" : ""),
                PlanAuditValues.workflow(before),
                PlanAuditValues.workflow(after));
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
            throw new InvalidPlan(
                    "Het plan is niet teruggestuurd.",
                    List.of(new Problem(
                            "comment",
                            text.isEmpty()
                                    ? "Schrijf erbij waarom het plan wordt teruggestuurd en wat de regio moet aanpassen."
                                    : "De toelichting is hoogstens 5000 tekens.")));
        }
        return review(id, lockVersion, PlanStatus.RETURNED, text);
    }

    private ActionPlan review(long id, Integer lockVersion, PlanStatus outcome, String comment) {
        Header header = guard.locked(id, lockVersion, AccessRules.REVIEW_PLAN);
        if (header.status() != PlanStatus.SUBMITTED) {
            throw new PlanRefused(
                    Refusal.Kind.WRONG_STATE,
                    "Alleen een ingediend plan kan worden geaccepteerd of " + "teruggestuurd; dit plan is "
                            + header.status().dutch().toLowerCase() + ".");
        }
        ActionPlan before = load(id, today());
        repository.reviewed(id, outcome, comment);
        ActionPlan after = load(id, today());
        versions.keep(after);
        audit.record(
                outcome == PlanStatus.ACCEPTED ? AuditAction.ACCEPT : AuditAction.RETURN,
                "plan van aanpak",
                id,
                String.join(",", after.regions()),
                "Plan van aanpak '" + after.title() + "' versie " + after.versionNumber() + " "
                        + outcome.dutch().toLowerCase(),
                PlanAuditValues.workflow(before),
                PlanAuditValues.workflow(after));
        return after;
    }

    /**
     * Progress on one action: a new status and/or a note. Following a plan is not changing it, so
     * this works on a submitted plan too and starts no new version; it does raise the lock version,
     * so an editor holding the plan from before does not overwrite the new status.
     */
    @Transactional
    public ActionPlan reportProgress(long id, long actionId, ActionStatus status, String note) {
        guard.locked(id, null, AccessRules.REPORT_PLAN_PROGRESS);
        ActionPlan before = load(id, today());
        int index = indexOfAction(before, actionId);
        Action action = before.actions().get(index);
        guard.requireOwnAction(new TreeSet<>(before.regions()), action);
        String text = note == null || note.isBlank() ? null : note.strip();
        List<Problem> problems = new ArrayList<>();
        if (status == null && text == null) {
            problems.add(new Problem("status", "Geef een nieuwe status of schrijf een voortgangsnotitie."));
        }
        if (text != null && text.length() > PlanContent.MAX_TEXT) {
            problems.add(
                    new Problem("note", "Een voortgangsnotitie is hoogstens " + PlanContent.MAX_TEXT + " tekens."));
        }
        refuseIf(problems, "De voortgang is niet vastgelegd");
        ActionStatus newStatus = status == null ? action.status() : status;
        repository.progress(id, actionId, newStatus, text);
        ActionPlan after = load(id, today());
        Map<String, Object> was = Map.of("status", action.statusLabel());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("status", newStatus.dutch());
        now.put("notitie", text);
        audit.record(
                AuditAction.CHANGE,
                "plan van aanpak",
                id,
                String.join(",", after.regions()),
                "Voortgang van actie " + (index + 1) + " van '" + after.title() + "'",
                was,
                now);
        return after;
    }

    /** The versions of a plan, oldest first. */
    public List<PlanVersion> versions(long id) {
        guard.require(AccessRules.READ_PLAN, guard.existingRegions(id));
        return versions.of(id);
    }

    /** One version of a plan, with the whole plan as it was. */
    public PlanVersion version(long id, int number) {
        guard.require(AccessRules.READ_PLAN, guard.existingRegions(id));
        return versions.find(id, number)
                .orElseThrow(
                        () -> new PlanRefused(Refusal.Kind.NOT_FOUND, "Dit plan heeft geen versie " + number + "."));
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
        return repository.overdue(region, today);
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
        Map<String, RegionPlans> result = new TreeMap<>(repository.perRegion(today()));
        result.keySet().removeIf(region -> !rules.permits(AccessRules.READ_PLAN, Set.of(region)));
        return result;
    }

    // ---- checks

    /** What no plan may have, not even a draft (see {@link PlanContent#inputProblems}). */
    private List<Problem> inputProblems(PlanContent content) {
        return content.inputProblems(repository.regionCodes(), repository.profileCodes());
    }

    private static void refuseIf(List<Problem> problems, String what) {
        if (!problems.isEmpty()) {
            throw new InvalidPlan(
                    what + ": " + problems.get(0).message()
                            + (problems.size() > 1 ? " (en " + (problems.size() - 1) + " andere punten)" : ""),
                    problems);
        }
    }

    // ---- reading

    /** The whole plan, with what is overdue on {@code today}. */
    ActionPlan load(long id, LocalDate today) {
        return repository.find(id, today).orElseThrow(() -> PlanGuard.notFound(id));
    }

    private static int indexOfAction(ActionPlan plan, long actionId) {
        for (int i = 0; i < plan.actions().size(); i++) {
            if (Objects.equals(plan.actions().get(i).id(), actionId)) {
                return i;
            }
        }
        throw new PlanRefused(Refusal.Kind.NOT_FOUND, "Dit plan heeft geen actie met nummer " + actionId + ".");
    }

    static LocalDate today() {
        return LocalDate.now(Dutch.ZONE);
    }
}
