package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import nl.regiomonitor.web.FuzzRequests.Sent;

/**
 * Malformed form posts and API bodies from authorised users, generated from a fixed seed: wrong
 * JSON types, huge strings, control and odd unicode characters, missing fields, wrong content
 * types, impossible and extreme dates. None may fail with a 500 or show a stack trace or an
 * internal name; every refusal is in Dutch and names the field; nothing changes when refused.
 */
class FormAndApiFuzzTest extends IntegrationTest {

    private static final long SEED = 14;
    private static final int ROUNDS = 550;
    private static final List<String> INTERNAL = List.of("Exception", "org.", "java.", "SQL", "at nl.regiomonitor");
    private static final String PASSWORD = "demo-wachtwoord";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    /**
     * The API keys the fuzz made (valid bodies make keys too): gone afterwards, so other tests find no user at the
     * limit; and Haaglanden's regioperspectief texts as they were, so a test of the demo report reads the demo
     * report whichever test ran before it in the same JVM.
     */
    @AfterEach
    void undoWhatTheFuzzWroteForOtherTests() {
        jdbc.update("delete from api_token where id > ?", keysBefore);
        jdbc.update("delete from report_text where region_code = 'ZK10' and year = 2024");
        jdbc.update("insert into report_text select * from fuzz_report_text");
        jdbc.update("drop table fuzz_report_text");
    }

    private long keysBefore;

