package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** The plan API as the tests of plans call it: as a demo user, with complete plans and the changes in the trail. */
public final class PlanApi {

    public static final String PASSWORD = "demo-wachtwoord";
    public static final String PROGRAMME = "Regioaanpak instroom Wlz-ggz-W";

    private final int port;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    public PlanApi(int port, ObjectMapper json, JdbcTemplate jdbc) {
        this.port = port;
        this.json = json;
        this.jdbc = jdbc;
    }

    WebSession as(String user) {
        return WebSession.basic(port, user, PASSWORD);
    }

    public JsonNode read(Response answer) throws Exception {
        return json.readTree(answer.body());
    }

    public long programme(String name) throws Exception {
        for (JsonNode p : read(as("landelijk").getJson("/api/v1/programmes"))) {
            if (p.get("name").asText().equals(name)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("Geen programma " + name);
    }

    /** A plan with every required part, as a region would send it. */
    public ObjectNode completePlan(long programme, String title, String... regions) {
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
        plan.putArray("objectives")
                .addObject()
                .put("description", "De maandelijkse instroom daalt")
                .put("figure", "INFLUX_GGZ_W")
                .put("direction", "DOWN")
                .put("targetDate", "2024-12-31");
        ArrayNode actions = plan.putArray("actions");
        for (int i = 1; i <= 3; i++) {
            actions.addObject()
                    .put("paragraph", "5b. Toegang/bemiddeling/coördinatie")
                    .put("description", "Actie " + i)
                    .put("owner", "Zorgkantoor")
                    .put("ownerRole", "coördinator zorgkantoren")
                    .put("timeline", "Eind Q1 2024");
        }
        plan.putArray("milestones")
                .addObject()
                .put("activity", "Factsheet")
                .put("milestone", "Vastgesteld")
                .put("dueDate", "2024-03-31");
        return plan;
    }

    public long create(String user, ObjectNode plan) throws Exception {
        Response created = as(user).sendJson("POST", "/api/v1/plans", plan.toString(), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        return read(created).get("id").asLong();
    }

    Response put(String user, long id, JsonNode plan, String etag) {
        return as(user).sendJson("PUT", "/api/v1/plans/" + id, plan.toString(), Map.of("If-Match", etag));
    }

    Response post(String user, String path, String body) {
        return as(user).sendJson("POST", path, body, Map.of());
    }

    long changesOf(long id) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where subject = 'plan van aanpak' and subject_id = ? and action = 'CHANGE'",
                Long.class,
                String.valueOf(id));
    }
}
