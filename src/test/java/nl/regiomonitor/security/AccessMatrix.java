package nl.regiomonitor.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import nl.regiomonitor.signal.SignalRegister;

/**
 * The matrix {@link AccessMatrixTest} walks, written out by hand: who calls ({@link Actor}), and a line ({@link Case})
 * per endpoint and variant with who may call it and the call; the lines of the imports, the register, the plans and the
 * administration of users are in {@link ImportAccessCases}, {@link RegisterAccessCases}, {@link PlanAccessCases} and
 * {@link UserAccessCases}.
 * Building the lines creates what they act on (register entries, plans, users) in the database.
 */
final class AccessMatrix {

    /** Every request targets this region; "own" users hold their role here, "other" users in {@link #OTHER}. */
    static final String REGION = "ZK01";

    static final String OTHER = "ZK10";
    static final String PASSWORD = "matrix-wachtwoord-123";
    /** The owner of the actions of the plans the matrix tries. */
    static final String OWNER = "Matrix zorgaanbieder";

    /** Who calls. */
    enum Actor {
        ANONYMOUS(null, null),
        ZORGKANTOOR_OWN(Role.ZORGKANTOOR, REGION),
        ZORGKANTOOR_OTHER(Role.ZORGKANTOOR, OTHER),
        GEMEENTE_OWN(Role.GEMEENTE, REGION),
        GEMEENTE_OTHER(Role.GEMEENTE, OTHER),
        AANBIEDER_OWN(Role.AANBIEDER, REGION),
        AANBIEDER_OTHER(Role.AANBIEDER, OTHER),
        CLIENTVERTEGENWOORDIGING_OWN(Role.CLIENTVERTEGENWOORDIGING, REGION),
        CLIENTVERTEGENWOORDIGING_OTHER(Role.CLIENTVERTEGENWOORDIGING, OTHER),
        LANDELIJK(Role.LANDELIJK, null),
        BEHEERDER(Role.BEHEERDER, null);

        final Role role;
        final String region;

        Actor(Role role, String region) {
            this.role = role;
            this.region = region;
        }

        String username() {
            return "matrix." + name().toLowerCase().replace('_', '.');
        }

        /** Providers in both regions work for the organisation that owns the matrix plans' actions, so only their region decides. */
        String organisation() {
            return role == Role.AANBIEDER ? OWNER : "Matrix " + name().toLowerCase();
        }
    }

