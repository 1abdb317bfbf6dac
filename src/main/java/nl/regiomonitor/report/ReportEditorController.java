package nl.regiomonitor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;

/**
 * Where a care office writes the texts of its regioperspectief and publishes it. All texts are one form saved
 * at once, so nothing typed in one part is lost by saving another.
 */
@Controller
@RequestMapping("/regions/{region}/regioperspectief/{year}")
class ReportEditorController {

    /** The version sent for a single text that did not exist when the editor was opened. */
    static final int NONE = -1;

    private static final Pattern TASK_VERSION = Pattern.compile("task\\.(\\d{1,18})\\.version");

    private final RegionService regions;
    private final ReportTexts texts;
    private final ReportPublications publications;
    private final RegionalReport reports;

    ReportEditorController(
            RegionService regions, ReportTexts texts, ReportPublications publications, RegionalReport reports) {
        this.regions = regions;
        this.texts = texts;
        this.publications = publications;
        this.reports = reports;
    }

    /** A text field of the form: single kind or one of a task; {@code id} is the HTML id of its textarea. */
    record SingleField(
            TextKind kind, String id, String name, String body, int version, boolean fromDefault, String error) {

        /** The field as typed, before any check. */
        static SingleField typed(TextKind kind, String id, String name, String body, int version, boolean fromDefault) {
            return new SingleField(kind, id, name, body, version, fromDefault, null);
        }
    }

    /** A regional task in the form ({@code task} null: the slot for a new one), with what the user typed. */
    record TaskField(
            Long taskId,
            String storedTitle,
            String id,
            String name,
            String title,
            String body,
            int version,
            boolean delete,
            String titleError,
            String bodyError) {

        /** An existing task as typed, before any check. */
        static TaskField typed(
                long taskId, String storedTitle, String title, String body, int version, boolean delete) {
            String prefix = "task." + taskId;
            return new TaskField(
                    taskId, storedTitle, "opgave-" + taskId, prefix, title, body, version, delete, null, null);
        }

        /** The slot for a new task, with what was typed in it. */
        static TaskField blank(String title, String body) {
            return new TaskField(null, null, "opgave-nieuw", "new", title, body, 0, false, null, null);
        }
    }

    /** A line of the error summary: the message and the field it links to. */
    record ErrorLink(String field, String message) {}

    @GetMapping
    String editor(@PathVariable String region, @PathVariable int year, Model model) {
        Region shown = regions.known(region);
        int chosen = ReportController.year(year);
        return page(shown, chosen, fromStore(shown, chosen), List.of(), model);
    }

    @PostMapping("/texts")
    String saveAll(
            @PathVariable String region,
            @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Region shown = regions.known(region);
        int chosen = ReportController.year(year);
        Map<TextKind, String> defaults = reports.defaultTexts(shown, chosen);
        Typed typed = typed(form, defaults);
        List<String> done;
        try {
            done = texts.saveAll(shown.code(), chosen, typed.edits());
        } catch (ReportTexts.RefusedAll e) {
            return page(shown, chosen, typed.withProblems(e.perEdit()), typed.errorLinks(e.perEdit()), model);
        }
        redirect.addFlashAttribute(
                "confirmation",
                done.isEmpty()
                        ? "Er was niets gewijzigd; er is niets opgeslagen."
                        : "Opgeslagen: " + String.join(", ", done) + ".");
        return "redirect:/regions/" + shown.code() + "/regioperspectief/" + chosen;
    }

    @PostMapping("/publish")
    String publish(@PathVariable String region, @PathVariable int year, RedirectAttributes redirect) {
        Region shown = regions.known(region);
        publications.publish(shown, ReportController.year(year));
        redirect.addFlashAttribute(
                "confirmation",
                "Het regioperspectief " + shown.name() + " " + year + " is gepubliceerd en voor iedereen te lezen.");
        return "redirect:/regions/" + shown.code() + "/regioperspectief/" + year;
    }

    /** The fields of the form as stored; a single text that has none shows its generated default. */
    private Typed fromStore(Region region, int year) {
        List<ReportTexts.Text> written = texts.list(region.code(), year);
        Map<TextKind, String> defaults = reports.defaultTexts(region, year);
        List<SingleField> singles = new ArrayList<>();
        for (TextKind kind : TextKind.values()) {
            if (!kind.single()) {
                continue;
            }
            Optional<ReportTexts.Text> text =
                    written.stream().filter(t -> t.kind() == kind).findFirst();
            String fallback = defaults.get(kind);
            singles.add(SingleField.typed(
                    kind,
                    singleId(kind),
                    kind.name() + ".body",
                    text.map(ReportTexts.Text::body).orElse(fallback == null ? "" : fallback),
                    text.map(ReportTexts.Text::version).orElse(NONE),
                    text.isEmpty() && fallback != null));
        }
        List<TaskField> tasks = new ArrayList<>();
        written.stream()
                .filter(t -> t.kind() == TextKind.REGIONAL_TASK)
                .forEach(t -> tasks.add(TaskField.typed(t.id(), t.title(), t.title(), t.body(), t.version(), false)));
        tasks.add(TaskField.blank("", ""));
        return new Typed(singles, tasks);
    }

