package nl.regiomonitor.security;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.web.Attachment;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail on a page, filterable and exportable as CSV: all of it for the administrator,
 * a region's own events for that region's care office. There is no way to change it here.
 */
@Controller
class AuditController {

    /** Lines on one page; the CSV holds every matching line. */
    static final int PAGE_SIZE = 500;

    private final AuditService audit;
    private final RegionService regions;

    AuditController(AuditService audit, RegionService regions) {
        this.audit = audit;
        this.regions = regions;
    }

    @GetMapping("/admin/audit")
    String all(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) String text, Model model) {
        return page(new AuditFilter(null, actor, action, from, to, text), null, model);
    }

    @GetMapping("/admin/audit.csv")
    void allCsv(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String text, HttpServletResponse response) throws IOException {
        csv(new AuditFilter(null, actor, action, from, to, text), "audittrail.csv", response);
    }

    @GetMapping("/regions/{region}/audit")
    String region(@PathVariable String region, @RequestParam(required = false) String actor,
                  @RequestParam(required = false) AuditAction action,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String text, Model model) {
        regions.known(region);
        return page(new AuditFilter(region, actor, action, from, to, text), region, model);
    }

    @GetMapping("/regions/{region}/audit.csv")
    void regionCsv(@PathVariable String region, @RequestParam(required = false) String actor,
                   @RequestParam(required = false) AuditAction action,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String text, HttpServletResponse response) throws IOException {
        regions.known(region);
        csv(new AuditFilter(region, actor, action, from, to, text), "audittrail-" + region + ".csv", response);
    }

    private String page(AuditFilter filter, String region, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("region", region);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("events", audit.search(filter, PAGE_SIZE));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "security/audit";
    }

    private void csv(AuditFilter filter, String fileName, HttpServletResponse response) throws IOException {
        Attachment.headers(response, "text/csv; charset=UTF-8", fileName);
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // Excel reads UTF-8 only with a byte order mark
        audit.writeCsv(filter, out);
        out.flush();
    }

}
