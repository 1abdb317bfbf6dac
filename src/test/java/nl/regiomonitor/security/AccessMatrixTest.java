package nl.regiomonitor.security;

import static nl.regiomonitor.security.AccessMatrix.PASSWORD;
import static nl.regiomonitor.security.AccessMatrix.REGION;
import static nl.regiomonitor.security.AccessMatrix.waitlist;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.security.AccessMatrix.Actor;
import nl.regiomonitor.security.AccessMatrix.Caller;
import nl.regiomonitor.security.AccessMatrix.Case;
import nl.regiomonitor.signal.SignalRegister;

/**
 * Who may do what, walked as a matrix: every endpoint the application has (read from its own
 * request mappings) × every role in its own region and in another region, plus a visitor who is
 * not logged in. Allowed calls must succeed; refused ones get 401/403 (or, for a page visit, the
 * login page) and leave the data exactly as it was. The expectations are written out by hand
 * in {@link AccessMatrix}, so an endpoint added without a rule and a line there makes this test fail.
 */
class AccessMatrixTest extends IntegrationTest {

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

    private AccessMatrix matrix;

    @BeforeEach
    void prepare() throws Exception {
        for (Actor actor : Actor.values()) {
            if (actor.role != null && users.find(actor.username()).isEmpty()) {
                users.create(
                        actor.username(),
                        "Matrix " + actor,
                        actor.organisation(),
                        PASSWORD,
                        List.of(new Grant(actor.role, actor.region)));
            }
        }
        Path file = folder.resolve("matrix.csv");
        Files.writeString(file, waitlist("MATRIXSEED"));
        long regionImport =
                imports.importFile(file, "matrix-regio.csv", "waitlist", REGION).id();
        long nationalImport = imports.importFile(file, "matrix-landelijk.csv", "waitlist", null)
                .id();
        matrix = new AccessMatrix(port, users, register, jdbc, regionImport, nationalImport);
    }

