package nl.regiomonitor.plan;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.region.CodeList;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.Role;
import nl.regiomonitor.security.UserService;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.monitor.PublishedTrend;
import nl.regiomonitor.monitor.TrendChart;
import nl.regiomonitor.web.ErrorAnswers;
import nl.regiomonitor.web.ErrorPageAttributes;
import nl.regiomonitor.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the plans van aanpak: a region's plans and a new plan, the plan with its objectives
 * followed, its actions, milestones, progress and review, the edit form, two versions side by side,
 * and the national overview. Who may come is decided by {@link AccessRules}; the service checks it
 * again for what a path does not name.
 */
@Controller
class PlanPagesController {

    private final PlanService plans;
    private final Programmes programmes;
    private final PlanObjectives objectives;
    private final RegionService regions;
    private final InfluxTrend influxTrend;
    private final InfluxFigures influx;
    private final AccessRules rules;
    private final ObjectMapper json;
    private final PlanComments comments;
    private final UserService users;

    PlanPagesController(PlanService plans, Programmes programmes, PlanObjectives objectives, RegionService regions,
                        InfluxTrend influxTrend, InfluxFigures influx, AccessRules rules, ObjectMapper json, PlanComments comments,
                        UserService users) {
        this.plans = plans;
        this.comments = comments;
        this.users = users;
        this.programmes = programmes;
        this.objectives = objectives;
        this.regions = regions;
        this.influxTrend = influxTrend;
        this.influx = influx;
        this.rules = rules;
        this.json = json;
    }

    /** A problem and the HTML id of its field to link to (null: about the plan as a whole). */
    record FieldError(String id, String message) {
    }

    /** A line of a plans list, with how much of it is overdue today. */
    record PlanLine(PlanSummary plan, long overdue) {
    }

