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

/**
 * The import page: upload with progress (script) or a plain form post, and the result of each
 * import. A care office imports for its region ({@code ?region=}), the administrator also national files.
 */
@Controller
class ImportPageController {

    private final ImportService imports;

    ImportPageController(ImportService imports) {
        this.imports = imports;
    }

    /** Without a region: national files and every import (administrator); with one: that region's. */
    @GetMapping("/imports")
    String page(@RequestParam(value = "region", required = false) String region, Model model) {
        String scope = Uploads.region(region);
        try {
            imports.checkRegion(scope);
        } catch (ImportService.InvalidImportRequest e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("region", scope);
        model.addAttribute("formats", imports.formats());
        model.addAttribute("imports", imports.history(50, scope));
        return "ingest/imports";
    }

    /** Without script the form posts here; the result page shows how it went. */
    @PostMapping("/imports")
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(value = "type", required = false) String type,
            @RequestParam(value = "region", required = false) String region,
            Model model)
            throws IOException {
        String requestedType = type == null || type.isBlank() ? null : type;
        String scope = Uploads.region(region);
        try {
            imports.checkRequest(requestedType, scope);
            long id = imports.submit(Uploads.keep(file), Uploads.sourceName(file, null), requestedType, scope);
            return scope == null ? "redirect:/imports/" + id : "redirect:/imports/" + id + "?region=" + scope;
        } catch (ImportService.InvalidImportRequest e) {
            model.addAttribute("problem", e.getMessage());
            return page(scope, model);
        }
    }

    @GetMapping("/imports/{id}")
    String result(@PathVariable long id, @RequestParam(value = "region", required = false) String region, Model model) {
        model.addAttribute(
                "result",
                imports.find(id, Uploads.region(region))
                        .orElseThrow(() -> new ResponseStatusException(
                                HttpStatus.NOT_FOUND, "Er is geen import met nummer " + id + ".")));
        return "ingest/import-result";
    }
}
