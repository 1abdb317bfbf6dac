package nl.regiomonitor.plan;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.monitor.PublishedTrend;
import nl.regiomonitor.monitor.TrendChart;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.Role;

/**
 * The pages of the plans van aanpak: the national overview and a region's plans, the plan with its
 * objectives followed, its actions, milestones, progress, comments and review, and two versions side by
 * side. A new plan and the edit form are {@link PlanEditPagesController}'s. Who may come is decided by
 * {@link AccessRules}; the service checks it again for what a path does not name, and its refusals are
 * answered by {@link PlanPageRefusals}.
 */
@Controller
class PlanPagesController {

    private final PlanService plans;
    private final PlanObjectives objectives;
    private final RegionService regions;
    private final InfluxTrend influxTrend;
    private final InfluxFigures influx;
    private final AccessRules rules;
    private final ObjectMapper json;
    private final PlanComments comments;

    PlanPagesController(
            PlanService plans,
            PlanObjectives objectives,
            RegionService regions,
            InfluxTrend influxTrend,
            InfluxFigures influx,
            AccessRules rules,
            ObjectMapper json,
            PlanComments comments) {
        this.plans = plans;
        this.comments = comments;
        this.objectives = objectives;
        this.regions = regions;
        this.influxTrend = influxTrend;
        this.influx = influx;
        this.rules = rules;
        this.json = json;
    }

    /** A line of a plans list, with how much of it is overdue today. */
    record PlanLine(PlanSummary plan, long overdue) {}

    // ---- lists

    @GetMapping("/plannen")
    String overview(Model model) {
        YearMonth to = influx.lastMonth() == null ? YearMonth.now() : influx.lastMonth();
        YearMonth from = to.minusMonths(PlanObjectives.MONTHS - 1);
        PublishedTrend national = influxTrend.published(Area.NATIONAL_CODE, from, to, null);
        model.addAttribute("lines", lines(plans.list(null)));
        model.addAttribute("national", national);
        model.addAttribute(
                "chart",
                TrendChart.svg(
                        national,
                        "Landelijke instroom GGZ-W per maand tegen het streven van 100",
                        InfluxTrend.NATIONAL_TARGET,
                        "landelijk-grafiek"));
        model.addAttribute(
                "nationalView",
                CurrentUser.get()
                        .map(u -> u.holds(Role.LANDELIJK, null) || u.holds(Role.BEHEERDER, null))
                        .orElse(false));
        return "plan/overview";
    }

    @GetMapping("/regions/{region}/plannen")
    String regionPlans(@PathVariable String region, Model model) {
        Region shown = regions.known(region);
        model.addAttribute("region", shown);
        model.addAttribute("lines", lines(plans.list(shown.code())));
        model.addAttribute("mayCreate", rules.mayRead("/regions/" + shown.code() + "/plannen/nieuw", shown.code()));
        return "plan/region";
    }

    private List<PlanLine> lines(List<PlanSummary> summaries) {
        Map<Long, Long> overdue = new LinkedHashMap<>();
        summaries.stream()
                .flatMap(p -> p.regions().stream())
                .distinct()
                .flatMap(r -> plans.overdue(r).stream())
                .distinct()
                .forEach(item -> overdue.merge(item.planId(), 1L, Long::sum));
        return summaries.stream()
                .map(p -> new PlanLine(p, overdue.getOrDefault(p.id(), 0L)))
                .toList();
    }

    // ---- the plan

    @GetMapping("/plannen/{plan}")
    String plan(@PathVariable("plan") long id, Model model) {
        return planPage(plans.get(id), List.of(), null, model);
    }

    @PostMapping("/plannen/{plan}/indienen")
    String submit(
            @PathVariable("plan") long id,
            @RequestParam(required = false) Integer lockVersion,
            Model model,
            RedirectAttributes redirect) {
        try {
            ActionPlan plan = plans.submit(id, lockVersion);
            redirect.addFlashAttribute(
                    "confirmation",
                    "Versie " + plan.versionNumber() + " van het plan is ingediend"
                            + (Boolean.TRUE.equals(plan.late()) ? ", na de uiterste datum." : "."));
            return "redirect:/plannen/" + id;
        } catch (InvalidPlan e) {
            model.addAttribute("submitMessage", e.getMessage());
            return planPage(plans.get(id), FieldError.of(e.problems()), null, model);
        } catch (PlanConflict e) {
            return planPage(plans.get(id), List.of(FieldError.general(e.getMessage())), null, model);
        }
    }

    @PostMapping("/plannen/{plan}/accepteren")
    String accept(
            @PathVariable("plan") long id,
            @RequestParam(required = false) Integer lockVersion,
            Model model,
            RedirectAttributes redirect) {
        try {
            plans.accept(id, lockVersion);
        } catch (PlanConflict e) {
            return planPage(plans.get(id), List.of(FieldError.general(e.getMessage())), null, model);
        }
        redirect.addFlashAttribute("confirmation", "Het plan is geaccepteerd.");
        return "redirect:/plannen/" + id;
    }

