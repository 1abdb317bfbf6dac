package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import nl.regiomonitor.security.Grant;
import nl.regiomonitor.security.Role;
import nl.regiomonitor.security.UserService;

/**
 * Client representatives' comments on a plan and the organisations behind a plan's actions, on the demo
 * plan of Haaglanden (ZK10): who may comment and read comments, what a refused comment looks like, that a
 * comment changes nothing of the plan, and that a provider reports progress on its own actions only.
 */
class PlanCommentTest extends IntegrationTest {

    private static final String PASSWORD = "demo-wachtwoord";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserService users;

    private WebSession as(String user) {
        return WebSession.basic(port, user, PASSWORD);
    }

    private long haaglanden() {
        return jdbc.queryForObject("""
                select p.id from action_plan p join plan_region r on r.plan_id = p.id
                where r.region_code = 'ZK10' and p.title = 'Plan van aanpak instroom Wlz-ggz-W Haaglanden'""", Long.class);
    }

    private long action(long plan, String description) {
        return jdbc.queryForObject(
                "select id from plan_action where plan_id = ? and description = ?", Long.class, plan, description);
    }

    private int comments(long plan) {
        return jdbc.queryForObject("select count(*) from plan_comment where plan_id = ?", Integer.class, plan);
    }

    @Test
    void aClientRepresentativeCommentsWithoutChangingThePlanAndTheRegionReadsIt() throws Exception {
        long plan = haaglanden();
        String path = "/api/v1/plans/" + plan;
        JsonNode before = json.readTree(as("gemeente.haaglanden").getJson(path).body());

        Response posted = as("client.haaglanden")
                .sendJson(
                        "POST",
                        path + "/comments",
                        "{\"section\":\"TARGET_GROUP\",\"text\":\"  Betrek ervaringsdeskundigen bij de casustafel.  \"}",
                        Map.of());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode comment = json.readTree(posted.body());
        assertThat(comment.get("text").asText()).isEqualTo("Betrek ervaringsdeskundigen bij de casustafel.");
        assertThat(comment.get("organisation").asText()).isEqualTo("Cliëntenraad Haaglanden (demo)");
        assertThat(comment.get("sectionTitle").asText()).isEqualTo("Doelgroep");
        assertThat(comment.get("planVersion").asInt())
                .isEqualTo(before.get("versionNumber").asInt());

        // no new version, no new lock version: an editor who opened the plan before the comment saves without conflict
        JsonNode after = json.readTree(as("gemeente.haaglanden").getJson(path).body());
        assertThat(after.get("lockVersion").asInt())
                .isEqualTo(before.get("lockVersion").asInt());
        assertThat(after.get("versionNumber").asInt())
                .isEqualTo(before.get("versionNumber").asInt());
        Response saved = as("gemeente.haaglanden")
                .sendJson(
                        "PUT",
                        path,
                        before.toString(),
                        Map.of("If-Match", "\"" + before.get("lockVersion").asInt() + "\""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        // the region's roles and the national ones read it; another region does not
        for (String reader : List.of("zorgkantoor.haaglanden", "aanbieder.haaglanden", "landelijk", "beheerder")) {
            Response read = as(reader).getJson(path + "/comments");
            assertThat(read.status()).as(reader).isEqualTo(200);
            assertThat(read.body()).as(reader).contains("Betrek ervaringsdeskundigen bij de casustafel.");
        }
        assertThat(as("zorgkantoor.amstelland").getJson(path + "/comments").status())
                .isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "zorgkantoor.haaglanden", PASSWORD)
                        .get("/plannen/" + plan)
                        .body())
                .contains("Betrek ervaringsdeskundigen bij de casustafel.")
                .contains("Cliëntenraad Haaglanden (demo)")
                .containsPattern("\\d+ reacties? van cliëntvertegenwoordiging op dit onderdeel");

        // the PDF has them as its annex, as the Word document does (see ClientCommentBrowserTest)
        try (PDDocument pdf = Loader.loadPDF(as("zorgkantoor.haaglanden").getBytes(path + ".pdf"))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Bijlage: reacties van cliëntvertegenwoordiging")
                    .contains("Cliëntenraad Haaglanden (demo)")
                    .contains("Betrek ervaringsdeskundigen bij de casustafel.");
        }

        // in the audit trail: who, on which plan and section, and what
        Map<String, Object> event = jdbc.queryForMap("""
                select actor, action, region_code, summary, after::text as after from audit_event
                where subject = 'reactie op plan van aanpak' and subject_id = ? order by id desc limit 1""", String.valueOf(plan));
        assertThat(event.get("actor")).isEqualTo("client.haaglanden");
        assertThat(event.get("action")).isEqualTo("CREATE");
        assertThat(event.get("region_code")).isEqualTo("ZK10");
        assertThat((String) event.get("summary"))
                .contains("Cliëntenraad Haaglanden (demo)")
                .contains("bij onderdeel Doelgroep");
        assertThat((String) event.get("after")).contains("Betrek ervaringsdeskundigen bij de casustafel.");
    }

