package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.signal.EntryInput;
import nl.regiomonitor.signal.SignalRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, walked as a matrix: every endpoint the application has (read from its own
 * request mappings) × every role in its own region and in another region, plus a visitor who is
 * not logged in. Allowed calls must succeed; refused ones get 401/403 (or, for a page visit, the
 * login page) and leave the data exactly as it was. The expectations are written out by hand
 * below, so an endpoint added without a rule and a line here makes this test fail.
 */
class AccessMatrixTest extends IntegrationTest {

    /** Every request targets this region; "own" users hold their role here, "other" users in {@link #OTHER}. */
    static final String REGION = "ZK01";
    static final String OTHER = "ZK10";
    static final String PASSWORD = "matrix-wachtwoord-123";
    /** The owner of the actions of the plans the matrix tries. */
    static final String OWNER = "Matrix zorgaanbieder";

    /** Who calls. */
    enum Actor {
        ANONYMOUS(null, null),
        ZORGKANTOOR_OWN(Role.ZORGKANTOOR, REGION), ZORGKANTOOR_OTHER(Role.ZORGKANTOOR, OTHER),
        GEMEENTE_OWN(Role.GEMEENTE, REGION), GEMEENTE_OTHER(Role.GEMEENTE, OTHER),
        AANBIEDER_OWN(Role.AANBIEDER, REGION), AANBIEDER_OTHER(Role.AANBIEDER, OTHER),
        CLIENTVERTEGENWOORDIGING_OWN(Role.CLIENTVERTEGENWOORDIGING, REGION),
        CLIENTVERTEGENWOORDIGING_OTHER(Role.CLIENTVERTEGENWOORDIGING, OTHER),
        LANDELIJK(Role.LANDELIJK, null), BEHEERDER(Role.BEHEERDER, null);

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
    static final Set<Actor> CARE_OFFICE_OR_NATIONAL = EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.LANDELIJK, Actor.BEHEERDER);
    static final Set<Actor> NATIONAL = EnumSet.of(Actor.LANDELIJK, Actor.BEHEERDER);
    static final Set<Actor> REGION_OR_NATIONAL = EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.GEMEENTE_OWN, Actor.AANBIEDER_OWN,
            Actor.CLIENTVERTEGENWOORDIGING_OWN, Actor.LANDELIJK, Actor.BEHEERDER);

    /** How one actor calls an endpoint: a page session (cookie, CSRF) and an API client (Basic, or none). */
    record Caller(Actor actor, WebSession page, WebSession api) {
    }

    /** One line of the matrix: an endpoint in one variant, who may call it, and the call. */
    record Case(String endpoint, String variant, Set<Actor> allowed, Function<Caller, Response> call) {
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    AccessRules rules;
    @Autowired
    UserService users;
    @Autowired
    ImportService imports;
    @Autowired
    SignalRegister register;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path folder;

    private final AtomicInteger counter = new AtomicInteger();
    private long regionImport;
    private long nationalImport;

    @BeforeEach
    void prepare() throws Exception {
        for (Actor actor : Actor.values()) {
            if (actor.role != null && users.find(actor.username()).isEmpty()) {
                users.create(actor.username(), "Matrix " + actor, actor.organisation(), PASSWORD, List.of(new Grant(actor.role, actor.region)));
            }
        }
        Path file = folder.resolve("matrix.csv");
        Files.writeString(file, waitlist("MATRIXSEED"));
        regionImport = imports.importFile(file, "matrix-regio.csv", "waitlist", REGION).id();
        nationalImport = imports.importFile(file, "matrix-landelijk.csv", "waitlist", null).id();
    }

    /** A small waiting-list file of {@link #REGION}, different every call unless the prefix is the same. */
    private static String waitlist(String client) {
        return "snapshot_date;client_id;region_code;profile_code;wait_status\n2024-06-30;" + client + ";" + REGION + ";GGZ03W;ACTIEF\n";
    }

    private String fresh() {
        return "MATRIX" + counter.incrementAndGet();
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // published and open pages
        for (String path : List.of("/", "/login", "/swagger-ui.html", "/instroom", "/instroom.csv", "/instroom.xlsx",
                "/instroom.pdf", "/toelichting", "/toegankelijkheid", "/privacy", "/contact")) {
            cases.add(new Case("GET " + path, "", EVERYONE, c -> c.page().get(path)));
        }
        for (String page : List.of("", "/cijfers.csv", "/cijfers.xlsx", "/cijfers.pdf")) {
            cases.add(new Case("GET /regions/{region}" + page, "", EVERYONE, c -> c.page().get("/regions/" + REGION + page + "?year=2024")));
        }
        for (String path : List.of("/api/v1/regions", "/v3/api-docs", "/v3/api-docs/swagger-config")) {
            cases.add(new Case("GET " + path, "", EVERYONE, c -> c.api().getJson(path)));
        }
        cases.add(new Case("GET /api/v1/figures/influx", "", EVERYONE,
                c -> c.api().getJson("/api/v1/figures/influx?region=" + REGION + "&from=2024-01&to=2024-03")));
        cases.add(new Case("GET /api/v1/trend/influx", "", EVERYONE,
                c -> c.api().getJson("/api/v1/trend/influx?region=" + REGION + "&from=2023-01&to=2024-12")));
        cases.add(new Case("GET /api/v1/trend/influx/periods", "", EVERYONE,
                c -> c.api().getJson("/api/v1/trend/influx/periods?region=" + REGION)));
        cases.add(new Case("GET /api/v1/publicaties", "", EVERYONE, c -> c.api().getJson("/api/v1/publicaties")));
        cases.add(new Case("GET /api/v1/publicaties/{versie}", "", EVERYONE, c -> c.api().getJson("/api/v1/publicaties/1")));
        cases.add(new Case("GET /api/v1/publicaties/{versie}/tabellen/{naam}", "", EVERYONE,
                c -> c.api().getJson("/api/v1/publicaties/1/tabellen/instroom%202024")));
        cases.add(new Case("GET /api/v1/figures/prevalence", "", EVERYONE,
                c -> c.api().getJson("/api/v1/figures/prevalence?date=2024-10-01")));
        cases.add(new Case("GET /api/v1/figures/delivery-forms", "", EVERYONE,
                c -> c.api().getJson("/api/v1/figures/delivery-forms?region=" + REGION + "&date=2024-10-01")));
        cases.add(new Case("GET /api/v1/figures/flows", "", EVERYONE,
                c -> c.api().getJson("/api/v1/figures/flows?region=" + REGION + "&year=2024")));
        cases.add(new Case("GET /api/v1/figures/costs", "", EVERYONE,
                c -> c.api().getJson("/api/v1/figures/costs?region=" + REGION + "&year=2024")));
        cases.add(new Case("GET /api/v1/figures/waitlist", "", EVERYONE,
                c -> c.api().getJson("/api/v1/figures/waitlist?region=" + REGION + "&date=2024-10-01")));
        cases.add(new Case("GET /api/v1/figures/stock", "", EVERYONE,
                c -> c.api().getJson("/api/v1/figures/stock?region=" + REGION + "&date=2024-10-01")));
        cases.add(new Case("GET /v3/api-docs.yaml", "", EVERYONE, c -> c.api().getAny("/v3/api-docs.yaml")));
        // the error page answers 500 when asked directly, without an error; what counts is that it is not refused
        cases.add(new Case("ANY /error", "", EVERYONE, c -> c.page().get("/error")));

        // imports of a region and national ones
        cases.add(new Case("GET /imports", "regio", CARE_OFFICE_OR_ADMIN, c -> c.page().get("/imports?region=" + REGION)));
        cases.add(new Case("GET /imports", "landelijk", ADMIN, c -> c.page().get("/imports")));
        cases.add(new Case("GET /imports/{id}", "regio", CARE_OFFICE_OR_ADMIN,
                c -> c.page().get("/imports/" + regionImport + "?region=" + REGION)));
        cases.add(new Case("GET /imports/{id}", "landelijk", ADMIN, c -> c.page().get("/imports/" + nationalImport)));
        cases.add(new Case("POST /imports", "regio", CARE_OFFICE_OR_ADMIN, c -> c.page().postFile("/imports?region=" + REGION,
                Map.of("type", "waitlist"), "matrix-upload.csv", waitlist(fresh()))));
        cases.add(new Case("POST /imports", "landelijk", ADMIN, c -> c.page().postFile("/imports",
                Map.of("type", "waitlist"), "matrix-upload.csv", waitlist(fresh()))));
        cases.add(new Case("GET /api/v1/imports", "regio", CARE_OFFICE_OR_ADMIN,
                c -> c.api().getJson("/api/v1/imports?region=" + REGION)));
        cases.add(new Case("GET /api/v1/imports", "landelijk", ADMIN, c -> c.api().getJson("/api/v1/imports")));
        cases.add(new Case("GET /api/v1/imports/{id}", "regio", CARE_OFFICE_OR_ADMIN,
                c -> c.api().getJson("/api/v1/imports/" + regionImport + "?region=" + REGION)));
        cases.add(new Case("GET /api/v1/imports/{id}", "landelijk", ADMIN,
                c -> c.api().getJson("/api/v1/imports/" + nationalImport)));
        cases.add(new Case("POST /api/v1/imports", "regio", CARE_OFFICE_OR_ADMIN, c -> c.api().postFile(
                "/api/v1/imports?region=" + REGION, Map.of("type", "waitlist"), "matrix-api.csv", waitlist(fresh()))));
        cases.add(new Case("POST /api/v1/imports", "landelijk", ADMIN, c -> c.api().postFile(
                "/api/v1/imports", Map.of("type", "waitlist"), "matrix-api.csv", waitlist(fresh()))));

        // unprotected figures, not for publication
        for (String path : List.of("/intern/instroom", "/intern/instroom.csv", "/intern/instroom.xlsx", "/intern/instroom.pdf")) {
            cases.add(new Case("GET " + path, "regio", CARE_OFFICE_OR_NATIONAL,
                    c -> c.page().get(path + "?region=" + REGION + "&from=2024-01&to=2024-03")));
            cases.add(new Case("GET " + path, "landelijk", NATIONAL, c -> c.page().get(path + "?region=NL&from=2024-01&to=2024-03")));
        }
        for (String page : List.of("", "/cijfers.csv", "/cijfers.xlsx", "/cijfers.pdf")) {
            cases.add(new Case("GET /intern/regions/{region}" + page, "", CARE_OFFICE_OR_NATIONAL,
                    c -> c.page().get("/intern/regions/" + REGION + page + "?year=2024")));
        }

        // the regioperspectief: published for everyone; the draft for everyone of the region and national roles;
        // texts and publishing for the care office
        Set<Actor> regionOrNational = EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.GEMEENTE_OWN, Actor.AANBIEDER_OWN,
                Actor.CLIENTVERTEGENWOORDIGING_OWN, Actor.LANDELIJK, Actor.BEHEERDER);
        Set<Actor> careOffice = EnumSet.of(Actor.ZORGKANTOOR_OWN);
        String report = "/regions/" + REGION + "/regioperspectief/2015";
        jdbc.update("insert into report_publication (region_code, year, published_at, published_by, content, pdf) "
                + "values (?, 2014, now(), 'matrix', '<p>Gepubliceerd</p>', ?) on conflict do nothing", REGION, new byte[] {'%', 'P', 'D', 'F'});
        cases.add(new Case("GET /regioperspectief", "", EVERYONE, c -> c.page().get("/regioperspectief?year=2014")));
        for (String suffix : List.of("", ".pdf")) {
            cases.add(new Case("GET /regioperspectief/{region}/{year}" + suffix, "", EVERYONE,
                    c -> c.page().get("/regioperspectief/" + REGION + "/2014" + suffix)));
            cases.add(new Case("GET /regions/{region}/regioperspectief/{year}/concept" + suffix, "", regionOrNational,
                    c -> c.page().get(report + "/concept" + suffix)));
        }
        cases.add(new Case("GET /regions/{region}/regioperspectief/{year}", "", careOffice, c -> c.page().get(report)));
        // all texts are one form; a new regional task each time, so an allowed call always changes something
        cases.add(new Case("POST /regions/{region}/regioperspectief/{year}/texts", "", careOffice, c -> c.page().postForm(
                report + "/texts", Map.of("new.title", "Opgave " + fresh(), "new.body", "Tekst van de opgave"))));
        cases.add(new Case("POST /regions/{region}/regioperspectief/{year}/publish", "", careOffice,
                c -> c.page().postForm(report + "/publish", Map.of())));

        // a region's administration and audit trail
        for (String page : List.of("admin", "audit", "audit.csv")) {
            cases.add(new Case("GET /regions/{region}/" + page, "", CARE_OFFICE_OR_ADMIN,
                    c -> c.page().get("/regions/" + REGION + "/" + page)));
        }

        cases.addAll(registerCases());
        cases.addAll(planCases());
        cases.addAll(planPageCases());

        // national administration
        cases.add(new Case("GET /admin/audit", "", ADMIN, c -> c.page().get("/admin/audit")));
        cases.add(new Case("GET /admin/audit.csv", "", ADMIN, c -> c.page().get("/admin/audit.csv")));
        cases.addAll(userAdministrationCases());

        // everyone's own API keys
        cases.add(new Case("GET /account/api-sleutels", "", SIGNED_IN, c -> c.page().get("/account/api-sleutels")));
        cases.add(new Case("POST /account/api-sleutels", "", SIGNED_IN, c -> c.page().postForm("/account/api-sleutels",
                Map.of("name", "matrix"))));
        cases.add(new Case("POST /account/api-sleutels/{id}/intrekken", "", SIGNED_IN,
                c -> c.page().postForm("/account/api-sleutels/999999/intrekken", Map.of())));
        cases.add(new Case("GET /api/v1/account/api-keys", "", SIGNED_IN, c -> c.api().getJson("/api/v1/account/api-keys")));
        cases.add(new Case("POST /api/v1/account/api-keys", "", SIGNED_IN, c -> c.api().sendJson("POST", "/api/v1/account/api-keys",
                "{\"name\":\"matrix\"}", Map.of())));
        cases.add(new Case("DELETE /api/v1/account/api-keys/{id}", "", SIGNED_IN, c -> {
            Matcher made = KEY_ID.matcher(c.api().sendJson("POST", "/api/v1/account/api-keys", "{\"name\":\"matrix\"}", Map.of()).body());
            return c.api().sendJson("DELETE", "/api/v1/account/api-keys/" + (made.find() ? made.group(1) : "999999"), "", Map.of());
        }));
        return cases;
    }

    /** The register of a region: read by every role there and nationally, kept by the care office (and the administrator). */
    private List<Case> registerCases() {
        String base = "/regions/" + REGION + "/register";
        long target = register.create(REGION, new EntryInput("CLIENT_SIGNAL", "2024-02-01", "OVERIG", "", "", "matrix")).id();
        // every actor deletes an entry of its own, so an allowed delete never takes away another actor's target
        Map<Actor, Long> doomed = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            doomed.put(actor, register.create(REGION, new EntryInput("REGIONAL_MEETING", "2024-03-01", "", "", "", "")).id());
        }
        String row = "kind;date;category;name;location_kind;description\nOCO_SIGNAL;2024-04-01;ORGANISATIE;;;\n";
        return List.of(
                new Case("GET /regions/{region}/register", "", REGION_OR_NATIONAL, c -> c.page().get(base + "?year=2024")),
                new Case("GET /regions/{region}/register/new", "", CARE_OFFICE_OR_ADMIN, c -> c.page().get(base + "/new")),
                new Case("POST /regions/{region}/register/new", "", CARE_OFFICE_OR_ADMIN, c -> c.page().postForm(base + "/new",
                        Map.of("kind", "REGIONAL_MEETING", "date", "2024-05-01"))),
                new Case("GET /regions/{region}/register/{id}", "", CARE_OFFICE_OR_ADMIN, c -> c.page().get(base + "/" + target)),
                new Case("POST /regions/{region}/register/{id}", "", CARE_OFFICE_OR_ADMIN, c -> c.page().postForm(base + "/" + target,
                        Map.of("version", String.valueOf(register.find(REGION, target).orElseThrow().version()),
                                "kind", "CLIENT_SIGNAL", "date", "2024-02-0" + (1 + counter.incrementAndGet() % 9), "category", "OVERIG"))),
                new Case("POST /regions/{region}/register/{id}/delete", "", CARE_OFFICE_OR_ADMIN, c -> c.page().postForm(
                        base + "/" + doomed.get(c.actor()) + "/delete", Map.of("version", "0", "confirm", "true"))),
                new Case("GET /regions/{region}/register/import", "", CARE_OFFICE_OR_ADMIN, c -> c.page().get(base + "/import")),
                new Case("POST /regions/{region}/register/import", "", CARE_OFFICE_OR_ADMIN, c -> c.page().postFile(
                        base + "/import", Map.of(), "matrix-register.csv", row)));
    }

    /**
     * Plans van aanpak of {@link #REGION}: read by every role there and nationally, written and submitted by its care
     * office and municipalities, progress also by its providers (on the actions their organisation owns), commented on by
     * its client representatives, reviewed by the national programme only.
     */
    private List<Case> planCases() {
        Plans plans = plans();
        String plan = "/api/v1/plans/" + plans.target();
        return List.of(
                new Case("GET /api/v1/programmes", "", SIGNED_IN, c -> c.api().getJson("/api/v1/programmes")),
                new Case("POST /api/v1/programmes", "", NATIONAL, c -> c.api().sendJson("POST", "/api/v1/programmes",
                        "{\"name\":\"Programma " + counter.incrementAndGet() + "\",\"deadline\":\"2030-12-31\",\"monthlyAim\":100}", Map.of())),
                new Case("GET /api/v1/plans", "", SIGNED_IN, c -> c.api().getJson("/api/v1/plans")),
                new Case("POST /api/v1/plans", "", PLAN_AUTHORS, c -> c.api().sendJson("POST", "/api/v1/plans",
                        planJson(plans.programme()), Map.of())),
                new Case("GET /api/v1/plans/{plan}", "", REGION_OR_NATIONAL, c -> c.api().getJson(plan)),
                new Case("PUT /api/v1/plans/{plan}", "", PLAN_AUTHORS, c -> c.api().sendJson("PUT", plan, planJson(plans.programme()),
                        Map.of("If-Match", "\"" + jdbc.queryForObject("select lock_version from action_plan where id = ?", Integer.class, plans.target()) + "\""))),
                new Case("POST /api/v1/plans/{plan}/submit", "", PLAN_AUTHORS, c -> c.api().sendJson("POST",
                        "/api/v1/plans/" + plans.drafts().get(c.actor()) + "/submit", "", Map.of())),
                new Case("POST /api/v1/plans/{plan}/accept", "", EnumSet.of(Actor.LANDELIJK), c -> c.api().sendJson("POST",
                        "/api/v1/plans/" + plans.toAccept() + "/accept", "", Map.of())),
                new Case("POST /api/v1/plans/{plan}/return", "", EnumSet.of(Actor.LANDELIJK), c -> c.api().sendJson("POST",
                        "/api/v1/plans/" + plans.toReturn() + "/return", "{\"comment\":\"Graag aanvullen\"}", Map.of())),
                new Case("GET /api/v1/plans/{plan}.docx", "", REGION_OR_NATIONAL, c -> c.api().getAny(plan + ".docx")),
                new Case("GET /api/v1/plans/{plan}.pdf", "", REGION_OR_NATIONAL, c -> c.api().getAny(plan + ".pdf")),
                new Case("GET /api/v1/plans/{plan}/versions", "", REGION_OR_NATIONAL, c -> c.api().getJson(plan + "/versions")),
                new Case("GET /api/v1/plans/{plan}/versions/{number}", "", REGION_OR_NATIONAL, c -> c.api().getJson(plan + "/versions/1")),
                new Case("POST /api/v1/plans/{plan}/actions/{action}/progress", "", EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.GEMEENTE_OWN,
                        Actor.AANBIEDER_OWN), c -> c.api().sendJson("POST", plan + "/actions/" + firstAction(plans.target()) + "/progress",
                        "{\"status\":\"RUNNING\",\"note\":\"Voortgang " + counter.incrementAndGet() + "\"}", Map.of())),
                new Case("GET /api/v1/plans/{plan}/comments", "", REGION_OR_NATIONAL, c -> c.api().getJson(plan + "/comments")),
                new Case("POST /api/v1/plans/{plan}/comments", "", EnumSet.of(Actor.CLIENTVERTEGENWOORDIGING_OWN), c -> c.api().sendJson(
                        "POST", plan + "/comments", "{\"section\":\"TARGET_GROUP\",\"text\":\"Reactie " + counter.incrementAndGet() + "\"}",
                        Map.of())));
    }

    /** Plans to try the rules on: one to read and edit, a draft per actor to submit, a submitted one to accept and one to return. */
    private record Plans(long programme, long target, Map<Actor, Long> drafts, long toAccept, long toReturn) {
    }

    private Plans plans() {
        WebSession author = WebSession.basic(port, Actor.ZORGKANTOOR_OWN.username(), PASSWORD);
        long programme = jdbc.queryForObject("select min(id) from programme", Long.class);
        long target = newPlan(author, programme);
        // every actor submits a draft of its own, so an allowed submit leaves the others a draft to try
        Map<Actor, Long> drafts = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            drafts.put(actor, newPlan(author, programme));
        }
        long toAccept = newPlan(author, programme);
        long toReturn = newPlan(author, programme);
        for (long id : List.of(toAccept, toReturn)) {
            assertThat(author.sendJson("POST", "/api/v1/plans/" + id + "/submit", "", Map.of()).status()).isEqualTo(200);
        }
        return new Plans(programme, target, drafts, toAccept, toReturn);
    }

    /** The plan pages: the same rules as the API, on plans of their own so the API lines keep theirs. */
    private List<Case> planPageCases() {
        Plans plans = plans();
        String plan = "/plannen/" + plans.target();
        return List.of(
                new Case("GET /plannen", "", SIGNED_IN, c -> c.page().get("/plannen")),
                new Case("GET /regions/{region}/plannen", "", REGION_OR_NATIONAL, c -> c.page().get("/regions/" + REGION + "/plannen")),
                new Case("GET /regions/{region}/plannen/nieuw", "", PLAN_AUTHORS, c -> c.page().get("/regions/" + REGION + "/plannen/nieuw")),
                new Case("POST /regions/{region}/plannen/nieuw", "", PLAN_AUTHORS, c -> c.page().postForm("/regions/" + REGION
                        + "/plannen/nieuw", Map.of("title", "Plan " + counter.incrementAndGet(), "programmeId", String.valueOf(plans.programme()),
                        "regions", REGION))),
                new Case("GET /plannen/{plan}", "", REGION_OR_NATIONAL, c -> c.page().get(plan)),
                new Case("GET /plannen/{plan}/versies", "", REGION_OR_NATIONAL, c -> c.page().get(plan + "/versies?a=1&b=1")),
                new Case("GET /plannen/{plan}/bewerken", "", PLAN_AUTHORS, c -> c.page().get(plan + "/bewerken")),
                new Case("POST /plannen/{plan}/bewerken", "", PLAN_AUTHORS, c -> c.page().postForm(plan + "/bewerken", Map.of(
                        "lockVersion", String.valueOf(jdbc.queryForObject("select lock_version from action_plan where id = ?", Integer.class,
                                plans.target())), "title", "Plan " + counter.incrementAndGet(), "regions", REGION,
                        "actions[0].id", String.valueOf(firstAction(plans.target())), "actions[0].paragraph", "5a", "actions[0].description",
                        "Overleg", "actions[0].owner", OWNER, "actions[0].timeline", "Continu"))),
                new Case("POST /plannen/{plan}/indienen", "", PLAN_AUTHORS, c -> c.page().postForm(
                        "/plannen/" + plans.drafts().get(c.actor()) + "/indienen", Map.of())),
                new Case("POST /plannen/{plan}/accepteren", "", EnumSet.of(Actor.LANDELIJK), c -> c.page().postForm(
                        "/plannen/" + plans.toAccept() + "/accepteren", Map.of())),
                new Case("POST /plannen/{plan}/terugsturen", "", EnumSet.of(Actor.LANDELIJK), c -> c.page().postForm(
                        "/plannen/" + plans.toReturn() + "/terugsturen", Map.of("comment", "Graag aanvullen"))),
                new Case("POST /plannen/{plan}/acties/{action}/voortgang", "", EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.GEMEENTE_OWN,
                        Actor.AANBIEDER_OWN), c -> c.page().postForm(plan + "/acties/" + firstAction(plans.target()) + "/voortgang",
                        Map.of("status", "RUNNING", "note", "Loopt"))),
                new Case("POST /plannen/{plan}/reacties", "", EnumSet.of(Actor.CLIENTVERTEGENWOORDIGING_OWN), c -> c.page().postForm(
                        plan + "/reacties", Map.of("text", "Reactie " + counter.incrementAndGet()))));
    }

    /** The plan's first action now: a PUT without action ids replaces them. */
    private long firstAction(long plan) {
        return jdbc.queryForObject("select min(id) from plan_action where plan_id = ?", Long.class, plan);
    }

    /** A complete draft plan of {@link #REGION}, made through the API by its care office. */
    private long newPlan(WebSession author, long programme) {
        Response created = author.sendJson("POST", "/api/v1/plans", planJson(programme), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private String planJson(long programme) {
        StringBuilder sections = new StringBuilder();
        for (String section : List.of("MUNICIPALITIES", "PARTIES", "BACKGROUND", "CURRENT_SITUATION", "TARGET_GROUP", "PRECONDITIONS",
                "PROJECT_STRUCTURE", "MONITORING", "EXPERIENCES")) {
            sections.append(sections.isEmpty() ? "" : ",").append("\"").append(section).append("\":{\"text\":\"Tekst\"}");
        }
        return "{\"programmeId\":" + programme + ",\"title\":\"Plan " + counter.incrementAndGet() + "\",\"regions\":[\"" + REGION + "\"],"
                + "\"sections\":{" + sections + "},"
                + "\"objectives\":[{\"description\":\"Instroom daalt\",\"figure\":\"INFLUX_GGZ_W\",\"direction\":\"DOWN\",\"targetDate\":\"2030-12-31\"}],"
                + "\"actions\":[{\"paragraph\":\"5a. Samenwerken\",\"description\":\"Overleg\",\"owner\":\"" + OWNER + "\",\"timeline\":\"Continu\"}],"
                + "\"milestones\":[{\"activity\":\"Start\",\"milestone\":\"Gestart\",\"dueDate\":\"2030-01-01\"}]}";
    }

    private List<Case> userAdministrationCases() {
        long target = users.find("matrix.doel").orElseGet(() -> users.create("matrix.doel", "Matrix doel", null, PASSWORD,
                List.of(Grant.national(Role.LANDELIJK)))).id();
        // BEHEERDER comes last in the walk, so every refused actor tries this user before it is deleted
        long doomed = users.find("matrix.weg").orElseGet(() -> users.create("matrix.weg", "Matrix weg", null, PASSWORD,
                List.of(Grant.national(Role.LANDELIJK)))).id();
        return List.of(
                new Case("GET /admin/users", "", ADMIN, c -> c.page().get("/admin/users")),
                new Case("POST /admin/users", "", ADMIN, c -> c.page().postForm("/admin/users", Map.of(
                        "username", "matrix.nieuw." + counter.incrementAndGet(), "displayName", "Matrix nieuw",
                        "password", PASSWORD, "grants", "LANDELIJK"))),
                new Case("GET /admin/users/{id}", "", ADMIN, c -> c.page().get("/admin/users/" + target)),
                new Case("POST /admin/users/{id}", "", ADMIN, c -> c.page().postForm("/admin/users/" + target, Map.of(
                        "displayName", "Matrix doel " + counter.incrementAndGet(), "enabled", "true", "grants", "LANDELIJK"))),
                new Case("POST /admin/users/{id}/password", "", ADMIN, c -> c.page().postForm(
                        "/admin/users/" + target + "/password", Map.of("password", PASSWORD))),
                new Case("POST /admin/users/{id}/delete", "", ADMIN, c -> c.page().postForm(
                        "/admin/users/" + doomed + "/delete", Map.of("confirm", "true"))));
    }

    @Test
    void everyEndpointHasARuleAndALineInThisMatrix() {
        Set<String> endpoints = endpoints();
        assertThat(endpoints).as("endpoints of the application").contains("POST /imports", "GET /regions/{region}/audit");
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String m : method.equals("ANY") ? List.of("GET", "POST") : List.of(method)) {
                assertThat(rules.ruleFor(m, path)).as("rule for " + m + " " + path + " in AccessRules").isPresent();
            }
        }
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> covered.add(c.endpoint()));
        assertThat(covered).as("endpoints with a line in this matrix").containsAll(endpoints);
    }

    @Test
    void everyRoleInOwnAndOtherRegionGetsExactlyWhatItMay() throws Exception {
        Map<Actor, Caller> callers = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            callers.put(actor, actor.role == null
                    ? new Caller(actor, WebSession.anonymous(port), WebSession.anonymous(port))
                    : new Caller(actor, WebSession.loggedIn(port, actor.username(), PASSWORD),
                    WebSession.basic(port, actor.username(), PASSWORD)));
        }
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        // the data as a refused write just left them, unchanged since: the next refused write starts from there
        Map<String, String> settled = null;
        for (Case line : cases()) {
            boolean changes = !line.endpoint().startsWith("GET ");
            for (Actor actor : Actor.values()) {
                // only a refused write is compared with the data before it; reads and allowed calls need no snapshot
                boolean mustNotChange = changes && !line.allowed().contains(actor);
                Map<String, String> before = mustNotChange ? (settled != null ? settled : fingerprint()) : null;
                settled = null;
                Response answer = line.call().apply(callers.get(actor));
                calls++;
                String what = line.endpoint() + " " + line.variant() + " as " + actor + ": " + answer.status() + " " + answer.location();
                if (line.allowed().contains(actor)) {
                    boolean ok = line.endpoint().equals("ANY /error") ? !refused(answer, actor) : succeeded(answer);
                    if (!ok) {
                        wrong.add("should be allowed, " + what);
                    }
                    awaitImport(answer);
                } else {
                    if (!refused(answer, actor)) {
                        wrong.add("should be refused, " + what);
                    }
                    if (mustNotChange) {
                        Map<String, String> after = fingerprint();
                        if (!after.equals(before)) {
                            wrong.add("refused but data changed, " + what);
                        }
                        settled = after;
                    }
                    if (answer.body().contains("MATRIX") || answer.body().contains("matrix-")) {
                        wrong.add("refused but shows data, " + what);
                    }
                }
            }
        }
        assertThat(wrong).as(wrong.size() + " wrong answers of " + calls).isEmpty();
        assertThat(calls).isGreaterThan(250);
    }

    private static boolean succeeded(Response answer) {
        int s = answer.status();
        return s >= 200 && s < 300 || s == 302 && !answer.location().contains("/login");
    }

    private static boolean refused(Response answer, Actor actor) {
        if (actor == Actor.ANONYMOUS) {
            return answer.status() == 401 || answer.status() == 302 && answer.location().endsWith("/login");
        }
        return answer.status() == 403;
    }

    private static final Pattern KEY_ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern IMPORT_ID = Pattern.compile("/imports/(\\d+)|\"id\":(\\d+)");

    /** An allowed upload runs in the background; the next call waits until it is done, so it sees settled data. */
    private void awaitImport(Response answer) throws InterruptedException {
        Matcher m = IMPORT_ID.matcher(answer.location() + answer.body());
        if (answer.status() != 202 && !(answer.status() == 302 && answer.location().contains("/imports/")) || !m.find()) {
            return;
        }
        long id = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        for (int i = 0; i < 200; i++) {
            ImportResult result = imports.find(id).orElseThrow();
            if (result.status() != ImportStatus.RUNNING) {
                assertThat(result.succeeded()).as(result.message()).isTrue();
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Import " + id + " werd niet klaar");
    }

    /** What the data look like, table by table; the audit trail is left out, it grows with every login. */
    private Map<String, String> fingerprint() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("users", jdbc.queryForObject(
                "select count(*) || ':' || coalesce(md5(string_agg(u::text, '|' order by id)), '') from app_user u", String.class));
        values.put("roles", jdbc.queryForObject(
                "select count(*) || ':' || coalesce(md5(string_agg(r::text, '|' order by r::text)), '') from user_role r", String.class));
        values.put("imports", jdbc.queryForObject(
                "select count(*) || ':' || coalesce(md5(string_agg(i::text, '|' order by id)), '') from import_run i", String.class));
        values.put("report texts", jdbc.queryForObject(
                "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by id)), '') from report_text t", String.class));
        values.put("publications", jdbc.queryForObject(
                "select count(*) || ':' || coalesce(md5(string_agg(p::text, '|' order by year)), '') from report_publication p", String.class));
        values.put("register", jdbc.queryForObject(
                "select count(*) || ':' || coalesce(md5(string_agg(e::text, '|' order by id)), '') from register_entry e", String.class));
        for (String table : List.of("programme", "action_plan", "plan_region", "plan_section", "plan_objective", "plan_action",
                "plan_action_progress", "plan_milestone", "plan_version", "plan_comment")) {
            values.put(table, jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + table + " t", String.class));
        }
        for (String table : List.of("indication", "care_allocation", "waitlist_entry", "cost_line", "population")) {
            values.put(table, jdbc.queryForObject("select count(*)::text from " + table, String.class));
        }
        return values;
    }

    /** "METHOD /path" of every request mapping of the application; ANY when a mapping takes every method. */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        return endpoints;
    }
}