    @Test
    void malformedFormsAndApiBodiesAreRefusedInDutchAndChangeNothing() throws Exception {
        keysBefore = jdbc.queryForObject("select coalesce(max(id), 0) from api_token", Long.class);
        jdbc.update(
                "create table fuzz_report_text as select * from report_text where region_code = 'ZK10' and year = 2024");
        // API keys: the fuzz is about the bodies, not about paying bcrypt on every call
        String authorKey = key("gemeente.haaglanden");
        WebSession author = WebSession.bearer(port, authorKey);
        WebSession national = WebSession.bearer(port, key("landelijk"));
        long programme = json.readTree(national.getJson("/api/v1/programmes").body())
                .get(0)
                .get("id")
                .asLong();
        ObjectNode plan = json.createObjectNode().put("programmeId", programme).put("title", "Fuzzplan");
        plan.putArray("regions").add("ZK10");
        Response created = author.sendJson("POST", "/api/v1/plans", plan.toString(), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long planId = json.readTree(created.body()).get("id").asLong();
        JsonNode full = json.readTree(author.getJson("/api/v1/plans/" + planId).body());

        WebSession admin = WebSession.loggedIn(port, "beheerder", PASSWORD);
        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", PASSWORD);
        String adminToken = admin.csrf();
        String careToken = careOffice.csrf();

        FuzzRequests requests = new FuzzRequests(port, SEED);
        List<Supplier<Sent>> kinds = List.of(
                () -> requests.apiJson(author, "POST", "/api/v1/plans", requests.mutate(plan.deepCopy())),
                () -> requests.apiJson(
                        author,
                        "PUT",
                        "/api/v1/plans/" + planId,
                        requests.mutate((ObjectNode) full.deepCopy()),
                        Map.of("If-Match", requests.ifMatch())),
                () -> requests.apiJson(
                        national,
                        "POST",
                        "/api/v1/programmes",
                        requests.mutate(json.createObjectNode()
                                .put("name", "Programma fuzz")
                                .put("deadline", "2030-12-31")
                                .put("monthlyAim", 100))),
                () -> requests.apiJson(
                        author,
                        "POST",
                        "/api/v1/plans/" + planId + "/return",
                        requests.mutate(json.createObjectNode().put("comment", "x"))),
                () -> requests.apiJson(
                        author,
                        "POST",
                        "/api/v1/account/api-keys",
                        requests.mutate(json.createObjectNode().put("name", "fuzz"))),
                () -> requests.apiRaw(authorKey, "/api/v1/plans", requests.randomContentType(), requests.junk()),
                () -> requests.form(
                        admin,
                        adminToken,
                        "/admin/users",
                        Map.of(
                                "username",
                                "fuzz.gebruiker",
                                "displayName",
                                "Fuzz",
                                "password",
                                "paarse olifanten dansen",
                                "grants",
                                "BEHEERDER")),
                () -> requests.form(
                        careOffice,
                        careToken,
                        "/regions/ZK10/register/new",
                        Map.of(
                                "kind",
                                "SIGNAL",
                                "date",
                                "2024-03-01",
                                "category",
                                "",
                                "name",
                                "Fuzz",
                                "locationKind",
                                "",
                                "description",
                                "Fuzz")),
                () -> requests.form(
                        careOffice,
                        careToken,
                        "/regions/ZK10/regioperspectief/2024/texts",
                        Map.of(
                                "INTRODUCTION.body",
                                "Fuzz",
                                "INTRODUCTION.version",
                                "-1",
                                "new.title",
                                "Fuzz",
                                "new.body",
                                "Fuzz")),
                () -> requests.form(careOffice, careToken, "/account/api-sleutels", Map.of("name", "fuzz")),
                () -> requests.login());

        List<Long> before = fingerprint();
        int refused = 0;
        SoftAssertions soft = new SoftAssertions();
        long began = System.nanoTime();
        Map<String, Long> spent = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            Sent sent = kinds.get(round % kinds.size()).get();
            spent.merge(
                    sent.what().replaceAll(" .*", "") + " " + (round % kinds.size()),
                    System.nanoTime() - t0,
                    Long::sum);
            Response a = sent.answer();
            String context = sent.what() + " -> " + a.status() + " " + FuzzRequests.abbreviate(a.body());
            if (a.status() >= 500) {
                soft.fail("500: " + context);
                continue;
            }
            // the CSRF tokens on a page and a new API key (in JSON or on its page) are random letters that may
            // spell anything (a key with "SQL" in it failed a run)
            String shown = a.body()
                    .replaceAll("(content|value)=\"[A-Za-z0-9_-]{40,}\"", "")
                    .replaceAll("rm_[A-Za-z0-9_-]{20,}", "");
            for (String word : INTERNAL) {
                soft.assertThat(shown).as(context).doesNotContain(word);
            }
            boolean accepted = a.status() < 300 && !a.body().contains("Er is een probleem")
                    || a.status() == 302 && !a.location().contains("/login");
            if (accepted) {
                before = fingerprint();
                continue;
            }
            refused++;
            if (sent.json() && a.status() >= 400 && a.status() != 401 && a.status() != 403) {
                JsonNode body = json.readTree(a.body());
                soft.assertThat(body.path("message").asText())
                        .as(context)
                        .matches(".*\\b(de|het|een|is|niet|van|geen|of)\\b.*");
                if (sent.field() != null && a.status() != 412 && a.status() != 415) {
                    soft.assertThat(a.body()).as(context).containsIgnoringCase(sent.field());
                }
            }
            List<Long> after = fingerprint();
            soft.assertThat(after).as("niets veranderd na " + context).isEqualTo(before);
            before = after;
        }
        System.out.printf(
                "fuzz: %d verzoeken, %d geweigerd, %d ms; per soort (ms): %s%n",
                ROUNDS,
                refused,
                (System.nanoTime() - began) / 1_000_000,
                spent.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000)
                        .toList());
        soft.assertThat(refused).isGreaterThan(ROUNDS / 2);
        soft.assertAll();
    }

    /** What a refusal may not change: users, plans and their versions, keys, register, texts, and the non-login trail. */
    private List<Long> fingerprint() {
        return jdbc.queryForList("""
                select (select count(*) from app_user) union all select (select count(*) from action_plan)
                union all select (select coalesce(sum(lock_version), 0) from action_plan)
                union all select (select count(*) from plan_version) union all select (select count(*) from api_token)
                union all select (select count(*) from programme)
                union all select (select count(*) from audit_event where action not in ('LOGIN', 'LOGIN_FAILED'))""", Long.class);
    }

    private String key(String user) throws Exception {
        Response made = WebSession.basic(port, user, PASSWORD)
                .sendJson("POST", "/api/v1/account/api-keys", "{\"name\":\"fuzz\"}", Map.of());
        return json.readTree(made.body()).get("token").asText();
    }
}
