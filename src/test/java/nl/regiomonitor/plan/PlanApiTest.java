package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
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
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan van aanpak through its HTTP API against the real database: concurrent edits, validation
 * pointing at fields, the workflow with versions, who may do what, and what is overdue.
 */
class PlanApiTest extends IntegrationTest {

    private static final String PASSWORD = "demo-wachtwoord";
    private static final String PROGRAMME = "Regioaanpak instroom Wlz-ggz-W";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanService plans;

    private WebSession as(String user) {
        return WebSession.basic(port, user, PASSWORD);
    }

    private JsonNode read(Response answer) throws Exception {
        return json.readTree(answer.body());
    }

    private long programme(String name) throws Exception {
        for (JsonNode p : read(as("landelijk").getJson("/api/v1/programmes"))) {
            if (p.get("name").asText().equals(name)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("Geen programma " + name);
    }

    /** A plan with every required part, as a region would send it. */
    private ObjectNode completePlan(long programme, String title, String... regions) {
        ObjectNode plan = json.createObjectNode();
        plan.put("programmeId", programme).put("title", title);
        ArrayNode codes = plan.putArray("regions");
        for (String region : regions) {
            codes.add(region);
        }
        ObjectNode sections = plan.putObject("sections");
        for (PlanSection section : PlanSection.values()) {
            sections.putObject(section.name()).put("text", "Tekst voor " + section.title() + ".");
        }
        plan.putArray("objectives").addObject().put("description", "De maandelijkse instroom daalt").put("figure", "INFLUX_GGZ_W")
                .put("direction", "DOWN").put("targetDate", "2024-12-31");
        ArrayNode actions = plan.putArray("actions");
        for (int i = 1; i <= 3; i++) {
            actions.addObject().put("paragraph", "5b. Toegang/bemiddeling/coördinatie").put("description", "Actie " + i)
                    .put("owner", "Zorgkantoor").put("ownerRole", "coördinator zorgkantoren").put("timeline", "Eind Q1 2024");
        }
        plan.putArray("milestones").addObject().put("activity", "Factsheet").put("milestone", "Vastgesteld").put("dueDate", "2024-03-31");
        return plan;
    }

    private long create(String user, ObjectNode plan) throws Exception {
        Response created = as(user).sendJson("POST", "/api/v1/plans", plan.toString(), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        return read(created).get("id").asLong();
    }

    private Response put(String user, long id, JsonNode plan, String etag) {
        return as(user).sendJson("PUT", "/api/v1/plans/" + id, plan.toString(), Map.of("If-Match", etag));
    }

    private Response post(String user, String path, String body) {
        return as(user).sendJson("POST", path, body, Map.of());
    }

    @Test
    void fiftyConcurrentSavesOfOneVersionLeaveExactlyOneWinnerWhoseTextIsStoredWhole() throws Exception {
        long id = create("zorgkantoor.amstelland", completePlan(programme(PROGRAMME), "Gelijktijdig", "ZK01"));
        Response got = as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id);
        String etag = got.headers().firstValue("ETag").orElseThrow();
        JsonNode base = read(got);
        long changesBefore = changesOf(id);

        int writers = 50;
        List<ObjectNode> versions = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ObjectNode mine = base.deepCopy();
            // long texts, different per writer in every part, so a mix of two writers would show
            ((ObjectNode) mine.get("sections").get("BACKGROUND")).put("text", ("Schrijver " + w + " legt uit. ").repeat(400));
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
                assertThat(answer.body()).containsAnyOf("Iemand anders heeft dit plan intussen gewijzigd",
                        "Iemand anders slaat dit plan op dit moment op").contains("Er is niets opgeslagen").doesNotContain("Exception");
            }
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 412).count()).as(statuses.toString()).isEqualTo(writers - 1);

