package nl.regiomonitor.home;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.ingest.HoldingsService;
import nl.regiomonitor.ingest.HoldingsService.Holdings;
import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.monitor.InfluxHeadline;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.plan.OverdueItem;
import nl.regiomonitor.plan.PlanService;
import nl.regiomonitor.plan.PlanSummary;
import nl.regiomonitor.plan.RegionPlans;
import nl.regiomonitor.publication.PublicationService;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.Role;
import nl.regiomonitor.security.UserService;

/**
 * The start page: what each visitor comes for first. Everyone sees the national influx against the aim and the way to
 * the Instroommonitor, regioperspectieven and regions; a region's people their region; the national programme every
 * region's plans and verdict; the administrator imports, users and publications. Each part shows only what
 * {@link AccessRules} lets the visitor open.
 */
@Controller
class StartPageController {

    /** Actions and milestones due within this many weeks are shown beside the overdue ones. */
    static final int WEEKS_AHEAD = 4;

    private static final int RECENT_IMPORTS = 5;
    private static final int RECENT_PUBLICATIONS = 5;

    /** An action or milestone to do soon, or overdue. */
    record DueItem(OverdueItem item, boolean overdue) {}

    /**
     * A region the user holds a role in, with what the user may see of it (null or empty when not).
     *
     * @param roles the user's roles there, in words
     * @param plans null when the user may not read the region's plans
     * @param lateness per plan, its status with what is late ("Concept, te laat")
     */
    record MyRegion(
            String code,
            String name,
            List<String> roles,
            InfluxHeadline influx,
            List<PlanSummary> plans,
            Map<Long, String> lateness,
            boolean mayCreatePlan,
            List<DueItem> due,
            boolean mayReadRegister,
            List<ImportResult> imports) {}

    /** One line of the national table: a region's plans (null without one), overdue items and influx verdict. */
    record NationalLine(String code, String name, RegionPlans plans, InfluxHeadline influx) {}

    /** One line of the regions table: a region with the client data held, for the administrator only (else null). */
    record RegionLine(Region region, Holdings holdings) {}

    private final RegionService regions;
    private final InfluxTrend influx;
    private final PlanService plans;
    private final ImportService imports;
    private final HoldingsService holdings;
    private final UserService users;
    private final ObjectProvider<PublicationService> publications;
    private final AccessRules rules;

    StartPageController(
            RegionService regions,
            InfluxTrend influx,
            PlanService plans,
            ImportService imports,
            HoldingsService holdings,
            UserService users,
            ObjectProvider<PublicationService> publications,
            AccessRules rules) {
        this.regions = regions;
        this.influx = influx;
        this.plans = plans;
        this.imports = imports;
        this.holdings = holdings;
        this.users = users;
        this.publications = publications;
        this.rules = rules;
    }

    @GetMapping("/")
    String start(Model model) {
        AppUser user = CurrentUser.get().orElse(null);
        Map<String, String> names = regions.names();
        // read from memory as the Instroommonitor does: the 50-user benchmark opens this page as a visitor
        model.addAttribute("national", influx.headline(Area.NATIONAL_CODE));
        model.addAttribute("myRegions", user == null ? List.of() : myRegions(user, names));
        boolean national = user != null && user.holds(Role.LANDELIJK, null);
        boolean admin = user != null && user.holds(Role.BEHEERDER, null);
        model.addAttribute("nationalLines", national ? nationalLines(names) : null);
        if (admin) {
            model.addAttribute("recentImports", imports.history(RECENT_IMPORTS, null));
            model.addAttribute("userCount", users.list().size());
            model.addAttribute(
                    "recentPublications",
                    publications.stream()
                            .flatMap(p -> p.all().stream())
                            .limit(RECENT_PUBLICATIONS)
                            .toList());
        }
        // the regions table is the way in to every region's figures, except where the national table already is
        if (!national) {
            Map<String, Holdings> held = admin ? holdings.perRegion() : Map.of();
            List<RegionLine> lines = regions.regions().stream()
                    .map(r -> new RegionLine(r, admin ? held.getOrDefault(r.code(), Holdings.NONE) : null))
                    .toList();
            model.addAttribute("lines", lines);
            model.addAttribute(
                    "populationYear",
                    lines.isEmpty() ? null : lines.get(0).region().populationYear());
        }
        model.addAttribute("admin", admin);
        model.addAttribute("weeksAhead", WEEKS_AHEAD);
        return "home/start";
    }

    private List<MyRegion> myRegions(AppUser user, Map<String, String> names) {
        LocalDate today = LocalDate.now(Dutch.ZONE);
        List<MyRegion> mine = new ArrayList<>();
        Map<String, RegionPlans> states = user.regions().isEmpty() ? Map.of() : plans.perRegion();
        for (String code : user.regions()) {
            List<String> roles = user.grants().stream()
                    .filter(g -> code.equals(g.region()))
                    .map(g -> g.role().dutch())
                    .toList();
            boolean readsPlans = rules.mayRead("/regions/" + code + "/plannen", code);
            List<DueItem> due = readsPlans
                    ? plans.dueWithin(code, WEEKS_AHEAD).stream()
                            .map(i -> new DueItem(i, i.due().isBefore(today)))
                            .toList()
                    : List.of();
            Map<Long, String> lateness = new HashMap<>();
            if (states.containsKey(code)) {
                states.get(code).plans().forEach(p -> lateness.put(p.id(), p.statusText()));
            }
            mine.add(new MyRegion(
                    code,
                    names.getOrDefault(code, code),
                    roles,
                    influx.headline(code),
                    readsPlans ? plans.list(code) : null,
                    lateness,
                    rules.mayRead("/regions/" + code + "/plannen/nieuw", code),
                    due,
                    rules.mayRead("/regions/" + code + "/register", code),
                    rules.mayRead("/imports", code) ? imports.history(RECENT_IMPORTS, code) : null));
        }
        return mine;
    }

    private List<NationalLine> nationalLines(Map<String, String> names) {
        Map<String, RegionPlans> perRegion = plans.perRegion();
        return names.entrySet().stream()
                .map(e -> new NationalLine(
                        e.getKey(), e.getValue(), perRegion.get(e.getKey()), influx.headline(e.getKey())))
                .toList();
    }
}
