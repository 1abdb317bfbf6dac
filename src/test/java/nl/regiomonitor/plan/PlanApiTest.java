package nl.regiomonitor.plan;

import static nl.regiomonitor.plan.PlanApi.PASSWORD;
import static nl.regiomonitor.plan.PlanApi.PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/**
 * The plan van aanpak through its HTTP API against the real database, as it is written: concurrent edits,
 * validation pointing at fields, and a save that fails halfway. The workflow: {@link PlanWorkflowApiTest}.
 */
class PlanApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private PlanApi api;

    @BeforeEach
    void connect() {
        api = new PlanApi(port, json, jdbc);
    }

    @Test
    void fiftyConcurrentSavesOfOneVersionLeaveExactlyOneWinnerWhoseTextIsStoredWhole() throws Exception {
        long id = api.create(
                "zorgkantoor.amstelland", api.completePlan(api.programme(PROGRAMME), "Gelijktijdig", "ZK01"));
        Response got = api.as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id);
        String etag = got.headers().firstValue("ETag").orElseThrow();
        JsonNode base = api.read(got);
        long changesBefore = api.changesOf(id);

        int writers = 50;
        List<ObjectNode> versions = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ObjectNode mine = base.deepCopy();
            // long texts, different per writer in every part, so a mix of two writers would show
            ((ObjectNode) mine.get("sections").get("BACKGROUND"))
                    .put("text", ("Schrijver " + w + " legt uit. ").repeat(400));
            mine.put("title", "Gelijktijdig, versie van schrijver " + w);
            ((ObjectNode) mine.get("actions").get(0)).put("description", "Actie van schrijver " + w);
            versions.add(mine);
        }
        // one logged-in browser session sends them all, as fifty open tabs would
        WebSession client = WebSession.loggedIn(port, "zorgkantoor.amstelland", PASSWORD);
        Map<String, String> headers = Map.of("If-Match", etag, "X-CSRF-TOKEN", client.csrf());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Response>> answers = new ArrayList<>();
        for (ObjectNode mine : versions) {
            answers.add(pool.submit(() -> {
                start.await();
                return client.sendJson("PUT", "/api/v1/plans/" + id, mine.toString(), headers);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        int winner = -1;
        for (int w = 0; w < writers; w++) {
            Response answer = answers.get(w).get(2, TimeUnit.MINUTES);
            statuses.add(answer.status());
            if (answer.status() == 200) {
                winner = w;
            } else {
                // after the winner's commit, or while it is still writing: refused at once either way
                assertThat(answer.body())
                        .containsAnyOf(
                                "Iemand anders heeft dit plan intussen gewijzigd",
                                "Iemand anders slaat dit plan op dit moment op")
                        .contains("Er is niets opgeslagen")
                        .doesNotContain("Exception");
            }
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200).count())
                .as(statuses.toString())
                .isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 412).count())
                .as(statuses.toString())
                .isEqualTo(writers - 1);

        Response after = api.as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id);
        JsonNode stored = api.read(after);
        assertThat(stored.get("sections").get("BACKGROUND").get("text").asText())
                .isEqualTo(("Schrijver " + winner + " legt uit. ").repeat(400).strip());
        assertThat(stored.get("title").asText()).isEqualTo("Gelijktijdig, versie van schrijver " + winner);
        assertThat(stored.get("actions").get(0).get("description").asText()).isEqualTo("Actie van schrijver " + winner);
        assertThat(stored.get("actions")).hasSize(3);
        assertThat(after.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(api.changesOf(id)).isEqualTo(changesBefore + 1);

        // a loser that tries again on the version it had is told, and its base is no longer what is stored
        int loser = winner == 0 ? 1 : 0;
        Response retry = api.put("zorgkantoor.amstelland", id, versions.get(loser), etag);
        assertThat(retry.status()).isEqualTo(412);
        assertThat(api.read(retry).get("message").asText()).contains("u had versie 0, nu is het 1");
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(api.read(api.as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id))
                        .get("title")
                        .asText())
                .isEqualTo("Gelijktijdig, versie van schrijver " + winner);

        // without If-Match nothing is saved either
        Response blind = api.as("zorgkantoor.amstelland")
                .sendJson("PUT", "/api/v1/plans/" + id, versions.get(loser).toString(), Map.of());
        assertThat(blind.status()).isEqualTo(428);
        assertThat(api.read(blind).get("message").asText()).contains("If-Match");
    }

    @Test
    void aDraftMayBeIncompleteButSubmittingNamesEveryMissingField() throws Exception {
        ObjectNode plan = json.createObjectNode();
        plan.put("programmeId", api.programme(PROGRAMME))
                .put("title", "Half plan")
                .putArray("regions")
                .add("ZK01");
        long id = api.create("gemeente.amstelland", plan);
        JsonNode draft = api.read(api.as("gemeente.amstelland").getJson("/api/v1/plans/" + id));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("completeness").asInt()).isZero();
        assertThat(draft.get("sections").get("BACKGROUND").get("guidance").asText())
                .isEqualTo("Licht de speer- en/of knelpunten toe waar dit plan van aanpak zich op richt.");

        // saved incomplete: the third action has no owner, there is no background
        ObjectNode partial = api.completePlan(api.programme(PROGRAMME), "Half plan", "ZK01");
        ((ObjectNode) partial.get("sections")).remove("BACKGROUND");
        ((ObjectNode) partial.get("actions").get(2)).remove("owner");
        ((ObjectNode) partial.get("objectives").get(0)).remove("targetDate");
        Response saved = api.put("gemeente.amstelland", id, partial, "\"0\"");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.read(saved).get("completeness").asInt()).isBetween(50, 99);

        Response refused = api.post("gemeente.amstelland", "/api/v1/plans/" + id + "/submit", "");
        assertThat(refused.status()).isEqualTo(422);
        JsonNode problems = api.read(refused).get("problems");
        assertThat(problems)
                .extracting(
                        p -> p.get("field").asText() + ": " + p.get("message").asText())
                .containsExactlyInAnyOrder(
                        "sections.BACKGROUND: Vul het onderdeel 'Achtergrond en probleemstelling' in (deel B).",
                        "objectives[0].targetDate: Doelstelling 1 heeft geen datum waarop het doel bereikt moet zijn.",
                        "actions[2].owner: Actie 3 heeft geen eigenaar.");
        assertThat(api.read(api.as("gemeente.amstelland").getJson("/api/v1/plans/" + id))
                        .get("status")
                        .asText())
                .isEqualTo("DRAFT");

        // what no plan may have is refused at once, with nothing written
        ObjectNode wrong = partial.deepCopy();
        ((ArrayNode) wrong.get("regions")).removeAll().add("ZK99");
        ((ObjectNode) wrong.get("actions").get(0)).put("timeline", "x".repeat(101));
        Response invalid = api.put("gemeente.amstelland", id, wrong, "\"1\"");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(api.read(invalid).get("problems"))
                .extracting(p -> p.get("field").asText())
                .containsExactly("regions[0]", "actions[0].timeline");
        ObjectNode unknownStatus = partial.deepCopy();
        ((ObjectNode) unknownStatus.get("actions").get(1)).put("status", "BIJNA");
        Response unreadable = api.put("gemeente.amstelland", id, unknownStatus, "\"1\"");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(api.read(unreadable).get("message").asText())
                .contains("actions[1].status")
                .doesNotContain("Exception");
        ObjectNode unreadableTimeline = partial.deepCopy();
        ((ObjectNode) unreadableTimeline.get("actions").get(1)).put("timeline", "als het uitkomt");
        assertThat(api.put("gemeente.amstelland", id, unreadableTimeline, "\"1\"")
                        .status())
                .isEqualTo(200);
        Response stillRefused = api.post("gemeente.amstelland", "/api/v1/plans/" + id + "/submit", "");
        assertThat(api.read(stillRefused).get("problems"))
                .extracting(p -> p.get("field").asText())
                .contains("actions[1].timeline");
        assertThat(api.read(api.as("gemeente.amstelland").getJson("/api/v1/plans/" + id))
                        .get("lockVersion")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePlanAsItWas() throws Exception {
        long id = api.create(
                "zorgkantoor.amstelland", api.completePlan(api.programme(PROGRAMME), "Half mislukt", "ZK01"));
        JsonNode before = api.read(api.as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id));
        // the database refuses the milestones, which are written after the title, sections, objectives and actions
        jdbc.execute("""
                create function refuse_test_milestone() returns trigger language plpgsql as $$
                begin
                    if new.activity = 'Weigeren' then raise exception 'test: mijlpaal geweigerd'; end if;
                    return new;
                end $$""");
        jdbc.execute(
                "create trigger refuse_test_milestone before insert on plan_milestone for each row execute function refuse_test_milestone()");
        try {
            ObjectNode changed = before.deepCopy();
            changed.put("title", "Anders");
            ((ObjectNode) changed.get("sections").get("BACKGROUND")).put("text", "Nieuwe achtergrond");
            ((ArrayNode) changed.get("actions")).remove(0);
            ((ObjectNode) changed.get("milestones").get(0)).put("activity", "Weigeren");
            Response failed = api.put("zorgkantoor.amstelland", id, changed, "\"0\"");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(api.read(failed).get("message").asText())
                    .contains("er is niets veranderd")
                    .doesNotContain("test:");
        } finally {
            jdbc.execute("drop trigger refuse_test_milestone on plan_milestone");
            jdbc.execute("drop function refuse_test_milestone()");
        }
        JsonNode after = api.read(api.as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id));
        assertThat(after).isEqualTo(before);
        assertThat(api.changesOf(id)).isZero();
    }
}
