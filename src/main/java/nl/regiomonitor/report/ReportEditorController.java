package nl.regiomonitor.report;

import java.util.List;

import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a care office writes the texts of its regioperspectief and publishes it. */
@Controller
@RequestMapping("/regions/{region}/regioperspectief/{year}")
class ReportEditorController {

    private final RegionService regions;
    private final ReportTexts texts;
    private final ReportPublications publications;

    ReportEditorController(RegionService regions, ReportTexts texts, ReportPublications publications) {
        this.regions = regions;
        this.texts = texts;
        this.publications = publications;
    }

    /** Why a change was refused, and at which field of which form. */
    record Problem(String form, String field, String message) {
    }

    /** What the user wrote in a refused form, so it is not lost. */
    record Draft(String form, String title, String body) {
    }

    @GetMapping
    String editor(@PathVariable String region, @PathVariable int year, Model model) {
        return page(regions.known(region), ReportController.year(year), null, null, model);
    }

    @PostMapping("/texts")
    String save(@PathVariable String region, @PathVariable int year, @RequestParam TextKind kind,
                @RequestParam(required = false) Long id, @RequestParam(required = false) String title,
                @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "0") int version,
                Model model, RedirectAttributes redirect) {
        Region shown = regions.known(region);
        String form = form(kind, id);
        try {
            texts.save(shown.code(), ReportController.year(year), id, kind, title, body, version);
        } catch (ReportTexts.Refused e) {
            return page(shown, year, new Problem(form, e.field(), e.getMessage()), new Draft(form, title, body), model);
        }
        redirect.addFlashAttribute("confirmation", kind.dutch() + " is opgeslagen.");
        return "redirect:/regions/" + shown.code() + "/regioperspectief/" + year + "#" + form;
    }

    @PostMapping("/texts/{id}/delete")
    String delete(@PathVariable String region, @PathVariable int year, @PathVariable long id, Model model, RedirectAttributes redirect) {
        Region shown = regions.known(region);
        try {
            texts.delete(shown.code(), ReportController.year(year), id);
        } catch (ReportTexts.Refused e) {
            return page(shown, year, new Problem(null, null, e.getMessage()), null, model);
        }
        redirect.addFlashAttribute("confirmation", "De tekst is verwijderd.");
        return "redirect:/regions/" + shown.code() + "/regioperspectief/" + year;
    }

    @PostMapping("/publish")
    String publish(@PathVariable String region, @PathVariable int year, RedirectAttributes redirect) {
        Region shown = regions.known(region);
        publications.publish(shown, ReportController.year(year));
        redirect.addFlashAttribute("confirmation", "Het regioperspectief " + shown.name() + " " + year
                + " is gepubliceerd en voor iedereen te lezen.");
        return "redirect:/regions/" + shown.code() + "/regioperspectief/" + year;
    }

    private String page(Region region, int year, Problem problem, Draft draft, Model model) {
        List<ReportTexts.Text> written = texts.list(region.code(), year);
        model.addAttribute("region", region);
        model.addAttribute("year", year);
        model.addAttribute("kinds", List.of(TextKind.INTRODUCTION, TextKind.LOOK_BACK, TextKind.DISCLAIMER));
        model.addAttribute("single", written.stream().filter(t -> t.kind().single())
                .collect(java.util.stream.Collectors.toMap(t -> t.kind().name(), t -> t)));
        model.addAttribute("tasks", written.stream().filter(t -> t.kind() == TextKind.REGIONAL_TASK).toList());
        model.addAttribute("publication", publications.find(region.code(), year).orElse(null));
        model.addAttribute("problem", problem);
        model.addAttribute("draft", draft);
        return "report/editor";
    }

    /** The id of a form on the page: one per single text, one per regional task, one for a new task. */
    static String form(TextKind kind, Long id) {
        return kind.single() ? "tekst-" + kind.name().toLowerCase(java.util.Locale.ROOT) : id == null ? "opgave-nieuw" : "opgave-" + id;
    }
}