    /** What the user sent, as edits for {@link ReportTexts#saveAll} and as fields to show again. */
    private Typed typed(MultiValueMap<String, String> form, Map<TextKind, String> defaults) {
        List<SingleField> singles = new ArrayList<>();
        for (TextKind kind : TextKind.values()) {
            if (!kind.single()) {
                continue;
            }
            int version = number(form.getFirst(kind.name() + ".version"), NONE);
            String body = text(form.getFirst(kind.name() + ".body"));
            // a generated default left as it was is not the care office's text: it is not stored, so it can still
            // follow the figures
            boolean untouchedDefault =
                    version == NONE && defaults.get(kind) != null && sameText(body, defaults.get(kind));
            singles.add(
                    SingleField.typed(kind, singleId(kind), kind.name() + ".body", body, version, untouchedDefault));
        }
        List<TaskField> tasks = new ArrayList<>();
        TreeSet<Long> ids = new TreeSet<>();
        for (String name : form.keySet()) {
            Matcher m = TASK_VERSION.matcher(name);
            if (m.matches()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        for (long id : ids) {
            String prefix = "task." + id;
            tasks.add(TaskField.typed(
                    id,
                    text(form.getFirst(prefix + ".stored")),
                    text(form.getFirst(prefix + ".title")),
                    text(form.getFirst(prefix + ".body")),
                    number(form.getFirst(prefix + ".version"), 0),
                    form.containsKey(prefix + ".delete")));
        }
        tasks.add(TaskField.blank(text(form.getFirst("new.title")), text(form.getFirst("new.body"))));
        return new Typed(singles, tasks);
    }

    /** The form's fields in the order of {@link #edits}: the single texts, then the tasks, the new one last. */
    record Typed(List<SingleField> singles, List<TaskField> tasks) {

        List<ReportTexts.Edit> edits() {
            List<ReportTexts.Edit> edits = new ArrayList<>();
            singles.forEach(
                    s -> edits.add(ReportTexts.Edit.single(s.kind(), s.fromDefault() ? "" : s.body(), s.version())));
            tasks.forEach(
                    t -> edits.add(ReportTexts.Edit.task(t.taskId(), t.title(), t.body(), t.version(), t.delete())));
            return edits;
        }

        /** The same fields with each problem at its field. */
        Typed withProblems(List<ReportTexts.EditProblem> problems) {
            Map<String, String> byField = new LinkedHashMap<>();
            problems.forEach(p -> byField.putIfAbsent(
                    p.edit() + "." + p.problem().field(), p.problem().message()));
            List<SingleField> s = new ArrayList<>();
            for (int i = 0; i < singles.size(); i++) {
                SingleField f = singles.get(i);
                s.add(new SingleField(
                        f.kind(), f.id(), f.name(), f.body(), f.version(), f.fromDefault(), byField.get(i + ".body")));
            }
            List<TaskField> t = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                TaskField f = tasks.get(i);
                int edit = singles.size() + i;
                t.add(new TaskField(
                        f.taskId(),
                        f.storedTitle(),
                        f.id(),
                        f.name(),
                        f.title(),
                        f.body(),
                        f.version(),
                        f.delete(),
                        byField.get(edit + ".title"),
                        byField.get(edit + ".body")));
            }
            return new Typed(s, t);
        }

        /** The error summary: every problem, linked to the field it is about, in the order of the page. */
        List<ErrorLink> errorLinks(List<ReportTexts.EditProblem> problems) {
            return problems.stream()
                    .map(p -> new ErrorLink(
                            fieldId(p.edit()) + "-" + p.problem().field(),
                            p.problem().message()))
                    .toList();
        }

        private String fieldId(int edit) {
            return edit < singles.size()
                    ? singles.get(edit).id()
                    : tasks.get(edit - singles.size()).id();
        }
    }

    private String page(Region region, int year, Typed typed, List<ErrorLink> errors, Model model) {
        model.addAttribute("region", region);
        model.addAttribute("year", year);
        model.addAttribute("singles", typed.singles());
        model.addAttribute("tasks", typed.tasks());
        model.addAttribute("errors", errors);
        model.addAttribute("publication", publications.find(region.code(), year).orElse(null));
        return "report/editor";
    }

    /** The id of a single text's field; its textarea is {@code id + "-body"}, as a task's is. */
    static String singleId(TextKind kind) {
        return "tekst-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static boolean sameText(String a, String b) {
        return a.replace("\r\n", "\n").strip().equals(b.replace("\r\n", "\n").strip());
    }

    private static int number(String value, int otherwise) {
        try {
            return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
