package nl.regiomonitor.signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.regiomonitor.ingest.Uploads;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.web.FormProblems;
import nl.regiomonitor.web.Problem;

/**
 * The register pages of a region: the list per kind with counts (readable by everyone with a role
 * in the region and by national roles), and the forms to add, change, delete and import entries
 * (the region's care office and the administrator; {@link AccessRules} decides who comes here).
 * An entry is always looked up within the region of the path, so another region's id gives 404.
 */
@Controller
@RequestMapping("/regions/{region}/register")
class RegisterController {

    /** The entries of one kind in the year, for one section of the list. */
    public record Section(RegisterKind kind, List<RegisterEntry> entries) {}

    /** The register is kept from this year on; earlier years hold nothing. */
    private static final int FIRST_YEAR = 2000;

    private final SignalRegister register;
    private final RegionService regions;
    private final AccessRules access;

    RegisterController(SignalRegister register, RegionService regions, AccessRules access) {
        this.register = register;
        this.regions = regions;
        this.access = access;
    }

    @GetMapping
    String list(
            @PathVariable String region,
            @RequestParam(required = false) String year,
            Model model,
            HttpServletResponse response) {
        Region r = regions.known(region);
        FormProblems problems = new FormProblems();
        Integer asked = problems.year("year", year, FIRST_YEAR, LocalDate.now().getYear() + 1);
        int shown = asked != null
                ? asked
                : register.latestYear(region).orElse(LocalDate.now().getYear());
        if (!problems.isEmpty()) {
            // the latest year stays visible under the reason, the typed year in the field
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("problems", problems);
        model.addAttribute("typedYear", problems.isEmpty() ? String.valueOf(shown) : year);
        List<RegisterEntry> entries = register.list(region, shown);
        model.addAttribute("region", r);
        model.addAttribute("year", shown);
        model.addAttribute("summary", register.summary(region, shown));
        model.addAttribute(
                "sections",
                Arrays.stream(RegisterKind.values())
                        .map(kind -> new Section(
                                kind,
                                entries.stream().filter(e -> e.kind() == kind).toList()))
                        .toList());
        model.addAttribute("mayEdit", access.mayRead("/regions/" + region + "/register/new", region));
        return "signal/register";
    }

    @GetMapping("/new")
    String newEntry(@PathVariable String region, Model model) {
        return entryPage(regions.known(region), null, EntryInput.empty(), List.of(), model);
    }

    @PostMapping("/new")
    String create(@PathVariable String region, EntryInput form, Model model, RedirectAttributes redirect) {
        Region r = regions.known(region);
        try {
            RegisterEntry entry = register.create(region, form);
            redirect.addFlashAttribute("confirmation", entry.label() + " is toegevoegd.");
            return "redirect:/regions/" + region + "/register?year=" + entry.year();
        } catch (InvalidEntry e) {
            return entryPage(r, null, form, e.problems(), model);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String region, @PathVariable long id, Model model) {
        RegisterEntry entry = existing(region, id);
        return entryPage(regions.known(region), entry, EntryInput.of(entry), List.of(), model);
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable String region,
            @PathVariable long id,
            @RequestParam int version,
            EntryInput form,
            Model model,
            RedirectAttributes redirect) {
        RegisterEntry entry = existing(region, id);
        try {
            RegisterEntry after = register.update(region, id, version, form);
            redirect.addFlashAttribute("confirmation", after.label() + " is gewijzigd.");
            return "redirect:/regions/" + region + "/register?year=" + after.year();
        } catch (InvalidEntry e) {
            // after someone else's change the form shows the stored entry, so it is not overwritten unseen
            boolean stale = entry.version() != version;
            return entryPage(regions.known(region), entry, stale ? EntryInput.of(entry) : form, e.problems(), model);
        }
    }

    /** Deleting needs the box "yes, delete" ticked: a stray click on the button does nothing. */
    @PostMapping("/{id}/delete")
    String delete(
            @PathVariable String region,
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes redirect) {
        RegisterEntry entry = existing(region, id);
        if (!confirm) {
            return entryPage(
                    regions.known(region),
                    entry,
                    EntryInput.of(entry),
                    List.of(new Problem("confirm", "Vink aan dat u deze registratie echt wilt verwijderen.")),
                    model);
        }
        try {
            register.delete(region, id, version);
            redirect.addFlashAttribute("confirmation", entry.label() + " is verwijderd.");
            return "redirect:/regions/" + region + "/register?year=" + entry.year();
        } catch (InvalidEntry e) {
            return entryPage(regions.known(region), entry, EntryInput.of(entry), e.problems(), model);
        }
    }

    @GetMapping("/import")
    String importForm(@PathVariable String region, Model model) {
        return importPage(regions.known(region), List.of(), model);
    }

    @PostMapping("/import")
    String importFile(
            @PathVariable String region,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Region r = regions.known(region);
        if (file == null || file.isEmpty()) {
            return importPage(r, List.of(new Problem("file", "Kies een bestand om te importeren.")), model);
        }
        String name = Uploads.sourceName(file, null);
        Path copy = Uploads.keep(file);
        try {
            int added = register.importFile(region, name, copy);
            redirect.addFlashAttribute(
                    "confirmation",
                    added == 1
                            ? "1 registratie uit " + name + " is toegevoegd."
                            : added + " registraties uit " + name + " zijn toegevoegd.");
            return "redirect:/regions/" + region + "/register";
        } catch (InvalidEntry e) {
            return importPage(r, e.problems(), model);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private RegisterEntry existing(String region, long id) {
        regions.known(region);
        return register.find(region, id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Regio " + region + " heeft geen registratie met nummer " + id + "."));
    }

    private String entryPage(Region region, RegisterEntry entry, EntryInput form, List<Problem> problems, Model model) {
        model.addAttribute("region", region);
        model.addAttribute("entry", entry);
        model.addAttribute("form", form);
        addProblems(problems, model);
        model.addAttribute("kinds", RegisterKind.values());
        model.addAttribute("categories", register.categories());
        model.addAttribute("locationKinds", LocationKind.values());
        model.addAttribute("maxDescription", SignalRegister.MAX_DESCRIPTION);
        model.addAttribute("maxName", SignalRegister.MAX_NAME);
        return "signal/entry";
    }

    private String importPage(Region region, List<Problem> problems, Model model) {
        model.addAttribute("region", region);
        addProblems(problems, model);
        model.addAttribute("columns", String.join(";", RegisterFile.COLUMNS));
        model.addAttribute("kinds", RegisterKind.values());
        model.addAttribute("categories", register.categories());
        model.addAttribute("locationKinds", LocationKind.values());
        return "signal/import";
    }

    /** All reasons for the box at the top, and the first reason per field to show next to it. */
    private static void addProblems(List<Problem> problems, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.stream().filter(p -> p.field() != null).forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        model.addAttribute("problems", problems);
        model.addAttribute("errors", errors);
    }
}