    static final Set<Actor> EVERYONE = EnumSet.allOf(Actor.class);
    static final Set<Actor> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS));
    static final Set<Actor> PLAN_AUTHORS = EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.GEMEENTE_OWN);
    static final Set<Actor> ADMIN = EnumSet.of(Actor.BEHEERDER);
    static final Set<Actor> CARE_OFFICE_OR_ADMIN = EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.BEHEERDER);
    static final Set<Actor> CARE_OFFICE_OR_NATIONAL =
            EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.LANDELIJK, Actor.BEHEERDER);
    static final Set<Actor> NATIONAL = EnumSet.of(Actor.LANDELIJK, Actor.BEHEERDER);
    static final Set<Actor> REGION_OR_NATIONAL = EnumSet.of(
            Actor.ZORGKANTOOR_OWN,
            Actor.GEMEENTE_OWN,
            Actor.AANBIEDER_OWN,
            Actor.CLIENTVERTEGENWOORDIGING_OWN,
            Actor.LANDELIJK,
            Actor.BEHEERDER);

    /** How one actor calls an endpoint: a page session (cookie, CSRF) and an API client (Basic, or none). */
    record Caller(Actor actor, WebSession page, WebSession api) {}

    /** One line of the matrix: an endpoint in one variant, who may call it, and the call. */
    record Case(String endpoint, String variant, Set<Actor> allowed, Function<Caller, Response> call) {}

    private static final Pattern KEY_ID = Pattern.compile("\"id\":(\\d+)");

    private final AtomicInteger counter = new AtomicInteger();
    private final ImportAccessCases importCases;
    private final RegisterAccessCases registerCases;
    private final PlanAccessCases planCases;
    private final UserAccessCases userCases;
    private final JdbcTemplate jdbc;

    /** The imports, one of the region and one national, are the test's: the lines that read an import ask for them. */
    AccessMatrix(
            int port,
            UserService users,
            SignalRegister register,
            JdbcTemplate jdbc,
            long regionImport,
            long nationalImport) {
        this.importCases = new ImportAccessCases(regionImport, nationalImport, this::fresh);
        this.registerCases = new RegisterAccessCases(register, counter);
        this.planCases = new PlanAccessCases(port, jdbc, counter);
        this.userCases = new UserAccessCases(users, counter);
        this.jdbc = jdbc;
    }

    /** A small waiting-list file of {@link #REGION}, different every call unless the prefix is the same. */
    static String waitlist(String client) {
        return "snapshot_date;client_id;region_code;profile_code;wait_status\n2024-06-30;" + client + ";" + REGION
                + ";GGZ03W;ACTIEF\n";
    }

    private String fresh() {
        return "MATRIX" + counter.incrementAndGet();
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // published and open pages
        for (String path : List.of(
                "/",
                "/login",
                "/swagger-ui.html",
                "/instroom",
                "/instroom.csv",
                "/instroom.xlsx",
                "/instroom.pdf",
                "/toelichting",
                "/toegankelijkheid",
                "/privacy",
                "/contact")) {
            cases.add(new Case("GET " + path, "", EVERYONE, c -> c.page().get(path)));
        }
        for (String page : List.of("", "/cijfers.csv", "/cijfers.xlsx", "/cijfers.pdf")) {
            cases.add(new Case(
                    "GET /regions/{region}" + page,
                    "",
                    EVERYONE,
                    c -> c.page().get("/regions/" + REGION + page + "?year=2024")));
        }
        for (String path : List.of("/api/v1/regions", "/v3/api-docs", "/v3/api-docs/swagger-config")) {
            cases.add(new Case("GET " + path, "", EVERYONE, c -> c.api().getJson(path)));
        }
        cases.add(new Case(
                "GET /api/v1/figures/influx",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/figures/influx?region=" + REGION + "&from=2024-01&to=2024-03")));
        cases.add(new Case(
                "GET /api/v1/trend/influx",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/trend/influx?region=" + REGION + "&from=2023-01&to=2024-12")));
        cases.add(new Case(
                "GET /api/v1/trend/influx/periods",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/trend/influx/periods?region=" + REGION)));
        cases.add(new Case("GET /api/v1/publicaties", "", EVERYONE, c -> c.api().getJson("/api/v1/publicaties")));
        cases.add(new Case(
                "GET /api/v1/publicaties/{versie}", "", EVERYONE, c -> c.api().getJson("/api/v1/publicaties/1")));
        cases.add(new Case(
                "GET /api/v1/publicaties/{versie}/tabellen/{naam}",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/publicaties/1/tabellen/instroom%202024")));
        cases.add(new Case(
                "GET /api/v1/figures/prevalence",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/figures/prevalence?date=2024-10-01")));
        cases.add(new Case(
                "GET /api/v1/figures/delivery-forms",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/figures/delivery-forms?region=" + REGION + "&date=2024-10-01")));
        cases.add(new Case(
                "GET /api/v1/figures/flows",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/figures/flows?region=" + REGION + "&year=2024")));
        cases.add(new Case(
                "GET /api/v1/figures/costs",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/figures/costs?region=" + REGION + "&year=2024")));
        cases.add(new Case(
                "GET /api/v1/figures/waitlist",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/figures/waitlist?region=" + REGION + "&date=2024-10-01")));
        cases.add(new Case(
                "GET /api/v1/figures/stock",
                "",
                EVERYONE,
                c -> c.api().getJson("/api/v1/figures/stock?region=" + REGION + "&date=2024-10-01")));
        cases.add(new Case("GET /v3/api-docs.yaml", "", EVERYONE, c -> c.api().getAny("/v3/api-docs.yaml")));
        // the error page answers 500 when asked directly, without an error; what counts is that it is not refused
        cases.add(new Case("ANY /error", "", EVERYONE, c -> c.page().get("/error")));

        cases.addAll(importCases.cases());

        // unprotected figures, not for publication
        for (String path :
                List.of("/intern/instroom", "/intern/instroom.csv", "/intern/instroom.xlsx", "/intern/instroom.pdf")) {
            cases.add(new Case(
                    "GET " + path,
                    "regio",
                    CARE_OFFICE_OR_NATIONAL,
                    c -> c.page().get(path + "?region=" + REGION + "&from=2024-01&to=2024-03")));
            cases.add(new Case(
                    "GET " + path,
                    "landelijk",
                    NATIONAL,
                    c -> c.page().get(path + "?region=NL&from=2024-01&to=2024-03")));
        }
        for (String page : List.of("", "/cijfers.csv", "/cijfers.xlsx", "/cijfers.pdf")) {
            cases.add(new Case(
                    "GET /intern/regions/{region}" + page,
                    "",
                    CARE_OFFICE_OR_NATIONAL,
                    c -> c.page().get("/intern/regions/" + REGION + page + "?year=2024")));
        }

        // the regioperspectief: published for everyone; the draft for everyone of the region and national roles;
        // texts and publishing for the care office
        Set<Actor> regionOrNational = EnumSet.of(
                Actor.ZORGKANTOOR_OWN,
                Actor.GEMEENTE_OWN,
                Actor.AANBIEDER_OWN,
                Actor.CLIENTVERTEGENWOORDIGING_OWN,
                Actor.LANDELIJK,
                Actor.BEHEERDER);
        Set<Actor> careOffice = EnumSet.of(Actor.ZORGKANTOOR_OWN);
        String report = "/regions/" + REGION + "/regioperspectief/2015";
        jdbc.update(
                "insert into report_publication (region_code, year, published_at, published_by, content, pdf) "
                        + "values (?, 2014, now(), 'matrix', '<p>Gepubliceerd</p>', ?) on conflict do nothing",
                REGION,
                new byte[] {'%', 'P', 'D', 'F'});
        cases.add(new Case("GET /regioperspectief", "", EVERYONE, c -> c.page().get("/regioperspectief?year=2014")));
        for (String suffix : List.of("", ".pdf")) {
            cases.add(new Case(
                    "GET /regioperspectief/{region}/{year}" + suffix,
                    "",
                    EVERYONE,
                    c -> c.page().get("/regioperspectief/" + REGION + "/2014" + suffix)));
            cases.add(new Case(
                    "GET /regions/{region}/regioperspectief/{year}/concept" + suffix,
                    "",
                    regionOrNational,
                    c -> c.page().get(report + "/concept" + suffix)));
        }
        cases.add(new Case(
                "GET /regions/{region}/regioperspectief/{year}",
                "",
                careOffice,
                c -> c.page().get(report)));
        // all texts are one form; a new regional task each time, so an allowed call always changes something
        cases.add(new Case(
                "POST /regions/{region}/regioperspectief/{year}/texts",
                "",
                careOffice,
                c -> c.page()
                        .postForm(
                                report + "/texts",
                                Map.of("new.title", "Opgave " + fresh(), "new.body", "Tekst van de opgave"))));
        cases.add(new Case(
                "POST /regions/{region}/regioperspectief/{year}/publish",
                "",
                careOffice,
                c -> c.page().postForm(report + "/publish", Map.of())));

        // a region's administration and audit trail
        for (String page : List.of("admin", "audit", "audit.csv")) {
            cases.add(new Case(
                    "GET /regions/{region}/" + page,
                    "",
                    CARE_OFFICE_OR_ADMIN,
                    c -> c.page().get("/regions/" + REGION + "/" + page)));
        }

        cases.addAll(registerCases.cases());
        cases.addAll(planCases.api());
        cases.addAll(planCases.pages());

        // national administration
        cases.add(new Case("GET /admin/audit", "", ADMIN, c -> c.page().get("/admin/audit")));
        cases.add(new Case("GET /admin/audit.csv", "", ADMIN, c -> c.page().get("/admin/audit.csv")));
        cases.addAll(userCases.cases());

        // everyone's own API keys
        cases.add(new Case(
                "GET /account/api-sleutels", "", SIGNED_IN, c -> c.page().get("/account/api-sleutels")));
        cases.add(new Case(
                "POST /account/api-sleutels",
                "",
                SIGNED_IN,
                c -> c.page().postForm("/account/api-sleutels", Map.of("name", "matrix"))));
        cases.add(new Case(
                "POST /account/api-sleutels/{id}/intrekken",
                "",
                SIGNED_IN,
                c -> c.page().postForm("/account/api-sleutels/999999/intrekken", Map.of())));
        cases.add(new Case(
                "GET /api/v1/account/api-keys", "", SIGNED_IN, c -> c.api().getJson("/api/v1/account/api-keys")));
        cases.add(new Case(
                "POST /api/v1/account/api-keys",
                "",
                SIGNED_IN,
                c -> c.api().sendJson("POST", "/api/v1/account/api-keys", "{\"name\":\"matrix\"}", Map.of())));
        cases.add(new Case("DELETE /api/v1/account/api-keys/{id}", "", SIGNED_IN, c -> {
            Matcher made = KEY_ID.matcher(c.api()
                    .sendJson("POST", "/api/v1/account/api-keys", "{\"name\":\"matrix\"}", Map.of())
                    .body());
            return c.api()
                    .sendJson(
                            "DELETE",
                            "/api/v1/account/api-keys/" + (made.find() ? made.group(1) : "999999"),
                            "",
                            Map.of());
        }));
        return cases;
    }
}
