package nl.regiomonitor.plan;

import static nl.regiomonitor.plan.PlanApi.PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession.Response;

/**
 * The workflow of the plan van aanpak through its HTTP API: submitted plans frozen, versioned and reviewed
 * nationally, kept from other regions, on time or late, and what is overdue.
 */
class PlanWorkflowApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlanService plans;

    private PlanApi api;

    @BeforeEach
    void connect() {
        api = new PlanApi(port, json, jdbc);
    }

    @Test
    void submittedPlansAreFrozenVersionedReviewedNationallyAndKeptFromOtherRegions() throws Exception {
        ObjectNode input = api.completePlan(api.programme(PROGRAMME), "Werkstroom", "ZK01");
        ((ObjectNode) input.get("actions").get(0)).put("owner", "Zorgaanbieder Amstelland (demo)");
        long id = api.create("zorgkantoor.amstelland", input);
        String path = "/api/v1/plans/" + id;

        // others cannot read or write it; the national programme reads but never edits; a provider reports progress
        // only, on the actions of its own organisation
        JsonNode plan = api.read(api.as("zorgkantoor.amstelland").getJson(path));
        assertThat(api.as("zorgkantoor.haaglanden").getJson(path).status()).isEqualTo(403);
        assertThat(api.as("zorgkantoor.haaglanden").getJson(path + "/versions").status())
                .isEqualTo(403);
        assertThat(api.put("zorgkantoor.haaglanden", id, plan, "\"0\"").status())
                .isEqualTo(403);
        assertThat(api.read(api.as("zorgkantoor.haaglanden").getJson("/api/v1/plans"))
                        .findValuesAsText("title"))
                .doesNotContain("Werkstroom");
        assertThat(api.read(api.as("landelijk").getJson("/api/v1/plans")).findValuesAsText("title"))
                .contains("Werkstroom");
        assertThat(api.as("landelijk").getJson(path).status()).isEqualTo(200);
        Response nationalEdit = api.put("landelijk", id, plan, "\"0\"");
        assertThat(nationalEdit.status()).isEqualTo(403);
        assertThat(api.read(nationalEdit).get("message").asText()).contains("geen toegang");
        assertThat(api.put("aanbieder.amstelland", id, plan, "\"0\"").status()).isEqualTo(403);
        long firstAction = plan.get("actions").get(0).get("id").asLong();
        Response progress = api.post(
                "aanbieder.amstelland",
                path + "/actions/" + firstAction + "/progress",
                "{\"status\":\"RUNNING\",\"note\":\"Eerste overleg gehouden\"}");
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(api.read(progress)
                        .get("actions")
                        .get(0)
                        .get("progress")
                        .get(0)
                        .get("note")
                        .asText())
                .isEqualTo("Eerste overleg gehouden");
        long careOfficeAction = plan.get("actions").get(1).get("id").asLong();
        Response notOwn = api.post(
                "aanbieder.amstelland", path + "/actions/" + careOfficeAction + "/progress", "{\"status\":\"DONE\"}");
        assertThat(notOwn.status()).isEqualTo(403);
        assertThat(api.read(notOwn).get("message").asText())
                .isEqualTo("U kunt alleen voortgang melden op acties van uw eigen organisatie "
                        + "(Zorgaanbieder Amstelland (demo)). Eigenaar van deze actie is Zorgkantoor.");
        assertThat(jdbc.queryForObject("select status from plan_action where id = ?", String.class, careOfficeAction))
                .isEqualTo("NOT_STARTED");
        assertThat(api.post("landelijk", path + "/actions/" + firstAction + "/progress", "{\"status\":\"DONE\"}")
                        .status())
                .isEqualTo(403);

        // submitted after the programme's deadline (31-12-2023): late, frozen
        Response submitted = api.post("zorgkantoor.amstelland", path + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(api.read(submitted).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(api.read(submitted).get("late").asBoolean()).isTrue();
        assertThat(api.post("zorgkantoor.amstelland", path + "/submit", "").status())
                .isEqualTo(409);
        assertThat(api.post("zorgkantoor.amstelland", path + "/accept", "").status())
                .isEqualTo(403);

        // returned with a comment, which the national programme must give
        Response noComment = api.post("landelijk", path + "/return", "{}");
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(api.read(noComment).get("problems").get(0).get("field").asText())
                .isEqualTo("comment");
        Response returned =
                api.post("landelijk", path + "/return", "{\"comment\":\"Maak de doelstelling concreter.\"}");
        assertThat(returned.status()).isEqualTo(200);
        assertThat(api.read(returned).get("status").asText()).isEqualTo("RETURNED");
        assertThat(api.read(returned).get("reviewComment").asText()).isEqualTo("Maak de doelstelling concreter.");

        // a change after submission is version 2, a draft; version 1 stays as it was submitted
        JsonNode current = api.read(api.as("gemeente.amstelland").getJson(path));
        ObjectNode changed = current.deepCopy();
        ((ObjectNode) changed.get("objectives").get(0)).put("targetValue", 12);
        ((ObjectNode) changed.get("sections").get("BACKGROUND")).put("text", "Herziene achtergrond.");
        Response second = api.put(
                "gemeente.amstelland",
                id,
                changed,
                "\"" + current.get("lockVersion").asInt() + "\"");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(api.read(second).get("versionNumber").asInt()).isEqualTo(2);
        assertThat(api.read(second).get("status").asText()).isEqualTo("DRAFT");
        assertThat(api.read(second).get("actions").get(0).get("progress")).hasSize(1);
        JsonNode versions = api.read(api.as("aanbieder.amstelland").getJson(path + "/versions"));
        assertThat(versions)
                .extracting(v -> v.get("number").asInt() + " " + v.get("status").asText())
                .containsExactly("1 RETURNED", "2 DRAFT");
        JsonNode first =
                api.read(api.as("landelijk").getJson(path + "/versions/1")).get("plan");
        assertThat(first.get("sections").get("BACKGROUND").get("text").asText())
                .isEqualTo("Tekst voor Achtergrond en probleemstelling.");
        assertThat(first.get("status").asText()).isEqualTo("RETURNED");
        assertThat(api.read(api.as("landelijk").getJson(path + "/versions/2"))
                        .get("plan")
                        .get("sections")
                        .get("BACKGROUND")
                        .get("text")
                        .asText())
                .isEqualTo("Herziene achtergrond.");
        assertThat(api.as("landelijk").getJson(path + "/versions/9").status()).isEqualTo(404);

        assertThat(api.post("zorgkantoor.amstelland", path + "/submit", "").status())
                .isEqualTo(200);
        Response accepted = api.post("landelijk", path + "/accept", "");
        assertThat(api.read(accepted).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(api.read(accepted).get("versionNumber").asInt()).isEqualTo(2);

        // every step is in the audit trail, with before and after
        List<Map<String, Object>> trail = jdbc.queryForList(
                "select action, before::text as before, after::text as after from audit_event "
                        + "where subject = 'plan van aanpak' and subject_id = ? order by id",
                String.valueOf(id));
        assertThat(trail)
                .extracting(r -> r.get("action"))
                .containsExactly("CREATE", "CHANGE", "SUBMIT", "RETURN", "CHANGE", "SUBMIT", "ACCEPT");
        assertThat((String) trail.get(3).get("after")).contains("Maak de doelstelling concreter.");
        assertThat((String) trail.get(4).get("before")).contains("Tekst voor Achtergrond en probleemstelling.");
        assertThat((String) trail.get(4).get("after")).contains("Herziene achtergrond.");
    }

    @Test
    void aPlanSubmittedBeforeTheDeadlineIsOnTimeAndOnlyNationalRolesCreateProgrammes() throws Exception {
        String body =
                "{\"name\":\"Vervolgaanpak " + System.nanoTime() + "\",\"deadline\":\"2099-12-31\",\"monthlyAim\":100}";
        assertThat(api.post("zorgkantoor.amstelland", "/api/v1/programmes", body)
                        .status())
                .isEqualTo(403);
        Response created = api.post("beheerder", "/api/v1/programmes", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response twice = api.post("landelijk", "/api/v1/programmes", body);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(api.read(twice).get("problems").get(0).get("field").asText()).isEqualTo("name");

        long id = api.create(
                "zorgkantoor.amstelland",
                api.completePlan(api.read(created).get("id").asLong(), "Op tijd", "ZK01"));
        Response submitted = api.post("zorgkantoor.amstelland", "/api/v1/plans/" + id + "/submit", "");
        assertThat(api.read(submitted).get("late").asBoolean()).isFalse();
        assertThat(api.read(submitted).get("completeness").asInt()).isEqualTo(100);

        // nobody starts a plan for a region that is not theirs
        Response foreign = api.post(
                "zorgkantoor.amstelland",
                "/api/v1/plans",
                api.completePlan(api.read(created).get("id").asLong(), "Van een ander", "ZK01", "ZK10")
                        .toString());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(api.post(
                                "landelijk",
                                "/api/v1/plans",
                                api.completePlan(api.read(created).get("id").asLong(), "Landelijk", "ZK01")
                                        .toString())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void overdueActionsAndMilestonesFollowTheirTimelines() throws Exception {
        // how a timeline text becomes a due date: TimelineTest
        // the demo draft of Haaglanden: its "Eind Q1 2024" action is overdue from 1 April 2024, not on 31 March
        assertThat(plans.overdue("ZK10", LocalDate.of(2024, 3, 31))).isEmpty();
        List<OverdueItem> overdue = plans.overdue("ZK10", LocalDate.of(2024, 4, 1));
        assertThat(overdue)
                .extracting(OverdueItem::label, OverdueItem::text, OverdueItem::due)
                .containsExactly(
                        tuple("Actie 1", "Casustafel voor jongvolwassenen inrichten", LocalDate.of(2024, 3, 31)));

        // a done action is not overdue, an open milestone is; the joint plan of ZK01 and ZK28 counts for both regions
        long id =
                api.create("zorgkantoor.amstelland", api.completePlan(api.programme(PROGRAMME), "Achterstand", "ZK01"));
        JsonNode plan = api.read(api.as("zorgkantoor.amstelland").getJson("/api/v1/plans/" + id));
        assertThat(plan.get("actions").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(plan.get("milestones").get(0).get("overdue").asBoolean()).isTrue();
        long action = plan.get("actions").get(0).get("id").asLong();
        api.post(
                "zorgkantoor.amstelland",
                "/api/v1/plans/" + id + "/actions/" + action + "/progress",
                "{\"status\":\"DONE\"}");
        List<OverdueItem> mine = plans.overdue("ZK01", LocalDate.of(2024, 4, 1)).stream()
                .filter(o -> o.planId() == id)
                .toList();
        assertThat(mine).extracting(OverdueItem::label).containsExactly("Actie 2", "Actie 3", "Mijlpaal 1");
        assertThat(plans.overdue("ZK28", LocalDate.of(2024, 4, 1)))
                .extracting(OverdueItem::planTitle)
                .isNotEmpty()
                .allMatch(title -> title.contains("Zuid-Holland Noord"));
    }
}