        Response after = as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id);
        JsonNode stored = read(after);
        assertThat(stored.get("sections").get("BACKGROUND").get("text").asText())
                .isEqualTo(("Schrijver " + winner + " legt uit. ").repeat(400).strip());
        assertThat(stored.get("title").asText()).isEqualTo("Gelijktijdig, versie van schrijver " + winner);
        assertThat(stored.get("actions").get(0).get("description").asText()).isEqualTo("Actie van schrijver " + winner);
        assertThat(stored.get("actions")).hasSize(3);
        assertThat(after.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(changesOf(id)).isEqualTo(changesBefore + 1);

        // a loser that tries again on the version it had is told, and its base is no longer what is stored
        int loser = winner == 0 ? 1 : 0;
        Response retry = put("zorgkantoor.amstelland", id, versions.get(loser), etag);
        assertThat(retry.status()).isEqualTo(412);
        assertThat(read(retry).get("message").asText()).contains("u had versie 0, nu is het 1");
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(read(as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id)).get("title").asText())
                .isEqualTo("Gelijktijdig, versie van schrijver " + winner);

        // without If-Match nothing is saved either
        Response blind = as("zorgkantoor.amstelland").sendJson("PUT", "/api/v1/plans/" + id, versions.get(loser).toString(), Map.of());
        assertThat(blind.status()).isEqualTo(428);
        assertThat(read(blind).get("message").asText()).contains("If-Match");
    }

    private long changesOf(long id) {
        return jdbc.queryForObject("select count(*) from audit_event where subject = 'plan van aanpak' and subject_id = ? and action = 'CHANGE'",
                Long.class, String.valueOf(id));
    }

    @Test
    void aDraftMayBeIncompleteButSubmittingNamesEveryMissingField() throws Exception {
        ObjectNode plan = json.createObjectNode();
        plan.put("programmeId", programme(PROGRAMME)).put("title", "Half plan").putArray("regions").add("ZK01");
        long id = create("gemeente.amstelland", plan);
        JsonNode draft = read(as("gemeente.amstelland").getJson("/api/v1/plans/" + id));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("completeness").asInt()).isZero();
        assertThat(draft.get("sections").get("BACKGROUND").get("guidance").asText())
                .isEqualTo("Licht de speer- en/of knelpunten toe waar dit plan van aanpak zich op richt.");

        // saved incomplete: the third action has no owner, there is no background
        ObjectNode partial = completePlan(programme(PROGRAMME), "Half plan", "ZK01");
        ((ObjectNode) partial.get("sections")).remove("BACKGROUND");
        ((ObjectNode) partial.get("actions").get(2)).remove("owner");
        ((ObjectNode) partial.get("objectives").get(0)).remove("targetDate");
        Response saved = put("gemeente.amstelland", id, partial, "\"0\"");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(read(saved).get("completeness").asInt()).isBetween(50, 99);

        Response refused = post("gemeente.amstelland", "/api/v1/plans/" + id + "/submit", "");
        assertThat(refused.status()).isEqualTo(422);
        JsonNode problems = read(refused).get("problems");
        assertThat(problems).extracting(p -> p.get("field").asText() + ": " + p.get("message").asText()).containsExactlyInAnyOrder(
                "sections.BACKGROUND: Vul het onderdeel 'Achtergrond en probleemstelling' in (deel B).",
                "objectives[0].targetDate: Doelstelling 1 heeft geen datum waarop het doel bereikt moet zijn.",
                "actions[2].owner: Actie 3 heeft geen eigenaar.");
        assertThat(read(as("gemeente.amstelland").getJson("/api/v1/plans/" + id)).get("status").asText()).isEqualTo("DRAFT");

        // what no plan may have is refused at once, with nothing written
        ObjectNode wrong = partial.deepCopy();
        ((ArrayNode) wrong.get("regions")).removeAll().add("ZK99");
        ((ObjectNode) wrong.get("actions").get(0)).put("timeline", "x".repeat(101));
        Response invalid = put("gemeente.amstelland", id, wrong, "\"1\"");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(read(invalid).get("problems")).extracting(p -> p.get("field").asText()).containsExactly("regions[0]", "actions[0].timeline");
        ObjectNode unknownStatus = partial.deepCopy();
        ((ObjectNode) unknownStatus.get("actions").get(1)).put("status", "BIJNA");
        Response unreadable = put("gemeente.amstelland", id, unknownStatus, "\"1\"");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(read(unreadable).get("message").asText()).contains("actions[1].status").doesNotContain("Exception");
        ObjectNode unreadableTimeline = partial.deepCopy();
        ((ObjectNode) unreadableTimeline.get("actions").get(1)).put("timeline", "als het uitkomt");
        assertThat(put("gemeente.amstelland", id, unreadableTimeline, "\"1\"").status()).isEqualTo(200);
        Response stillRefused = post("gemeente.amstelland", "/api/v1/plans/" + id + "/submit", "");
        assertThat(read(stillRefused).get("problems")).extracting(p -> p.get("field").asText()).contains("actions[1].timeline");
        assertThat(read(as("gemeente.amstelland").getJson("/api/v1/plans/" + id)).get("lockVersion").asInt()).isEqualTo(2);
    }

    @Test
    void submittedPlansAreFrozenVersionedReviewedNationallyAndKeptFromOtherRegions() throws Exception {
        ObjectNode input = completePlan(programme(PROGRAMME), "Werkstroom", "ZK01");
        ((ObjectNode) input.get("actions").get(0)).put("owner", "Zorgaanbieder Amstelland (demo)");
        long id = create("zorgkantoor.amstelland", input);
        String path = "/api/v1/plans/" + id;

        // others cannot read or write it; the national programme reads but never edits; a provider reports progress only,
        // on the actions of its own organisation
        JsonNode plan = read(as("zorgkantoor.amstelland").getJson(path));
        assertThat(as("zorgkantoor.haaglanden").getJson(path).status()).isEqualTo(403);
        assertThat(as("zorgkantoor.haaglanden").getJson(path + "/versions").status()).isEqualTo(403);
        assertThat(put("zorgkantoor.haaglanden", id, plan, "\"0\"").status()).isEqualTo(403);
        assertThat(read(as("zorgkantoor.haaglanden").getJson("/api/v1/plans")).findValuesAsText("title")).doesNotContain("Werkstroom");
        assertThat(read(as("landelijk").getJson("/api/v1/plans")).findValuesAsText("title")).contains("Werkstroom");
        assertThat(as("landelijk").getJson(path).status()).isEqualTo(200);
        Response nationalEdit = put("landelijk", id, plan, "\"0\"");
        assertThat(nationalEdit.status()).isEqualTo(403);
        assertThat(read(nationalEdit).get("message").asText()).contains("geen toegang");
        assertThat(put("aanbieder.amstelland", id, plan, "\"0\"").status()).isEqualTo(403);
        long firstAction = plan.get("actions").get(0).get("id").asLong();
        Response progress = post("aanbieder.amstelland", path + "/actions/" + firstAction + "/progress",
                "{\"status\":\"RUNNING\",\"note\":\"Eerste overleg gehouden\"}");
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(read(progress).get("actions").get(0).get("progress").get(0).get("note").asText()).isEqualTo("Eerste overleg gehouden");
        long careOfficeAction = plan.get("actions").get(1).get("id").asLong();
        Response notOwn = post("aanbieder.amstelland", path + "/actions/" + careOfficeAction + "/progress", "{\"status\":\"DONE\"}");
        assertThat(notOwn.status()).isEqualTo(403);
        assertThat(read(notOwn).get("message").asText()).isEqualTo("U kunt alleen voortgang melden op acties van uw eigen organisatie "
                + "(Zorgaanbieder Amstelland (demo)). Eigenaar van deze actie is Zorgkantoor.");
        assertThat(jdbc.queryForObject("select status from plan_action where id = ?", String.class, careOfficeAction)).isEqualTo("NOT_STARTED");
        assertThat(post("landelijk", path + "/actions/" + firstAction + "/progress", "{\"status\":\"DONE\"}").status()).isEqualTo(403);

        // submitted after the programme's deadline (31-12-2023): late, frozen
        Response submitted = post("zorgkantoor.amstelland", path + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(read(submitted).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(read(submitted).get("late").asBoolean()).isTrue();
        assertThat(post("zorgkantoor.amstelland", path + "/submit", "").status()).isEqualTo(409);
        assertThat(post("zorgkantoor.amstelland", path + "/accept", "").status()).isEqualTo(403);

        // returned with a comment, which the national programme must give
        Response noComment = post("landelijk", path + "/return", "{}");
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(read(noComment).get("problems").get(0).get("field").asText()).isEqualTo("comment");
        Response returned = post("landelijk", path + "/return", "{\"comment\":\"Maak de doelstelling concreter.\"}");
        assertThat(returned.status()).isEqualTo(200);
        assertThat(read(returned).get("status").asText()).isEqualTo("RETURNED");
        assertThat(read(returned).get("reviewComment").asText()).isEqualTo("Maak de doelstelling concreter.");

        // a change after submission is version 2, a draft; version 1 stays as it was submitted
        JsonNode current = read(as("gemeente.amstelland").getJson(path));
        ObjectNode changed = current.deepCopy();
        ((ObjectNode) changed.get("objectives").get(0)).put("targetValue", 12);
        ((ObjectNode) changed.get("sections").get("BACKGROUND")).put("text", "Herziene achtergrond.");
        Response second = put("gemeente.amstelland", id, changed, "\"" + current.get("lockVersion").asInt() + "\"");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(read(second).get("versionNumber").asInt()).isEqualTo(2);
        assertThat(read(second).get("status").asText()).isEqualTo("DRAFT");
        assertThat(read(second).get("actions").get(0).get("progress")).hasSize(1);
        JsonNode versions = read(as("aanbieder.amstelland").getJson(path + "/versions"));
        assertThat(versions).extracting(v -> v.get("number").asInt() + " " + v.get("status").asText()).containsExactly("1 RETURNED", "2 DRAFT");
        JsonNode first = read(as("landelijk").getJson(path + "/versions/1")).get("plan");
        assertThat(first.get("sections").get("BACKGROUND").get("text").asText()).isEqualTo("Tekst voor Achtergrond en probleemstelling.");
        assertThat(first.get("status").asText()).isEqualTo("RETURNED");
        assertThat(read(as("landelijk").getJson(path + "/versions/2")).get("plan").get("sections").get("BACKGROUND").get("text").asText())
                .isEqualTo("Herziene achtergrond.");
        assertThat(as("landelijk").getJson(path + "/versions/9").status()).isEqualTo(404);

        assertThat(post("zorgkantoor.amstelland", path + "/submit", "").status()).isEqualTo(200);
        Response accepted = post("landelijk", path + "/accept", "");
        assertThat(read(accepted).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(read(accepted).get("versionNumber").asInt()).isEqualTo(2);

        // every step is in the audit trail, with before and after
        List<Map<String, Object>> trail = jdbc.queryForList("select action, before::text as before, after::text as after from audit_event "
                + "where subject = 'plan van aanpak' and subject_id = ? order by id", String.valueOf(id));
        assertThat(trail).extracting(r -> r.get("action")).containsExactly("CREATE", "CHANGE", "SUBMIT", "RETURN", "CHANGE", "SUBMIT", "ACCEPT");
        assertThat((String) trail.get(3).get("after")).contains("Maak de doelstelling concreter.");
        assertThat((String) trail.get(4).get("before")).contains("Tekst voor Achtergrond en probleemstelling.");
        assertThat((String) trail.get(4).get("after")).contains("Herziene achtergrond.");
    }

    @Test
    void aPlanSubmittedBeforeTheDeadlineIsOnTimeAndOnlyNationalRolesCreateProgrammes() throws Exception {
        String body = "{\"name\":\"Vervolgaanpak " + System.nanoTime() + "\",\"deadline\":\"2099-12-31\",\"monthlyAim\":100}";
        assertThat(post("zorgkantoor.amstelland", "/api/v1/programmes", body).status()).isEqualTo(403);
        Response created = post("beheerder", "/api/v1/programmes", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response twice = post("landelijk", "/api/v1/programmes", body);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(read(twice).get("problems").get(0).get("field").asText()).isEqualTo("name");

        long id = create("zorgkantoor.amstelland", completePlan(read(created).get("id").asLong(), "Op tijd", "ZK01"));
        Response submitted = post("zorgkantoor.amstelland", "/api/v1/plans/" + id + "/submit", "");
        assertThat(read(submitted).get("late").asBoolean()).isFalse();
        assertThat(read(submitted).get("completeness").asInt()).isEqualTo(100);

        // nobody starts a plan for a region that is not theirs
        Response foreign = post("zorgkantoor.amstelland", "/api/v1/plans", completePlan(read(created).get("id").asLong(), "Van een ander",
                "ZK01", "ZK10").toString());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(post("landelijk", "/api/v1/plans", completePlan(read(created).get("id").asLong(), "Landelijk", "ZK01").toString())
                .status()).isEqualTo(403);
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePlanAsItWas() throws Exception {
        long id = create("zorgkantoor.amstelland", completePlan(programme(PROGRAMME), "Half mislukt", "ZK01"));
        JsonNode before = read(as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id));
        // the database refuses the milestones, which are written after the title, sections, objectives and actions
        jdbc.execute("""
                create function refuse_test_milestone() returns trigger language plpgsql as $$
                begin
                    if new.activity = 'Weigeren' then raise exception 'test: mijlpaal geweigerd'; end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger refuse_test_milestone before insert on plan_milestone for each row execute function refuse_test_milestone()");
        try {
            ObjectNode changed = before.deepCopy();
            changed.put("title", "Anders");
            ((ObjectNode) changed.get("sections").get("BACKGROUND")).put("text", "Nieuwe achtergrond");
            ((ArrayNode) changed.get("actions")).remove(0);
            ((ObjectNode) changed.get("milestones").get(0)).put("activity", "Weigeren");
            Response failed = put("zorgkantoor.amstelland", id, changed, "\"0\"");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(read(failed).get("message").asText()).contains("er is niets veranderd").doesNotContain("test:");
        } finally {
            jdbc.execute("drop trigger refuse_test_milestone on plan_milestone");
            jdbc.execute("drop function refuse_test_milestone()");
        }
        JsonNode after = read(as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id));
        assertThat(after).isEqualTo(before);
        assertThat(changesOf(id)).isZero();
    }

    @Test
    void overdueActionsAndMilestonesFollowTheirTimelines() throws Exception {
        // how a timeline text becomes a due date: TimelineTest
        // the demo draft of Haaglanden: its "Eind Q1 2024" action is overdue from 1 April 2024, not on 31 March
        assertThat(plans.overdue("ZK10", LocalDate.of(2024, 3, 31))).isEmpty();
        List<OverdueItem> overdue = plans.overdue("ZK10", LocalDate.of(2024, 4, 1));
        assertThat(overdue).extracting(OverdueItem::label, OverdueItem::text, OverdueItem::due)
                .containsExactly(tuple("Actie 1", "Casustafel voor jongvolwassenen inrichten", LocalDate.of(2024, 3, 31)));

        // a done action is not overdue, an open milestone is; the joint plan of ZK01 and ZK28 counts for both regions
        long id = create("zorgkantoor.amstelland", completePlan(programme(PROGRAMME), "Achterstand", "ZK01"));
        JsonNode plan = read(as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id));
        assertThat(plan.get("actions").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(plan.get("milestones").get(0).get("overdue").asBoolean()).isTrue();
        long action = plan.get("actions").get(0).get("id").asLong();
        post("zorgkantoor.amstelland", "/api/v1/plans/" + id + "/actions/" + action + "/progress", "{\"status\":\"DONE\"}");
        List<OverdueItem> mine = plans.overdue("ZK01", LocalDate.of(2024, 4, 1)).stream().filter(o -> o.planId() == id).toList();
        assertThat(mine).extracting(OverdueItem::label).containsExactly("Actie 2", "Actie 3", "Mijlpaal 1");
        assertThat(plans.overdue("ZK28", LocalDate.of(2024, 4, 1))).extracting(OverdueItem::planTitle).isNotEmpty()
                .allMatch(title -> title.contains("Zuid-Holland Noord"));
    }
}