    /** Dutch users write a decimal comma ("8,5"); a point is read as a decimal point too, never as thousands. */
    @InitBinder("form")
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(',', '.')));
            }
        });
    }

    /** A page can refuse as the service does: not there, not the user's, or not in the right state; the error page says why. */
    @ExceptionHandler(PlanRefused.class)
    void refused(PlanRefused e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(ErrorPageAttributes.EXPLANATION, e.getMessage());
        response.sendError(ErrorAnswers.status(e.kind()).value(), e.getMessage());
    }

    // ---- lists

    @GetMapping("/plannen")
    String overview(Model model) {
        YearMonth to = influx.lastMonth() == null ? YearMonth.now() : influx.lastMonth();
        YearMonth from = to.minusMonths(PlanObjectives.MONTHS - 1);
        PublishedTrend national = influxTrend.published("NL", from, to, null);
        model.addAttribute("lines", lines(plans.list(null)));
        model.addAttribute("national", national);
        model.addAttribute("chart", TrendChart.svg(national, "Landelijke instroom GGZ-W per maand tegen het streven van 100",
                InfluxTrend.NATIONAL_TARGET, "landelijk-grafiek"));
        model.addAttribute("nationalView", CurrentUser.get().map(u -> u.holds(Role.LANDELIJK, null) || u.holds(Role.BEHEERDER, null))
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
        summaries.stream().flatMap(p -> p.regions().stream()).distinct()
                .flatMap(r -> plans.overdue(r).stream()).distinct()
                .forEach(item -> overdue.merge(item.planId(), 1L, Long::sum));
        return summaries.stream().map(p -> new PlanLine(p, overdue.getOrDefault(p.id(), 0L))).toList();
    }

    // ---- a new plan

    @GetMapping("/regions/{region}/plannen/nieuw")
    String newPlan(@PathVariable String region, Model model) {
        Region shown = regions.known(region);
        return newPage(shown, null, null, List.of(shown.code()), List.of(), model);
    }

    @PostMapping("/regions/{region}/plannen/nieuw")
    String create(@PathVariable String region, @RequestParam(required = false) String title,
                  @RequestParam(required = false) Long programmeId, @RequestParam(required = false) List<String> regions,
                  Model model, RedirectAttributes redirect) {
        Region shown = this.regions.known(region);
        List<String> chosen = regions == null ? List.of() : regions;
        try {
            ActionPlan created = plans.create(new ActionPlan(null, programmeId, null, null, title, chosen, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null));
            redirect.addFlashAttribute("confirmation", "Het plan is aangemaakt als concept. Vul nu de onderdelen in.");
            return "redirect:/plannen/" + created.id() + "/bewerken";
        } catch (InvalidPlan e) {
            return newPage(shown, title, programmeId, chosen, errors(e.problems()), model);
        }
    }

    private String newPage(Region region, String title, Long programmeId, List<String> chosen, List<FieldError> problems, Model model) {
        model.addAttribute("region", region);
        model.addAttribute("title", title);
        model.addAttribute("programmes", programmes.list());
        model.addAttribute("programmeId", programmeId != null ? programmeId
                : programmes.list().stream().map(Programme::id).reduce((a, b) -> b).orElse(null));
        model.addAttribute("authorRegions", authorRegions(Set.of(region.code())));
        model.addAttribute("chosen", chosen);
        addErrors(problems, model);
        return "plan/new";
    }

    // ---- the plan

    @GetMapping("/plannen/{plan}")
    String plan(@PathVariable("plan") long id, Model model) {
        return planPage(plans.get(id), List.of(), null, model);
    }

    @PostMapping("/plannen/{plan}/indienen")
    String submit(@PathVariable("plan") long id, @RequestParam(required = false) Integer lockVersion, Model model,
                  RedirectAttributes redirect) {
        try {
            ActionPlan plan = plans.submit(id, lockVersion);
            redirect.addFlashAttribute("confirmation", "Versie " + plan.versionNumber() + " van het plan is ingediend"
                    + (Boolean.TRUE.equals(plan.late()) ? ", na de uiterste datum." : "."));
            return "redirect:/plannen/" + id;
        } catch (InvalidPlan e) {
            model.addAttribute("submitMessage", e.getMessage());
            return planPage(plans.get(id), errors(e.problems()), null, model);
        } catch (PlanConflict e) {
            return planPage(plans.get(id), List.of(new FieldError(null, e.getMessage())), null, model);
        }
    }

    @PostMapping("/plannen/{plan}/accepteren")
    String accept(@PathVariable("plan") long id, @RequestParam(required = false) Integer lockVersion, Model model,
                  RedirectAttributes redirect) {
        try {
            plans.accept(id, lockVersion);
        } catch (PlanConflict e) {
            return planPage(plans.get(id), List.of(new FieldError(null, e.getMessage())), null, model);
        }
        redirect.addFlashAttribute("confirmation", "Het plan is geaccepteerd.");
        return "redirect:/plannen/" + id;
    }

    @PostMapping("/plannen/{plan}/terugsturen")
    String sendBack(@PathVariable("plan") long id, @RequestParam(required = false) Integer lockVersion,
                    @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
        try {
            plans.sendBack(id, lockVersion, comment);
        } catch (InvalidPlan e) {
            return planPage(plans.get(id), errors(e.problems()), comment, model);
        } catch (PlanConflict e) {
            return planPage(plans.get(id), List.of(new FieldError(null, e.getMessage())), comment, model);
        }
        redirect.addFlashAttribute("confirmation", "Het plan is teruggestuurd naar de regio, met uw toelichting.");
        return "redirect:/plannen/" + id;
    }

    @PostMapping("/plannen/{plan}/acties/{action}/voortgang")
    String progress(@PathVariable("plan") long id, @PathVariable long action, @RequestParam(required = false) ActionStatus status,
                    @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        try {
            plans.reportProgress(id, action, status, note);
        } catch (InvalidPlan e) {
            return planPage(plans.get(id), e.problems().stream().map(p -> new FieldError("voortgang-" + action + "-"
                    + p.field(), p.message())).toList(), null, model);
        }
        redirect.addFlashAttribute("confirmation", "De voortgang is vastgelegd.");
        return "redirect:/plannen/" + id + "#actie-" + action;
    }

    /**
     * A comment of client representation, on the section named or (none) on the whole plan. A refused one
     * shows the page again with the reason at the field and the text as typed, in the form it was typed in.
     */
    @PostMapping("/plannen/{plan}/reacties")
    String comment(@PathVariable("plan") long id, @RequestParam(required = false) PlanSection section,
                   @RequestParam(required = false) String text, Model model, RedirectAttributes redirect) {
        try {
            PlanComment added = comments.add(id, section, text);
            redirect.addFlashAttribute("confirmation", "Uw reactie is geplaatst. Iedereen die dit plan kan lezen, ziet haar bij het "
                    + "plan en in de bijlage van de Word- en PDF-versie.");
            return "redirect:/plannen/" + id + "#reactie-" + added.id();
        } catch (InvalidPlan e) {
            String form = commentForm(section);
            model.addAttribute("commentForm", form);
            model.addAttribute("commentText", text);
            return planPage(plans.get(id), e.problems().stream().map(p -> new FieldError(form + "-" + p.field(), p.message())).toList(),
                    null, model);
        }
    }

    /** The HTML id prefix of the comment form of a section, or of the whole plan. */
    static String commentForm(PlanSection section) {
        return section == null ? "reactie" : "reactie-" + section.name();
    }

    private String planPage(ActionPlan plan, List<FieldError> problems, String comment, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("parts", parts());
        model.addAttribute("objectives", objectives.of(plan));
        model.addAttribute("versions", plans.versions(plan.id()));
        model.addAttribute("regionNames", regionNames(plan.regions()));
        model.addAttribute("mayEdit", rules.permits(AccessRules.WRITE_PLAN, plan.regions()));
        // a provider only reports on its own organisation's actions, so the form is offered per action
        model.addAttribute("reportable", plan.actions().stream().filter(a -> rules.mayReportProgress(plan.regions(), a.owner()))
                .map(ActionPlan.Action::id).collect(Collectors.toSet()));
        List<PlanComment> all = comments.on(plan);
        model.addAttribute("comments", all);
        model.addAttribute("commentsBySection", all.stream().filter(c -> c.section() != null)
                .collect(Collectors.groupingBy(PlanComment::section, Collectors.counting())));
        model.addAttribute("mayComment", comments.mayComment(plan.regions()));
        model.addAttribute("maxComment", PlanComments.MAX_LENGTH);
        model.addAttribute("mayReview", rules.permits(AccessRules.REVIEW_PLAN, plan.regions()));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("comment", comment);
        addErrors(problems, model);
        return "plan/plan";
    }

    /** The written sections per part of the template (A, B, C), in its order. */
    private static Map<String, List<PlanSection>> parts() {
        Map<String, List<PlanSection>> parts = new LinkedHashMap<>();
        for (PlanSection section : PlanSection.values()) {
            parts.computeIfAbsent(String.valueOf(section.part()), p -> new ArrayList<>()).add(section);
        }
        return parts;
    }

    // ---- editing

    /** With {@code controleren}, as the plan page links here after a refused submit, what is missing shows at its field. */
    @GetMapping("/plannen/{plan}/bewerken")
    String edit(@PathVariable("plan") long id, @RequestParam(required = false) String controleren, Model model) {
        ActionPlan plan = plans.get(id);
        if (controleren != null) {
            model.addAttribute("problemsTitle", "Vul dit aan voordat u het plan indient");
        }
        return editPage(plan, PlanForm.of(plan), controleren == null ? List.of() : errors(PlanService.validate(plan)), null, model);
    }

    @PostMapping("/plannen/{plan}/bewerken")
    String save(@PathVariable("plan") long id, @ModelAttribute("form") PlanForm form, BindingResult binding,
                @RequestParam(required = false) String add, Model model, RedirectAttributes redirect) {
        ActionPlan stored = plans.get(id);
        // "Rij toevoegen" is a submit button, so rows can be added without JavaScript; nothing is saved then
        if (add != null) {
            switch (add) {
                case "objectives" -> form.getObjectives().add(new PlanForm.ObjectiveRow());
                case "actions" -> form.getActions().add(new PlanForm.ActionRow());
                case "milestones" -> form.getMilestones().add(new PlanForm.MilestoneRow());
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Onbekend soort rij");
            }
            return editPage(stored, form, List.of(), null, model);
        }
        if (binding.hasErrors()) {
            List<FieldError> problems = binding.getFieldErrors().stream().map(e -> new FieldError(
                    PlanForm.fieldId(e.getField()), "'" + e.getRejectedValue() + "' is geen geldig getal of geldige datum; schrijf een getal "
                    + "als 8 of 8,5 en een datum als 31-12-2025.")).toList();
            return editPage(stored, form, problems, null, model);
        }
        try {
            ActionPlan saved = plans.save(id, form.getLockVersion(), form.toPlan());
            redirect.addFlashAttribute("confirmation", stored.status().frozen()
                    ? "Het plan is opgeslagen als versie " + saved.versionNumber() + " (concept). Dien het opnieuw in als het klaar is."
                    : "Het plan is opgeslagen.");
            return "redirect:/plannen/" + id + "/bewerken";
        } catch (InvalidPlan e) {
            form.dropLeftOut();
            return editPage(stored, form, errors(e.problems()), null, model);
        } catch (PlanConflict e) {
            // the user's text stays; the form now carries the current lock version, so saving again is a choice made knowingly
            form.setLockVersion(stored.lockVersion());
            return editPage(stored, form, List.of(), "Iemand anders heeft dit plan opgeslagen terwijl u het bewerkte ("
                    + (stored.changedBy() == null ? "onbekend" : stored.changedBy()) + "). Uw wijzigingen zijn niet opgeslagen en "
                    + "staan hieronder nog. Bekijk het plan zoals het nu is en neem over wat u wilt houden; slaat u opnieuw op, dan "
                    + "vervangt uw versie die van de ander.", model);
        }
    }

    private String editPage(ActionPlan plan, PlanForm form, List<FieldError> problems, String conflict, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("sections", PlanSection.values());
        model.addAttribute("figures", PlanFigure.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("profiles", new TreeSet<>(regions.codes(CodeList.PROFILE)));
        model.addAttribute("authorRegions", authorRegions(new TreeSet<>(form.getRegions())));
        model.addAttribute("organisations", form.getRegions().stream().filter(Objects::nonNull).distinct()
                .flatMap(region -> users.organisations(region).stream()).distinct().sorted().toList());
        model.addAttribute("conflict", conflict);
        addErrors(problems, model);
        return "plan/edit";
    }

    // ---- versions

    @GetMapping("/plannen/{plan}/versies")
    String compare(@PathVariable("plan") long id, @RequestParam(required = false) Integer a, @RequestParam(required = false) Integer b,
                   Model model) throws JsonProcessingException {
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
        model.addAttribute("compared", parts.stream().filter(PlanComparison.Part::changed).toList());
        model.addAttribute("unchanged", parts.stream().filter(p -> !p.changed()).map(PlanComparison.Part::label).toList());
        model.addAttribute("changes", parts.stream().filter(PlanComparison.Part::changed).count());
        return "plan/versions";
    }

    // ---- shared


    private Map<String, String> regionNames(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        codes.forEach(code -> names.put(code, regions.find(code).map(Region::name).orElse(code)));
        return names;
    }

    /** The regions the user may write a plan for, and those already chosen, so a joint plan keeps them all. */
    private List<Region> authorRegions(Set<String> chosen) {
        Set<String> codes = new TreeSet<>(chosen);
        CurrentUser.get().map(AppUser::regions).ifPresent(own -> own.stream()
                .filter(r -> rules.permits(AccessRules.WRITE_PLAN, Set.of(r))).forEach(codes::add));
        return codes.stream().map(code -> regions.find(code).orElse(new Region(code, code, 0, 0, null))).toList();
    }

    private static List<FieldError> errors(List<Problem> problems) {
        return problems.stream().map(p -> new FieldError(p.field() == null ? null : PlanForm.fieldId(p.field()), p.message()))
                .toList();
    }

    /** All problems for the box at the top, and the first per field id to show beside it. */
    private static void addErrors(List<FieldError> problems, Model model) {
        Map<String, String> byId = new LinkedHashMap<>();
        problems.stream().filter(p -> p.id() != null).forEach(p -> byId.putIfAbsent(p.id(), p.message()));
        model.addAttribute("problems", problems);
        model.addAttribute("errors", byId);
    }
}