    @Test
    void onlyTheClientRepresentationOfThePlansRegionMayCommentAndAnEmptyOrLongCommentIsRefusedAtItsField()
            throws Exception {
        long plan = haaglanden();
        String path = "/api/v1/plans/" + plan + "/comments";
        if (users.find("client.amstelland").isEmpty()) {
            users.create(
                    "client.amstelland",
                    "Cliëntenraad Amstelland",
                    "Cliëntenraad Amstelland",
                    PASSWORD,
                    List.of(new Grant(Role.CLIENTVERTEGENWOORDIGING, "ZK01")));
        }
        int before = comments(plan);
        for (String other :
                List.of("client.amstelland", "zorgkantoor.haaglanden", "aanbieder.haaglanden", "landelijk")) {
            Response refused = as(other).sendJson("POST", path, "{\"text\":\"Mag niet\"}", Map.of());
            assertThat(refused.status()).as(other).isEqualTo(403);
        }
        Response empty = as("client.haaglanden").sendJson("POST", path, "{\"text\":\"   \"}", Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(json.readTree(empty.body())
                        .get("problems")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("text");
        Response unknownSection =
                as("client.haaglanden").sendJson("POST", path, "{\"section\":\"NIETS\",\"text\":\"Tekst\"}", Map.of());
        assertThat(unknownSection.status()).isEqualTo(400);
        assertThat(comments(plan)).isEqualTo(before);

        // on the page: the reason beside the field of the section's form, which stays open with the text as typed
        WebSession client = WebSession.loggedIn(port, "client.haaglanden", PASSWORD);
        String tooLong = "Lang verhaal. ".repeat(150);
        Response refused =
                client.postForm("/plannen/" + plan + "/reacties", Map.of("section", "BACKGROUND", "text", tooLong));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"reactie-BACKGROUND-text-error\"")
                .contains("href=\"#reactie-BACKGROUND-text\"")
                .contains("dat mogen er hoogstens 2000 zijn")
                .contains(tooLong.strip())
                .containsPattern(
                        "<details class=\"comment-disclosure\" open=\"open\">\\s*<summary>Reageer op dit onderdeel: "
                                + "Achtergrond en probleemstelling");
        assertThat(comments(plan)).isEqualTo(before);

        Response placed = client.postForm(
                "/plannen/" + plan + "/reacties", Map.of("text", "Wij denken graag mee over het hele plan."));
        assertThat(placed.status()).isEqualTo(302);
        assertThat(placed.location()).contains("/plannen/" + plan + "#reactie-");
        assertThat(comments(plan)).isEqualTo(before + 1);
        assertThat(client.get("/plannen/" + plan).body())
                .contains("Uw reactie is geplaatst.")
                .contains("Wij denken graag mee over het hele plan.")
                .contains("het hele plan");
    }

    @Test
    void aProviderReportsProgressOnItsOwnOrganisationsActionsOnly() {
        long plan = haaglanden();
        long own = action(plan, "Regiobijeenkomst met aanbieders over de instroomcijfers");
        long municipality = action(plan, "Casustafel voor jongvolwassenen inrichten");
        String path = "/api/v1/plans/" + plan + "/actions/";

        Response refused = as("aanbieder.haaglanden")
                .sendJson("POST", path + municipality + "/progress", "{\"status\":\"RUNNING\"}", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body())
                .contains("eigen organisatie (Zorgaanbieder Haaglanden (demo))")
                .contains("Gemeente Den Haag");
        Response allowed = as("aanbieder.haaglanden")
                .sendJson(
                        "POST",
                        path + own + "/progress",
                        "{\"status\":\"RUNNING\",\"note\":\"Eerste bijeenkomst gepland\"}",
                        Map.of());
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        // the care office and the municipalities report on every action
        assertThat(as("zorgkantoor.haaglanden")
                        .sendJson("POST", path + municipality + "/progress", "{\"note\":\"Besproken\"}", Map.of())
                        .status())
                .isEqualTo(200);

        // the page offers the form on the provider's own action only, and a forged post is refused with the reason
        WebSession provider = WebSession.loggedIn(port, "aanbieder.haaglanden", PASSWORD);
        String page = provider.get("/plannen/" + plan).body();
        assertThat(page)
                .contains("/acties/" + own + "/voortgang")
                .doesNotContain("/acties/" + municipality + "/voortgang");
        Response forged = provider.postForm(
                "/plannen/" + plan + "/acties/" + municipality + "/voortgang", Map.of("status", "DONE"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("U kunt alleen voortgang melden op acties van uw eigen organisatie");
        assertThat(jdbc.queryForObject("select status from plan_action where id = ?", String.class, municipality))
                .isNotEqualTo("DONE");
    }

    @Test
    void theEditFormOffersTheRegionsOrganisationsAsOwnerAndKeepsAnOwnerStoredBefore() {
        long plan = jdbc.queryForObject(
                "select plan_id from plan_region where region_code = 'ZK28' order by plan_id limit 1", Long.class);
        String edit = WebSession.loggedIn(port, "zorgkantoor.amstelland", PASSWORD)
                .get("/plannen/" + plan + "/bewerken")
                .body();
        assertThat(edit)
                .contains("<select id=\"actions-0-owner\" name=\"actions[0].owner\"")
                .containsPattern("<option value=\"Gemeente Amstelveen\"[^>]*>Gemeente Amstelveen</option>")
                .containsPattern("<option value=\"Zorgaanbieder Amstelland \\(demo\\)\"[^>]*>")
                .doesNotContain(">Gemeente Den Haag</option>")
                // the seed plan's shared owner is no organisation of the regions, and stays chosen
                .containsPattern("<option value=\"Alle betrokken ggz-partners\" selected>Alle betrokken ggz-partners "
                        + "\\(eerder ingevuld\\)</option>");
        assertThat(users.organisations("ZK10"))
                .contains(
                        "Zorgkantoor Haaglanden",
                        "Gemeente Den Haag",
                        "Zorgaanbieder Haaglanden (demo)",
                        "Cliëntenraad Haaglanden (demo)")
                .doesNotContain("Gemeente Amstelveen", "Ministerie van VWS");
    }
}