    @PostMapping("/plannen/{plan}/terugsturen")
    String sendBack(
            @PathVariable("plan") long id,
            @RequestParam(required = false) Integer lockVersion,
            @RequestParam(required = false) String comment,
            Model model,
            RedirectAttributes redirect) {
        try {
            plans.sendBack(id, lockVersion, comment);
        } catch (InvalidPlan e) {
            return planPage(plans.get(id), FieldError.of(e.problems()), comment, model);
        } catch (PlanConflict e) {
            return planPage(plans.get(id), List.of(FieldError.general(e.getMessage())), comment, model);
        }
        redirect.addFlashAttribute("confirmation", "Het plan is teruggestuurd naar de regio, met uw toelichting.");
        return "redirect:/plannen/" + id;
    }

    @PostMapping("/plannen/{plan}/acties/{action}/voortgang")
    String progress(
            @PathVariable("plan") long id,
            @PathVariable long action,
            @RequestParam(required = false) ActionStatus status,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            plans.reportProgress(id, action, status, note);
        } catch (InvalidPlan e) {
            return planPage(
                    plans.get(id),
                    e.problems().stream()
                            .map(p -> new FieldError("voortgang-" + action + "-" + p.field(), p.message()))
                            .toList(),
                    null,
                    model);
        }
        redirect.addFlashAttribute("confirmation", "De voortgang is vastgelegd.");
        return "redirect:/plannen/" + id + "#actie-" + action;
    }

    /**
     * A comment of client representation, on the section named or (none) on the whole plan. A refused one
     * shows the page again with the reason at the field and the text as typed, in the form it was typed in.
     */
    @PostMapping("/plannen/{plan}/reacties")
    String comment(
            @PathVariable("plan") long id,
            @RequestParam(required = false) PlanSection section,
            @RequestParam(required = false) String text,
            Model model,
            RedirectAttributes redirect) {
        try {
            PlanComment added = comments.add(id, section, text);
            redirect.addFlashAttribute(
                    "confirmation",
                    "Uw reactie is geplaatst. Iedereen die dit plan kan lezen, ziet haar bij het "
                            + "plan en in de bijlage van de Word- en PDF-versie.");
            return "redirect:/plannen/" + id + "#reactie-" + added.id();
        } catch (InvalidPlan e) {
            String form = commentForm(section);
            model.addAttribute("commentForm", form);
            model.addAttribute("commentText", text);
            return planPage(
                    plans.get(id),
                    e.problems().stream()
                            .map(p -> new FieldError(form + "-" + p.field(), p.message()))
                            .toList(),
                    null,
                    model);
        }
    }

    /** The HTML id prefix of the comment form of a section, or of the whole plan. */
    static String commentForm(PlanSection section) {
        return section == null ? "reactie" : "reactie-" + section.name();
    }

    private String planPage(ActionPlan plan, List<FieldError> problems, String comment, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("parts", PlanSection.byPart());
        model.addAttribute("objectives", objectives.of(plan));
        model.addAttribute("versions", plans.versions(plan.id()));
        model.addAttribute("regionNames", regionNames(plan.regions()));
        model.addAttribute("mayEdit", rules.permits(AccessRules.WRITE_PLAN, plan.regions()));
        // a provider only reports on its own organisation's actions, so the form is offered per action
        model.addAttribute(
                "reportable",
                plan.actions().stream()
                        .filter(a -> rules.mayReportProgress(plan.regions(), a.owner()))
                        .map(ActionPlan.Action::id)
                        .collect(Collectors.toSet()));
        List<PlanComment> all = comments.on(plan);
        model.addAttribute("comments", all);
        model.addAttribute(
                "commentsBySection",
                all.stream()
                        .filter(c -> c.section() != null)
                        .collect(Collectors.groupingBy(PlanComment::section, Collectors.counting())));
        model.addAttribute("mayComment", comments.mayComment(plan.regions()));
        model.addAttribute("maxComment", PlanComments.MAX_LENGTH);
        model.addAttribute("mayReview", rules.permits(AccessRules.REVIEW_PLAN, plan.regions()));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("comment", comment);
        FieldError.addTo(model, problems);
        return "plan/plan";
    }

    // ---- versions

    @GetMapping("/plannen/{plan}/versies")
    String compare(
            @PathVariable("plan") long id,
            @RequestParam(required = false) Integer a,
            @RequestParam(required = false) Integer b,
            Model model)
            throws JsonProcessingException {
        ActionPlan current = plans.get(id);
        int newest = current.versionNumber();
        int right = b == null ? newest : b;
        int left = a == null ? Math.max(1, right - 1) : a;
        ActionPlan before = json.treeToValue(plans.version(id, left).plan(), ActionPlan.class);
        ActionPlan after = json.treeToValue(plans.version(id, right).plan(), ActionPlan.class);
        List<PlanComparison.Part> parts = PlanComparison.of(before, after);
        model.addAttribute("plan", current);
        model.addAttribute("versions", plans.versions(id));
        model.addAttribute("a", left);
        model.addAttribute("b", right);
        model.addAttribute(
                "compared", parts.stream().filter(PlanComparison.Part::changed).toList());
        model.addAttribute(
                "unchanged",
                parts.stream()
                        .filter(p -> !p.changed())
                        .map(PlanComparison.Part::label)
                        .toList());
        model.addAttribute(
                "changes", parts.stream().filter(PlanComparison.Part::changed).count());
        return "plan/versions";
    }

    // ---- shared

    private Map<String, String> regionNames(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        codes.forEach(
                code -> names.put(code, regions.find(code).map(Region::name).orElse(code)));
        return names;
    }
}
