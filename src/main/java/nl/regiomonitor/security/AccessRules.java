package nl.regiomonitor.security;

import static nl.regiomonitor.security.Role.AANBIEDER;
import static nl.regiomonitor.security.Role.BEHEERDER;
import static nl.regiomonitor.security.Role.CLIENTVERTEGENWOORDIGING;
import static nl.regiomonitor.security.Role.GEMEENTE;
import static nl.regiomonitor.security.Role.LANDELIJK;
import static nl.regiomonitor.security.Role.ZORGKANTOOR;

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

/**
 * Who may call which endpoint: the one place where access is decided. Every request is checked
 * against the first rule ({@link AccessRuleTable}) whose method and path match; a request no rule
 * covers is refused. A regional rule takes the region from the path ({@code /regions/{region}/…}) or
 * from the {@code region} parameter; the controller then makes sure the thing asked for belongs to that
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
        READ(Set.of("GET", "HEAD")),
        WRITE(Set.of("POST", "PUT", "PATCH", "DELETE")),
        ANY(Set.of());

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
    public enum RegionFrom {
        PATH,
        PARAMETER,
        PLAN,
        ANY
    }

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

    static final Set<Role> CARE_OFFICE = EnumSet.of(ZORGKANTOOR);
    static final Set<Role> REGIONAL = EnumSet.of(ZORGKANTOOR, GEMEENTE, AANBIEDER, CLIENTVERTEGENWOORDIGING);
    static final Set<Role> PLAN_AUTHORS = EnumSet.of(ZORGKANTOOR, GEMEENTE);

    /** Reading a plan van aanpak: every role in one of its regions, and the national roles. */
    public static final Access READ_PLAN = Access.regional(RegionFrom.PLAN, REGIONAL, LANDELIJK, BEHEERDER);
    /** Writing and submitting a plan: its care office and municipalities (co-authors); nobody nationally. */
    public static final Access WRITE_PLAN = Access.regional(RegionFrom.PLAN, PLAN_AUTHORS);
    /** Reporting progress on a plan's actions: its authors and the providers of its regions, who own actions too. */
    public static final Access REPORT_PLAN_PROGRESS =
            Access.regional(RegionFrom.PLAN, EnumSet.of(ZORGKANTOOR, GEMEENTE, AANBIEDER));
    /** Commenting on a plan: the client representatives of its regions; everyone who reads the plan reads the comments. */
    public static final Access COMMENT_PLAN = Access.regional(RegionFrom.PLAN, EnumSet.of(CLIENTVERTEGENWOORDIGING));
    /** Accepting or returning a submitted plan: the national programme. */
    public static final Access REVIEW_PLAN = Access.national(LANDELIJK);
    /** Any logged-in user: everyone holds at least one role. */
    static final Access SIGNED_IN = Access.regional(RegionFrom.ANY, REGIONAL, LANDELIJK, BEHEERDER);

    private final List<Rule> rules = AccessRuleTable.RULES;

    private final ObjectProvider<HandlerMapping> handlers;
    private final ObjectProvider<PlanRegions> planRegions;

    AccessRules(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers,
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

    /**
     * Whether the user of the current request may {@code GET} {@code path} about {@code region} (null
     * for none or NL), so a page offers only links its visitor may follow.
     */
    public boolean mayRead(String path, String region) {
        return ruleFor("GET", path)
                .map(rule -> rule.access()
                        .allows(
                                CurrentUser.get().orElse(null),
                                region == null || region.isBlank() ? Set.of() : Set.of(region)))
                .orElse(false);
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
        AppUser user =
                authentication.get() != null && authentication.get().getPrincipal() instanceof AppUser u ? u : null;
        Set<String> regions = access.regionFrom() == null || user == null
                ? Set.of()
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
            String region = UploadGate.isMultipart(request)
                    ? UploadGate.queryParameter(request, "region")
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
