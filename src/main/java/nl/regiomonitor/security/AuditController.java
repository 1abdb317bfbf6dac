package nl.regiomonitor.security;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.web.Attachment;
import nl.regiomonitor.web.FormProblems;

/**
 * The audit trail on a page, filterable and exportable as CSV: all of it for the administrator,
 * a region's own events for that region's care office. There is no way to change it here.
 */
@Controller
class AuditController {

    /** Lines on one page; the CSV holds every matching line. */
    static final int PAGE_SIZE = 50;

    private final AuditService audit;
    private final RegionService regions;

    AuditController(AuditService audit, RegionService regions) {
        this.audit = audit;
        this.regions = regions;
    }

    /** A link to one page of the trail; a null number is the gap between far-apart page numbers. */
    record PageLink(Integer number, String href, boolean current) {

        /** The "…" between page numbers that are not shown. */
        static PageLink gap() {
            return new PageLink(null, null, false);
        }
    }

    /** The filter as typed, put back in the form and kept in the links to other pages. */
    record Typed(String actor, String action, String from, String to, String text) {}

    @GetMapping("/admin/audit")
    String all(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String page,
            Model model,
            HttpServletResponse response) {
        return page(null, new Typed(actor, action, from, to, text), page, model, response);
    }

    @GetMapping("/admin/audit.csv")
    void allCsv(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String text,
            HttpServletResponse response)
            throws IOException {
        csv(AuditFilter.everyRegion(actor, action, from, to, text), "audittrail.csv", response);
    }

    @GetMapping("/regions/{region}/audit")
    String region(
            @PathVariable String region,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String page,
            Model model,
            HttpServletResponse response) {
        regions.known(region);
        return page(region, new Typed(actor, action, from, to, text), page, model, response);
    }

    @GetMapping("/regions/{region}/audit.csv")
    void regionCsv(
            @PathVariable String region,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String text,
            HttpServletResponse response)
            throws IOException {
        regions.known(region);
        csv(new AuditFilter(region, actor, action, from, to, text), "audittrail-" + region + ".csv", response);
    }

    private String page(String region, Typed typed, String page, Model model, HttpServletResponse response) {
        FormProblems problems = new FormProblems();
        AuditAction action = action(typed.action(), problems);
        LocalDate from = problems.date("from", typed.from(), "de eerste datum");
        LocalDate to = problems.date("to", typed.to(), "de laatste datum");
        problems.inOrder(
                "to", from, to, "De datum 'tot en met' ligt vóór de datum 'vanaf'. Kies een datum op of na de eerste.");
        AuditFilter filter = new AuditFilter(region, typed.actor(), action, from, to, typed.text());
        String path = region == null ? "/admin/audit" : "/regions/" + region + "/audit";
        AuditLines lines = new AuditLines(regions.names());
        model.addAttribute("typed", typed);
        model.addAttribute("filter", filter);
        model.addAttribute("problems", problems);
        model.addAttribute("region", region);
        model.addAttribute("regionName", lines.regionName(region));
        model.addAttribute("actions", AuditAction.values());
        if (!problems.isEmpty()) {
            // a filter that cannot be used shows the form again with the reasons, not every event
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("lines", List.of());
            model.addAttribute("total", 0L);
            return "security/audit";
        }
        long total = audit.count(filter);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(pageNumber(page), pages);
        model.addAttribute(
                "lines",
                audit.search(filter, PAGE_SIZE, (long) (current - 1) * PAGE_SIZE).stream()
                        .map(lines::line)
                        .toList());
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("first", (long) (current - 1) * PAGE_SIZE + 1);
        model.addAttribute("last", Math.min(total, (long) current * PAGE_SIZE));
        model.addAttribute("previous", current > 1 ? link(path, typed, current - 1) : null);
        model.addAttribute("next", current < pages ? link(path, typed, current + 1) : null);
        model.addAttribute("pageLinks", pageLinks(path, typed, current, pages));
        model.addAttribute(
                "csv",
                link(
                        path + ".csv",
                        new Typed(
                                typed.actor(),
                                action == null ? null : action.name(),
                                from == null ? null : from.toString(),
                                to == null ? null : to.toString(),
                                typed.text()),
                        null));
        return "security/audit";
    }

    private static AuditAction action(String typed, FormProblems problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(typed.strip());
        } catch (IllegalArgumentException e) {
            problems.add("action", "Kies een actie uit de lijst.");
            return null;
        }
    }

    /** The page asked; anything but a page number is the first page, as a link may be cut off. */
    private static int pageNumber(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(typed.strip()));
    }

    /** The first, last and the two on either side of the current page, with gaps between. */
    private static List<PageLink> pageLinks(String path, Typed typed, int current, int pages) {
        List<PageLink> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - current) <= 2) {
                if (n > last + 1) {
                    links.add(PageLink.gap());
                }
                links.add(new PageLink(n, link(path, typed, n), n == current));
                last = n;
            }
        }
        return links;
    }

    private static String link(String path, Typed typed, Integer page) {
        List<String> query = new ArrayList<>();
        query(query, "actor", typed.actor());
        query(query, "action", typed.action());
        query(query, "from", typed.from());
        query(query, "to", typed.to());
        query(query, "text", typed.text());
        if (page != null && page > 1) {
            query.add("page=" + page);
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static void query(List<String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            // every character that means something in a query (&, =, +) is encoded, so a search text stays one value
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private void csv(AuditFilter filter, String fileName, HttpServletResponse response) throws IOException {
        Attachment.headers(response, "text/csv; charset=UTF-8", fileName);
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // Excel reads UTF-8 only with a byte order mark
        audit.writeCsv(filter, out);
        out.flush();
    }
}
