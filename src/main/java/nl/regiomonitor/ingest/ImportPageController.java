package nl.regiomonitor.ingest;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The import page: upload with progress (script) or a plain form post, and the result of each import. */
@Controller
class ImportPageController {

    private final ImportService imports;

    ImportPageController(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/imports")
    String page(Model model) {
        model.addAttribute("formats", imports.formats());
        model.addAttribute("imports", imports.history(50));
        return "ingest/imports";
    }

    /** Without script the form posts here; the result page shows how it went. */
    @PostMapping("/imports")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(value = "type", required = false) String type,
                  Model model) throws IOException {
        String requestedType = type == null || type.isBlank() ? null : type;
        try {
            imports.checkType(requestedType);
            long id = imports.submit(Uploads.keep(file), Uploads.sourceName(file, null), requestedType);
            return "redirect:/imports/" + id;
        } catch (ImportService.InvalidImportRequest e) {
            model.addAttribute("problem", e.getMessage());
            return page(model);
        }
    }

    @GetMapping("/imports/{id}")
    String result(@PathVariable long id, Model model) {
        model.addAttribute("result", imports.find(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Er is geen import met nummer " + id + ".")));
        return "ingest/import-result";
    }
}
