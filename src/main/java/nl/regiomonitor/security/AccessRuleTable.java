package nl.regiomonitor.security;

import static nl.regiomonitor.security.AccessRules.CARE_OFFICE;
import static nl.regiomonitor.security.AccessRules.COMMENT_PLAN;
import static nl.regiomonitor.security.AccessRules.PLAN_AUTHORS;
import static nl.regiomonitor.security.AccessRules.READ_PLAN;
import static nl.regiomonitor.security.AccessRules.REGIONAL;
import static nl.regiomonitor.security.AccessRules.REPORT_PLAN_PROGRESS;
import static nl.regiomonitor.security.AccessRules.REVIEW_PLAN;
import static nl.regiomonitor.security.AccessRules.SIGNED_IN;
import static nl.regiomonitor.security.AccessRules.WRITE_PLAN;
import static nl.regiomonitor.security.Role.BEHEERDER;
import static nl.regiomonitor.security.Role.LANDELIJK;

import java.util.List;

import org.springframework.web.util.pattern.PathPatternParser;

import nl.regiomonitor.security.AccessRules.Access;
import nl.regiomonitor.security.AccessRules.Methods;
import nl.regiomonitor.security.AccessRules.RegionFrom;
import nl.regiomonitor.security.AccessRules.Rule;

/** The rules of {@link AccessRules} in the order they are tried: the first whose method and path match decides. */
final class AccessRuleTable {

    static final List<Rule> RULES = List.of(
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
            // a load balancer's health checks: only the status of the database and the publication version
            rule(Methods.READ, "/actuator/health", Access.publicly()),
            rule(Methods.READ, "/actuator/health/**", Access.publicly()),
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

            // a region's register of signals, visits and projects: read
            // by everyone with a role there, kept by its care office
            rule(
                    Methods.READ,
                    "/regions/{region}/register",
                    Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.ANY,
                    "/regions/{region}/register/new",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(
                    Methods.ANY,
                    "/regions/{region}/register/import",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(
                    Methods.ANY,
                    "/regions/{region}/register/{id}",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),
            rule(
                    Methods.WRITE,
                    "/regions/{region}/register/{id}/delete",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, BEHEERDER)),

            // unprotected figures, not for publication: a region's care office for its region, national roles for all
            rule(
                    Methods.READ,
                    "/intern/instroom",
                    Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/intern/instroom.csv",
                    Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/intern/instroom.xlsx",
                    Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/intern/instroom.pdf",
                    Access.regional(RegionFrom.PARAMETER, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/intern/regions/{region}",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/intern/regions/{region}/cijfers.csv",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/intern/regions/{region}/cijfers.xlsx",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/intern/regions/{region}/cijfers.pdf",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE, LANDELIJK, BEHEERDER)),

            // the regioperspectief: published for everyone; the draft for the people of the region and national roles;
            // its texts and publishing for the region's care office
            rule(Methods.READ, "/regioperspectief", Access.publicly()),
            rule(Methods.READ, "/regioperspectief/{region}/{year}", Access.publicly()),
            rule(Methods.READ, "/regioperspectief/{region}/{year}.pdf", Access.publicly()),
            rule(
                    Methods.READ,
                    "/regions/{region}/regioperspectief/{year}/concept",
                    Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/regions/{region}/regioperspectief/{year}/concept.pdf",
                    Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/regions/{region}/regioperspectief/{year}",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE)),
            rule(
                    Methods.WRITE,
                    "/regions/{region}/regioperspectief/{year}/texts",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE)),
            rule(
                    Methods.WRITE,
                    "/regions/{region}/regioperspectief/{year}/publish",
                    Access.regional(RegionFrom.PATH, CARE_OFFICE)),

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
            // the plan pages follow the same rules as the API; the
            // national overview lists only the plans the user may read
            rule(Methods.READ, "/plannen", Access.regional(RegionFrom.ANY, REGIONAL, LANDELIJK, BEHEERDER)),
            rule(
                    Methods.READ,
                    "/regions/{region}/plannen",
                    Access.regional(RegionFrom.PATH, REGIONAL, LANDELIJK, BEHEERDER)),
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
            rule(Methods.ANY, "/admin/**", Access.national(BEHEERDER)),
            // whatever else of the actuator is switched on later (and its index, /actuator)
            rule(Methods.ANY, "/actuator/**", Access.national(BEHEERDER)));

    private AccessRuleTable() {}

    private static Rule rule(Methods methods, String pattern, Access access) {
        return new Rule(methods, PathPatternParser.defaultInstance.parse(pattern), access);
    }
}
