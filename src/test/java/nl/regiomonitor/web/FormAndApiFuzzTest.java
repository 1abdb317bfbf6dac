package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newHttpClient();
    private String authorKey;

    /** One request of the fuzz: what was sent, for the message when it goes wrong, and the field it broke (or null). */
    private record Sent(String what, String field, Response answer, boolean json) {
    }

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
        jdbc.update("create table fuzz_report_text as select * from report_text where region_code = 'ZK10' and year = 2024");
        // API keys: the fuzz is about the bodies, not about paying bcrypt on every call
        authorKey = key("gemeente.haaglanden");
        WebSession author = WebSession.bearer(port, authorKey);
        WebSession national = WebSession.bearer(port, key("landelijk"));
        long programme = json.readTree(national.getJson("/api/v1/programmes").body()).get(0).get("id").asLong();
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

        List<Supplier<Sent>> kinds = List.of(
                () -> apiJson(author, "POST", "/api/v1/plans", mutate(plan.deepCopy())),
                () -> apiJson(author, "PUT", "/api/v1/plans/" + planId, mutate((ObjectNode) full.deepCopy()),
                        Map.of("If-Match", IF_MATCH[random.nextInt(IF_MATCH.length)])),
                () -> apiJson(national, "POST", "/api/v1/programmes", mutate(json.createObjectNode().put("name", "Programma fuzz")
                        .put("deadline", "2030-12-31").put("monthlyAim", 100))),
                () -> apiJson(author, "POST", "/api/v1/plans/" + planId + "/return", mutate(json.createObjectNode().put("comment", "x"))),
                () -> apiJson(author, "POST", "/api/v1/account/api-keys", mutate(json.createObjectNode().put("name", "fuzz"))),
                () -> apiRaw("/api/v1/plans", randomContentType(), junk()),
                () -> form(admin, adminToken, "/admin/users", Map.of("username", "fuzz.gebruiker", "displayName", "Fuzz",
                        "password", "paarse olifanten dansen", "grants", "BEHEERDER")),
                () -> form(careOffice, careToken, "/regions/ZK10/register/new", Map.of("kind", "SIGNAL", "date", "2024-03-01",
                        "category", "", "name", "Fuzz", "locationKind", "", "description", "Fuzz")),
                () -> form(careOffice, careToken, "/regions/ZK10/regioperspectief/2024/texts", Map.of("INTRODUCTION.body", "Fuzz",
                        "INTRODUCTION.version", "-1", "new.title", "Fuzz", "new.body", "Fuzz")),
                () -> form(careOffice, careToken, "/account/api-sleutels", Map.of("name", "fuzz")),
                () -> login());

        List<Long> before = fingerprint();
        int refused = 0;
        SoftAssertions soft = new SoftAssertions();
        long began = System.nanoTime();
        Map<String, Long> spent = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            Sent sent = kinds.get(round % kinds.size()).get();
            spent.merge(sent.what().replaceAll(" .*", "") + " " + (round % kinds.size()), System.nanoTime() - t0, Long::sum);
            Response a = sent.answer();
            String context = sent.what() + " -> " + a.status() + " " + abbreviate(a.body());
            if (a.status() >= 500) {
                soft.fail("500: " + context);
                continue;
            }
            // the CSRF tokens on a page are random letters that may spell anything
            String shown = a.body().replaceAll("(content|value)=\"[A-Za-z0-9_-]{40,}\"", "");
            for (String word : INTERNAL) {
                soft.assertThat(shown).as(context).doesNotContain(word);
            }
            boolean accepted = a.status() < 300 && !a.body().contains("Er is een probleem") || a.status() == 302 && !a.location().contains("/login");
            if (accepted) {
                before = fingerprint();
                continue;
            }
            refused++;
            if (sent.json() && a.status() >= 400 && a.status() != 401 && a.status() != 403) {
                JsonNode body = json.readTree(a.body());
                soft.assertThat(body.path("message").asText()).as(context).matches(".*\\b(de|het|een|is|niet|van|geen|of)\\b.*");
                if (sent.field() != null && a.status() != 412 && a.status() != 415) {
                    soft.assertThat(a.body()).as(context).containsIgnoringCase(sent.field());
                }
            }
            List<Long> after = fingerprint();
            soft.assertThat(after).as("niets veranderd na " + context).isEqualTo(before);
            before = after;
        }
        System.out.printf("fuzz: %d verzoeken, %d geweigerd, %d ms; per soort (ms): %s%n", ROUNDS, refused,
                (System.nanoTime() - began) / 1_000_000, spent.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).toList());
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

    // ---- the mutations

    private static final String[] ODD = {"\u0000", "\u202E", "\uFEFF", "\uD83D\uDE00", "\u0007", "\r\n", "\t", "'; drop table app_user; --",
            "<script>alert(1)</script>", "${7*7}", "%00", "\\", "\"", "\uFFFF", "\u00e9\u0301", "ZK10\u0000"};
    private static final String[] IF_MATCH = {"\"0\"", "W/\"abc\"", "*", "\"99999999999999999999\"", "abc", "\"-1\"", "\"\""};
    private static final String[] DATES = {"9999-12-31", "1800-01-01", "2024-02-30", "0000-00-00", "morgen", "31-12-2024",
            "2024-13-01", "+999999999-12-31", "", " ", "2024-1-1"};

    private ObjectNode mutate(ObjectNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(9)) {
            case 0 -> node.put(field, random.nextInt());
            case 1 -> node.put(field, "x".repeat(random.nextBoolean() ? 100_001 : 5_001));
            case 2 -> node.put(field, ODD[random.nextInt(ODD.length)] + "tekst" + ODD[random.nextInt(ODD.length)]);
            case 3 -> node.remove(field);
            case 4 -> node.putArray(field).add(1).add("twee");
            case 5 -> node.putObject(field).put("nested", true);
            case 6 -> node.put(field, DATES[random.nextInt(DATES.length)]);
            case 7 -> node.putNull(field);
            default -> node.put(field, random.nextBoolean());
        }
        node.put("__field", field);
        return node;
    }

    private String junk() {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"title\": ";
            case 1 -> "[".repeat(5000);
            case 2 -> "W/\"abc\"";
            case 3 -> new String(Base64.getDecoder().decode("//79/A=="), StandardCharsets.ISO_8859_1);
            case 4 -> "null";
            default -> ODD[random.nextInt(ODD.length)].repeat(100);
        };
    }

    private String randomContentType() {
        String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json; charset=latin1", "application/octet-stream", "", "*/*"};
        return types[random.nextInt(types.length)];
    }

    private Sent apiJson(WebSession client, String method, String path, ObjectNode body) {
        return apiJson(client, method, path, body, Map.of());
    }

    private Sent apiJson(WebSession client, String method, String path, ObjectNode body, Map<String, String> headers) {
        String field = body.remove("__field").asText();
        String text = body.toString();
        if (random.nextInt(10) == 0) {
            text = text.substring(0, random.nextInt(text.length()));
            field = null;
        }
        return new Sent(method + " " + path + " " + abbreviate(text), field, client.sendJson(method, path, text, headers), true);
    }

    private String key(String user) throws Exception {
        Response made = WebSession.basic(port, user, PASSWORD).sendJson("POST", "/api/v1/account/api-keys", "{\"name\":\"fuzz\"}", Map.of());
        return json.readTree(made.body()).get("token").asText();
    }

    private Sent apiRaw(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + authorKey)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Sent("POST " + path + " als " + contentType, null, new Response(answer.statusCode(), answer.body(),
                    answer.headers()), true);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Sent form(WebSession session, String token, String path, Map<String, String> valid) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(valid.keySet());
        String broken = names.get(random.nextInt(names.size()));
        for (Map.Entry<String, String> f : valid.entrySet()) {
            if (!f.getKey().equals(broken)) {
                fields.add(f);
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> { } // missing
                case 1 -> fields.add(Map.entry(broken, "x".repeat(50_000)));
                case 2 -> fields.add(Map.entry(broken, ODD[random.nextInt(ODD.length)] + f.getValue()));
                case 3 -> fields.add(Map.entry(broken, DATES[random.nextInt(DATES.length)]));
                case 4 -> {
                    fields.add(Map.entry(broken, f.getValue()));
                    fields.add(Map.entry(broken, "tweede waarde"));
                }
                default -> fields.add(Map.entry(broken, String.valueOf(random.nextLong())));
            }
        }
        fields.add(Map.entry("_csrf", token));
        return new Sent("POST " + path + " " + broken, broken, session.postFormWithoutToken(path, fields), false);
    }

    private Sent login() {
        String address = "192.0.2." + random.nextInt(250);
        String name = random.nextBoolean() ? "fuzz" + random.nextInt(1000) : ODD[random.nextInt(ODD.length)] + "x".repeat(random.nextInt(300));
        WebSession visitor = WebSession.anonymous(port).from(address);
        return new Sent("login " + abbreviate(name), null, visitor.login(name, junk()), false);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