    @Test
    void everyEndpointHasARuleAndALineInThisMatrix() {
        Set<String> endpoints = endpoints();
        assertThat(endpoints)
                .as("endpoints of the application")
                .contains("POST /imports", "GET /regions/{region}/audit");
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String m : method.equals("ANY") ? List.of("GET", "POST") : List.of(method)) {
                assertThat(rules.ruleFor(m, path))
                        .as("rule for " + m + " " + path + " in AccessRules")
                        .isPresent();
            }
        }
        Set<String> covered = new TreeSet<>();
        matrix.cases().forEach(c -> covered.add(c.endpoint()));
        assertThat(covered).as("endpoints with a line in this matrix").containsAll(endpoints);
    }

    @Test
    void everyRoleInOwnAndOtherRegionGetsExactlyWhatItMay() throws Exception {
        Map<Actor, Caller> callers = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            callers.put(
                    actor,
                    actor.role == null
                            ? new Caller(actor, WebSession.anonymous(port), WebSession.anonymous(port))
                            : new Caller(
                                    actor,
                                    WebSession.loggedIn(port, actor.username(), PASSWORD),
                                    WebSession.basic(port, actor.username(), PASSWORD)));
        }
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        // the data as a refused write just left them, unchanged since: the next refused write starts from there
        Map<String, String> settled = null;
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            for (Case line : matrix.cases()) {
                if (line.endpoint().startsWith("GET ")) {
                    // a read changes nothing: every actor asks at once, each with a session of their own
                    Map<Actor, Future<Response>> answers = new EnumMap<>(Actor.class);
                    for (Actor actor : Actor.values()) {
                        answers.put(actor, readers.submit(() -> line.call().apply(callers.get(actor))));
                    }
                    for (Actor actor : Actor.values()) {
                        judge(line, actor, answers.get(actor).get(), wrong);
                        calls++;
                    }
                    settled = null;
                    continue;
                }
                // refused writes one after another are compared with the data before the first of them, once after
                // the last: a fingerprint reads the whole database, and a refused call that wrote is not undone
                // exactly by the next refused call
                List<String> refusedWrites = new ArrayList<>();
                Map<String, String> before = null;
                for (Actor actor : Actor.values()) {
                    boolean mustNotChange = !line.allowed().contains(actor);
                    if (!mustNotChange && !refusedWrites.isEmpty()) {
                        settled = compare(before, refusedWrites, wrong);
                    }
                    if (mustNotChange && refusedWrites.isEmpty()) {
                        before = settled != null ? settled : fingerprint();
                    }
                    if (!mustNotChange) {
                        settled = null;
                    }
                    String what = judge(line, actor, line.call().apply(callers.get(actor)), wrong);
                    calls++;
                    if (mustNotChange) {
                        refusedWrites.add(what);
                    }
                }
                if (!refusedWrites.isEmpty()) {
                    settled = compare(before, refusedWrites, wrong);
                }
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(wrong).as(wrong.size() + " wrong answers of " + calls).isEmpty();
        assertThat(calls).isGreaterThan(250);
    }

    /** Checks one answer as the line says it must be; returns what was asked and answered, for the messages. */
    private String judge(Case line, Actor actor, Response answer, List<String> wrong) throws InterruptedException {
        String what = line.endpoint() + " " + line.variant() + " as " + actor + ": " + answer.status() + " "
                + answer.location();
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
            if (answer.body().contains("MATRIX") || answer.body().contains("matrix-")) {
                wrong.add("refused but shows data, " + what);
            }
        }
        return what;
    }

    /** The data after refused writes, compared with those before them: a change means one of them wrote. */
    private Map<String, String> compare(Map<String, String> before, List<String> refusedWrites, List<String> wrong) {
        Map<String, String> after = fingerprint();
        if (!after.equals(before)) {
            wrong.add("refused but data changed, by one of " + refusedWrites);
        }
        refusedWrites.clear();
        return after;
    }

    private static boolean succeeded(Response answer) {
        int s = answer.status();
        return s >= 200 && s < 300 || s == 302 && !answer.location().contains("/login");
    }

    private static boolean refused(Response answer, Actor actor) {
        if (actor == Actor.ANONYMOUS) {
            return answer.status() == 401
                    || answer.status() == 302 && answer.location().endsWith("/login");
        }
        return answer.status() == 403;
    }

    private static final Pattern IMPORT_ID = Pattern.compile("/imports/(\\d+)|\"id\":(\\d+)");

    /** An allowed upload runs in the background; the next call waits until it is done, so it sees settled data. */
    private void awaitImport(Response answer) throws InterruptedException {
        Matcher m = IMPORT_ID.matcher(answer.location() + answer.body());
        if (answer.status() != 202
                        && !(answer.status() == 302 && answer.location().contains("/imports/"))
                || !m.find()) {
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
        values.put(
                "users",
                jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(u::text, '|' order by id)), '') from app_user u",
                        String.class));
        values.put(
                "roles",
                jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(r::text, '|' order by r::text)), '') from user_role r",
                        String.class));
        values.put(
                "imports",
                jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(i::text, '|' order by id)), '') from import_run i",
                        String.class));
        values.put(
                "report texts",
                jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by id)), '') from report_text t",
                        String.class));
        values.put(
                "publications",
                jdbc.queryForObject(
                        // the row's transaction and place, not its content: reading every stored PDF cost more than all
                        // else here
                        "select count(*) || ':' || coalesce(string_agg(p.region_code || p.year || p.xmin "
                                + "|| p.ctid, '|' order by region_code, year), '') from report_publication p",
                        String.class));
        values.put(
                "register",
                jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(e::text, '|' order by id)), '') from register_entry e",
                        String.class));
        for (String table : List.of(
                "programme",
                "action_plan",
                "plan_region",
                "plan_section",
                "plan_objective",
                "plan_action",
                "plan_action_progress",
                "plan_milestone",
                "plan_version",
                "plan_comment")) {
            values.put(
                    table,
                    jdbc.queryForObject(
                            "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                                    + table + " t",
                            String.class));
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
