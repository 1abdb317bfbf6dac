package nl.regiomonitor.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static nl.regiomonitor.security.Role.AANBIEDER;
import static nl.regiomonitor.security.Role.BEHEERDER;
import static nl.regiomonitor.security.Role.CLIENTVERTEGENWOORDIGING;
import static nl.regiomonitor.security.Role.GEMEENTE;
import static nl.regiomonitor.security.Role.LANDELIJK;
import static nl.regiomonitor.security.Role.ZORGKANTOOR;

/**
 * Who may call which endpoint: the one place where access is decided. Every request is checked
 * against the first rule whose method and path match; a request no rule covers is refused. A
 * regional rule takes the region from the path ({@code /regions/{region}/…}) or from the
 * {@code region} parameter; the controller then makes sure the thing asked for belongs to that
 * region. A plan van aanpak has one or more regions of its own: its rules take them from the
 * plan named in the path, and the plan service asks {@link #permits} with the same rules for what a
 * path does not name (the regions of a new plan, the plans in a list).
 * {@code LANDELIJK} may read everything but edits no regional work. A path the application does
 * not have at all is let through, so it gets an honest 404.
 */
@Component
public class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    /** Which HTTP methods a rule covers. */
    public enum Methods {
        READ(Set.of("GET", "HEAD")), WRITE(Set.of("POST", "PUT", "PATCH", "DELETE")), ANY(Set.of());

        private final Set<String> names;

        Methods(Set<String> names) {
            this.names = names;
        }

        boolean covers(String method) {
            return names.isEmpty() || names.contains(method);
        }
    }

    /**
     * Where a regional rule finds the regions a request is about: the path, the {@code region}
     * parameter, the plan whose id is the {@code {plan}} of the path, or {@code ANY} for requests about
     * no single region (a list, a new plan): then holding a role in any region lets the request
     * through, and the service checks the regions of what it shows or writes with {@link #permits}.
     */
    public enum RegionFrom { PATH, PARAMETER, PLAN, ANY }

    /**
     * What a user needs: nothing ({@code open}); one of {@code national} roles held nationally; or,
     * when the request names a region, one of {@code regional} roles for that region.
     */
    public record Access(boolean open, Set<Role> national, Set<Role> regional, RegionFrom regionFrom) {

        static Access publicly() {
            return new Access(true, Set.of(), Set.of(), null);
        }

        static Access national(Role... roles) {
            return new Access(false, Set.of(roles), Set.of(), null);
        }

        static Access regional(RegionFrom from, Set<Role> regional, Role... national) {
            return new Access(false, Set.of(national), regional, from);
        }

        boolean allows(AppUser user, Collection<String> regions) {
            if (open) {
                return true;
            }
            if (user == null) {
                return false;
            }
            if (national.stream().anyMatch(role -> user.holds(role, null))) {
                return true;
            }
            return regions.stream().anyMatch(region -> regional.stream().anyMatch(role -> user.holds(role, region)));
        }
    }

    public record Rule(Methods methods, PathPattern pattern, Access access) {

        boolean matches(String method, PathContainer path) {
            return methods.covers(method) && pattern.matches(path);
        }
    }

    private static final Set<Role> CARE_OFFICE = EnumSet.of(ZORGKANTOOR);
    private static final Set<Role> REGIONAL = EnumSet.of(ZORGKANTOOR, GEMEENTE, AANBIEDER, CLIENTVERTEGENWOORDIGING);
    private static final Set<Role> PLAN_AUTHORS = EnumSet.of(ZORGKANTOOR, GEMEENTE);

    /** Reading a plan van aanpak: every role in one of its regions, and the national roles. */
    public static final Access READ_PLAN = Access.regional(RegionFrom.PLAN, REGIONAL, LANDELIJK, BEHEERDER);
    /** Writing and submitting a plan: its care office and municipalities (co-authors); nobody nationally. */
    public static final Access WRITE_PLAN = Access.regional(RegionFrom.PLAN, PLAN_AUTHORS);
    /** Reporting progress on a plan's actions: its authors and the providers of its regions, who own actions too. */
    public static final Access REPORT_PLAN_PROGRESS = Access.regional(RegionFrom.PLAN, EnumSet.of(ZORGKANTOOR, GEMEENTE, AANBIEDER));
    /** Commenting on a plan: the client representatives of its regions; everyone who reads the plan reads the comments. */
    public static final Access COMMENT_PLAN = Access.regional(RegionFrom.PLAN, EnumSet.of(CLIENTVERTEGENWOORDIGING));
    /** Accepting or returning a submitted plan: the national programme. */
    public static final Access REVIEW_PLAN = Access.national(LANDELIJK);
    /** Any logged-in user: everyone holds at least one role. */
    static final Access SIGNED_IN = Access.regional(RegionFrom.ANY, REGIONAL, LANDELIJK, BEHEERDER);

    private final List<Rule> rules = List.of(
            // published: readable by everyone
            rule(Methods.READ, "/", Access.publicly()),
            rule(Methods.READ, "/api/v1/regions", Access.publicly()),
            rule(Methods.READ, "/api/v1/figures/**", Access.publicly()),
            rule(Methods.READ, "/api/v1/trend/**", Access.publicly()),
            rule(Methods.READ, "/api/v1/publicaties", Access.publicly()),
            rule(Methods.READ, "/api/v1/publicaties/**", Access.publicly()),
            rule(Methods.READ, "/instroom", Access.publicly()),
            rule(Methods.READ, "/regions/{region}", Access.publicly()),
            rule(Methods.READ, "/regions/{region}/cijfers.csv", Access.publicly()),
            rule(Methods.READ, "/regions/{region}/cijfers.xlsx", Access.publicly()),
            rule(Methods.READ, "/regions/{region}/cijfers.pdf", Access.publicly()),
            rule(Methods.READ, "/instroom.csv", Access.publicly()),
            rule(Methods.READ, "/instroom.xlsx", Access.publicly()),
            rule(Methods.READ, "/instroom.pdf", Access.publicly()),
            rule(Methods.READ, "/login", Access.publicly()),
            rule(Methods.READ, "/css/**", Access.publicly()),
            rule(Methods.READ, "/js/**", Access.publicly()),
            rule(Methods.READ, "/favicon.ico", Access.publicly()),
            rule(Methods.READ, "/favicon.svg", Access.publicly()),
            // what the figures mean, and the statements a Dutch public service owes everyone
            rule(Methods.READ, "/toelichting", Access.publicly()),
            rule(Methods.READ, "/toegankelijkheid", Access.publicly()),
            rule(Methods.READ, "/privacy", Access.publicly()),
            rule(Methods.READ, "/contact", Access.publicly()),
            rule(Methods.READ, "/swagger-ui.html", Access.publicly()),
            rule(Methods.READ, "/swagger-ui/**", Access.publicly()),
            rule(Methods.READ, "/v3/api-docs/**", Access.publicly()),
            rule(Methods.READ, "/v3/api-docs", Access.publicly()),
            rule(Methods.READ, "/v3/api-docs.yaml", Access.publicly()),
            // the error page renders every refusal, so it must itself be open
            rule(Methods.ANY, "/error", Access.publicly()),

            // imports: a region's care office for its region, the administrator for all and for national files
            rule(Methods.ANY, "/imports", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, BEHEERDER)),
            rule(Methods.READ, "/imports/{id}", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, BEHEERDER)),
            rule(Methods.ANY, "/api/v1/imports", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, BEHEERDER)),
            rule(Methods.READ, "/api/v1/imports/{id}", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, BEHEERDER)),

            // a region's own administration pages and its audit trail
            rule(Methods.READ, "/regions/{region}/admin", Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(Methods.READ, "/regions/{region}/audit", Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(Methods.READ, "/regions/{region}/audit.csv", Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),

            // a region's register of signals, visits and projects: read by everyone with a role there, kept by its care office
            rule(Methods.READ, "/regions/{region}/register", Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(Methods.ANY, "/regions/{region}/register/new", Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(Methods.ANY, "/regions/{region}/register/import", Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(Methods.ANY, "/regions/{region}/register/{id}", Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(Methods.WRITE, "/regions/{region}/register/{id}/delete", Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),

            // unprotected figures, not for publication: a region's care office for its region, national roles for all
            rule(Methods.READ, "/intern/instroom", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/intern/instroom.csv", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/intern/instroom.xlsx", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/intern/instroom.pdf", Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/intern/regions/{region}", Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/intern/regions/{region}/cijfers.csv", Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/intern/regions/{region}/cijfers.xlsx", Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/intern/regions/{region}/cijfers.pdf", Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),

            // the regioperspectief: published for everyone; the draft for the people of the region and national roles;
            // its texts and publishing for the region's care office
            rule(Methods.READ, "/regioperspectief", Access.publicly()),
            rule(Methods.READ, "/regioperspectief/{region}/{year}", Access.publicly()),
            rule(Methods.READ, "/regioperspectief/{region}/{year}.pdf", Access.publicly()),
            rule(Methods.READ, "/regions/{region}/regioperspectief/{year}/concept", Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/regions/{region}/regioperspectief/{year}/concept.pdf", Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/regions/{region}/regioperspectief/{year}", Access.regional(RegionFrom.PATH, CARE_OFFICE)),
            rule(Methods.WRITE, "/regions/{region}/regioperspectief/{year}/texts", Access.regional(RegionFrom.PATH, CARE_OFFICE)),
            rule(Methods.WRITE, "/regions/{region}/regioperspectief/{year}/publish", Access.regional(RegionFrom.PATH, CARE_OFFICE)),

            // plans van aanpak: programmes are set nationally; a plan's rules take the regions of the plan itself
            rule(Methods.READ, "/api/v1/programmes", Access.regional(RegionFrom.ANY, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(Methods.WRITE, "/api/v1/programmes", Access.national(LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/api/v1/plans", Access.regional(RegionFrom.ANY, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(Methods.WRITE, "/api/v1/plans", Access.regional(RegionFrom.ANY, PLAN_AUTHORS)),
            // before {plan}, which would take "7.pdf" whole as the plan and find no regions
            rule(Methods.READ, "/api/v1/plans/{plan}.docx", READ_PLAN),
            rule(Methods.READ, "/api/v1/plans/{plan}.pdf", READ_PLAN),
            rule(Methods.READ, "/api/v1/plans/{plan}", READ_PLAN),
            rule(Methods.WRITE, "/api/v1/plans/{plan}", WRITE_PLAN),
            rule(Methods.WRITE, "/api/v1/plans/{plan}/submit", WRITE_PLAN),
            rule(Methods.WRITE, "/api/v1/plans/{plan}/accept", REVIEW_PLAN),
            rule(Methods.WRITE, "/api/v1/plans/{plan}/return", REVIEW_PLAN),
            rule(Methods.READ, "/api/v1/plans/{plan}/versions", READ_PLAN),
            rule(Methods.READ, "/api/v1/plans/{plan}/versions/{number}", READ_PLAN),
            rule(Methods.WRITE, "/api/v1/plans/{plan}/actions/{action}/progress", REPORT_PLAN_PROGRESS),
            rule(Methods.READ, "/api/v1/plans/{plan}/comments", READ_PLAN),
            rule(Methods.WRITE, "/api/v1/plans/{plan}/comments", COMMENT_PLAN),
            // the plan pages follow the same rules as the API; the national overview lists only the plans the user may read
            rule(Methods.READ, "/plannen", Access.regional(RegionFrom.ANY, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(Methods.READ, "/regions/{region}/plannen", Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(Methods.ANY, "/regions/{region}/plannen/nieuw", Access.regional(RegionFrom.PATH, PLAN_AUTHORS)),
            rule(Methods.READ, "/plannen/{plan}", READ_PLAN),
            rule(Methods.READ, "/plannen/{plan}/versies", READ_PLAN),
            rule(Methods.ANY, "/plannen/{plan}/bewerken", WRITE_PLAN),
            rule(Methods.WRITE, "/plannen/{plan}/indienen", WRITE_PLAN),
            rule(Methods.WRITE, "/plannen/{plan}/accepteren", REVIEW_PLAN),
            rule(Methods.WRITE, "/plannen/{plan}/terugsturen", REVIEW_PLAN),
            rule(Methods.WRITE, "/plannen/{plan}/acties/{action}/voortgang", REPORT_PLAN_PROGRESS),
            rule(Methods.WRITE, "/plannen/{plan}/reacties", COMMENT_PLAN),

            // everyone's own API keys
            rule(Methods.ANY, "/account/api-sleutels/**", SIGNED_IN),
            rule(Methods.ANY, "/api/v1/account/api-keys/**", SIGNED_IN),

            // national administration
            rule(Methods.ANY, "/admin/**", Access.national(BEHEERDER)));

    private final ObjectProvider<HandlerMapping> handlers;
    private final ObjectProvider<PlanRegions> planRegions;

    AccessRules(@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers,
                ObjectProvider<PlanRegions> planRegions) {
        this.handlers = handlers;
        this.planRegions = planRegions;
    }

    /** Whether the user of the current request passes {@code access} for something of these regions. */
    public boolean permits(Access access, Collection<String> regions) {
        return access.allows(CurrentUser.get().orElse(null), regions);
    }

    /**
     * Whether the user of the current request may report progress on an action owned by {@code owner} in a plan of
     * these regions: the plan's authors on every action, a provider only on those its own organisation owns.
     */
    public boolean mayReportProgress(Collection<String> regions, String owner) {
        AppUser user = CurrentUser.get().orElse(null);
        if (WRITE_PLAN.allows(user, regions)) {
            return true;
        }
        return REPORT_PLAN_PROGRESS.allows(user, regions) && user.worksFor(owner);
    }

    private static Rule rule(Methods methods, String pattern, Access access) {
        return new Rule(methods, PathPatternParser.defaultInstance.parse(pattern), access);
    }

    /**
     * Whether the user of the current request may {@code GET} {@code path} about {@code region} (null
     * for none or NL), so a page offers only links its visitor may follow.
     */
    public boolean mayRead(String path, String region) {
        return ruleFor("GET", path).map(rule -> rule.access().allows(CurrentUser.get().orElse(null),
                region == null || region.isBlank() ? Set.of() : Set.of(region))).orElse(false);
    }

    /** The rule for a request, if any rule covers it. */
    public Optional<Rule> ruleFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream().filter(r -> r.matches(method, container)).findFirst();
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Rule> rule = ruleFor(request.getMethod(), path);
        if (rule.isEmpty()) {
            return new AuthorizationDecision(!hasEndpoint(request));
        }
        Access access = rule.get().access();
        AppUser user = authentication.get() != null && authentication.get().getPrincipal() instanceof AppUser u ? u : null;
        Set<String> regions = access.regionFrom() == null || user == null ? Set.of()
                : regionsOf(request, rule.get(), path, access.regionFrom(), user);
        return new AuthorizationDecision(access.allows(user, regions));
    }

    /** Whether a controller answers this path; one that answers it for another method counts too. */
    private boolean hasEndpoint(HttpServletRequest request) {
        HandlerMapping mapping = handlers.getIfAvailable();
        try {
            return mapping == null || mapping.getHandler(request) != null;
        } catch (Exception e) {
            return true;
        }
    }

    private Set<String> regionsOf(HttpServletRequest request, Rule rule, String path, RegionFrom from, AppUser user) {
        if (from == RegionFrom.ANY) {
            return user.regions();
        }
        if (from == RegionFrom.PARAMETER) {
            // an upload's region comes from its query string: its body is read only after this decision
            String region = UploadGate.isMultipart(request) ? UploadGate.queryParameter(request, "region")
                    : request.getParameter("region");
            return region == null || region.isBlank() ? Set.of() : Set.of(region);
        }
        PathPattern.PathMatchInfo match = rule.pattern().matchAndExtract(PathContainer.parsePath(path));
        Map<String, String> variables = match == null ? Map.of() : match.getUriVariables();
        if (from == RegionFrom.PLAN) {
            return planRegionsOf(variables.get("plan"));
        }
        String region = variables.get("region");
        return region == null ? Set.of() : Set.of(region);
    }

    /** The regions of the plan with this id; none for an id that is not a number or not a plan. */
    private Set<String> planRegionsOf(String id) {
        PlanRegions lookup = planRegions.getIfAvailable();
        if (id == null || lookup == null || !id.matches("\\d{1,18}")) {
            return Set.of();
        }
        return lookup.of(Long.parseLong(id));
    }
}
