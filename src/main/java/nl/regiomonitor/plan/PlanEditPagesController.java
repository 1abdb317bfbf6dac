package nl.regiomonitor.plan;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.regiomonitor.region.CodeList;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.UserService;

/**
 * The pages that write a plan's content: a new plan for a region, and the edit form with its rows of
 * objectives, actions and milestones. Refusals of the service are answered by {@link PlanPageRefusals}.
 */
@Controller
class PlanEditPagesController {

    private final PlanService plans;
    private final Programmes programmes;
    private final RegionService regions;
    private final AccessRules rules;
    private final UserService users;

    PlanEditPagesController(
            PlanService plans, Programmes programmes, RegionService regions, AccessRules rules, UserService users) {
        this.plans = plans;
        this.programmes = programmes;
        this.regions = regions;
        this.rules = rules;
        this.users = users;
    }

    /** A region to tick on the form of a plan. */
    record RegionChoice(String code, String name) {}

    /** Dutch users write a decimal comma ("8,5"); a point is read as a decimal point too, never as thousands. */
    @InitBinder("form")
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(
                        text == null || text.isBlank()
                                ? null
                                : new BigDecimal(text.strip().replace(',', '.')));
            }
        });
    }

    // ---- a new plan

    @GetMapping("/regions/{region}/plannen/nieuw")
    String newPlan(@PathVariable String region, Model model) {
        Region shown = regions.known(region);
        return newPage(shown, null, null, List.of(shown.code()), List.of(), model);
    }

    @PostMapping("/regions/{region}/plannen/nieuw")
    String create(
            @PathVariable String region,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) Long programmeId,
            @RequestParam(required = false) List<String> regions,
            Model model,
            RedirectAttributes redirect) {
        Region shown = this.regions.known(region);
        List<String> chosen = regions == null ? List.of() : regions;
        try {
            ActionPlan created = plans.create(programmeId, PlanContent.titled(title, chosen));
            redirect.addFlashAttribute("confirmation", "Het plan is aangemaakt als concept. Vul nu de onderdelen in.");
            return "redirect:/plannen/" + created.id() + "/bewerken";
        } catch (InvalidPlan e) {
            return newPage(shown, title, programmeId, chosen, FieldError.of(e.problems()), model);
        }
    }

    private String newPage(
            Region region,
            String title,
            Long programmeId,
            List<String> chosen,
            List<FieldError> problems,
            Model model) {
        model.addAttribute("region", region);
        model.addAttribute("title", title);
        model.addAttribute("programmes", programmes.list());
        model.addAttribute(
                "programmeId",
                programmeId != null
                        ? programmeId
                        : programmes.list().stream()
                                .map(Programme::id)
                                .reduce((a, b) -> b)
                                .orElse(null));
        model.addAttribute("authorRegions", authorRegions(Set.of(region.code())));
        model.addAttribute("chosen", chosen);
        FieldError.addTo(model, problems);
        return "plan/new";
    }

    // ---- editing

    /** With {@code controleren}, as the plan page links here after a refused submit, what is missing shows at its field. */
    @GetMapping("/plannen/{plan}/bewerken")
    String edit(@PathVariable("plan") long id, @RequestParam(required = false) String controleren, Model model) {
        ActionPlan plan = plans.get(id);
        if (controleren != null) {
            model.addAttribute("problemsTitle", "Vul dit aan voordat u het plan indient");
        }
        return editPage(
                plan,
                PlanForm.of(plan),
                controleren == null ? List.of() : FieldError.of(plan.content().problems()),
                null,
                model);
    }

    @PostMapping("/plannen/{plan}/bewerken")
    String save(
            @PathVariable("plan") long id,
            @ModelAttribute("form") PlanForm form,
            BindingResult binding,
            @RequestParam(required = false) String add,
            Model model,
            RedirectAttributes redirect) {
        ActionPlan stored = plans.get(id);
        // "Rij toevoegen" is a submit button, so rows can be added without JavaScript; nothing is saved then
        if (add != null) {
            switch (add) {
                case "objectives" -> form.getObjectives().add(new PlanFormRows.ObjectiveRow());
                case "actions" -> form.getActions().add(new PlanFormRows.ActionRow());
                case "milestones" -> form.getMilestones().add(new PlanFormRows.MilestoneRow());
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Onbekend soort rij");
            }
            return editPage(stored, form, List.of(), null, model);
        }
        if (binding.hasErrors()) {
            List<FieldError> problems = binding.getFieldErrors().stream()
                    .map(e -> new FieldError(
                            PlanForm.fieldId(e.getField()),
                            "'" + e.getRejectedValue() + "' is geen geldig getal of geldige datum; schrijf een getal "
                                    + "als 8 of 8,5 en een datum als 31-12-2025."))
                    .toList();
            return editPage(stored, form, problems, null, model);
        }
        try {
            ActionPlan saved = plans.save(id, form.getLockVersion(), form.toContent());
            redirect.addFlashAttribute(
                    "confirmation",
                    stored.status().frozen()
                            ? "Het plan is opgeslagen als versie " + saved.versionNumber()
                                    + " (concept). Dien het opnieuw in als het klaar is."
                            : "Het plan is opgeslagen.");
            return "redirect:/plannen/" + id + "/bewerken";
        } catch (InvalidPlan e) {
            form.dropLeftOut();
            return editPage(stored, form, FieldError.of(e.problems()), null, model);
        } catch (PlanConflict e) {
            // the user's text stays; the form now carries the current
            // lock version, so saving again is a choice made knowingly
            form.setLockVersion(stored.lockVersion());
            return editPage(
                    stored,
                    form,
                    List.of(),
                    "Iemand anders heeft dit plan opgeslagen terwijl u het bewerkte ("
                            + (stored.changedBy() == null ? "onbekend" : stored.changedBy())
                            + "). Uw wijzigingen zijn niet opgeslagen en "
                            + "staan hieronder nog. Bekijk het plan zoals het nu is en neem over wat u wilt houden; slaat u opnieuw op, dan "
                            + "vervangt uw versie die van de ander.",
                    model);
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
        model.addAttribute(
                "organisations",
                form.getRegions().stream()
                        .filter(Objects::nonNull)
                        .distinct()
                        .flatMap(region -> users.organisations(region).stream())
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("conflict", conflict);
        FieldError.addTo(model, problems);
        return "plan/edit";
    }

    /** The regions the user may write a plan for, and those already chosen, so a joint plan keeps them all. */
    private List<RegionChoice> authorRegions(Set<String> chosen) {
        Set<String> codes = new TreeSet<>(chosen);
        CurrentUser.get()
                .map(AppUser::regions)
                .ifPresent(own -> own.stream()
                        .filter(r -> rules.permits(AccessRules.WRITE_PLAN, Set.of(r)))
                        .forEach(codes::add));
        return codes.stream()
                .map(code -> new RegionChoice(
                        code, regions.find(code).map(Region::name).orElse(code)))
                .toList();
    }
}
