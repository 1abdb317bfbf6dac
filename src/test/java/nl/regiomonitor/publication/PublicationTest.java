package nl.regiomonitor.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.common.Dutch;

/** The publication on the demo data: numbered, named on every figure page and answer, switched in one step, refused when it leaks. */
class PublicationTest extends IntegrationTest {

    private static final String INFLUX = "/api/v1/figures/influx?region=ZK10&from=2024-01&to=2024-06";

    @LocalServerPort
    int port;

    @Autowired
    PublicationService publications;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void restore() {
        TestTable.reset();
        publications.rebuild("test: terug naar de demogegevens");
    }

    private long current() {
        return publications.awaitCurrent().orElseThrow().version();
    }

    @Test
    void everyFigurePageSaysHowFarTheFiguresGoAndWhichPublicationTheyAre() {
        Publication now = publications.awaitCurrent().orElseThrow();
        String month = now.dataThrough().format(DateTimeFormatter.ofPattern("MMMM yyyy", Dutch.LOCALE));
        String line = "cijfers t/m " + month + ", publicatie " + now.version() + " van ";
        WebSession visitor = WebSession.anonymous(port);
        for (String page : new String[] {"/", "/instroom", "/instroom?region=ZK10", "/regions/ZK10"}) {
            assertThat(visitor.get(page).body()).as(page).contains(line);
        }
        assertThat(line).doesNotContainPattern("[A-Z][a-z]+ 20"); // a Dutch month, lower case
    }

    @Test
    void aFigureAnswerNamesItsVersionAndOtherVersionsAreReadByNumber() throws Exception {
        long version = current();
        WebSession visitor = WebSession.anonymous(port);
        WebSession.Response answer = visitor.getJson(INFLUX);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().firstValue(PublicationFilter.HEADER)).hasValue(Long.toString(version));
        assertThat(visitor.getJson(INFLUX + "&versie=" + version).status()).isEqualTo(200);

        WebSession.Response unknown = visitor.getJson(INFLUX + "&versie=999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("message").asText())
                .isEqualTo("Er is geen gepubliceerde versie 999999. De versies staan onder /api/v1/publicaties.");
        assertThat(visitor.getJson("/api/v1/publicaties/999999").status()).isEqualTo(404);

        JsonNode all = json.readTree(visitor.getJson("/api/v1/publicaties").body());
        assertThat(all.get("current").asLong()).isEqualTo(version);
        JsonNode one =
                json.readTree(visitor.getJson("/api/v1/publicaties/" + version).body());
        assertThat(one.get("publication").get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(one.get("tables").toString()).contains("instroom 2024", "stand 2024-10-01");

        // the stored table holds what the figures show: the same
        // cell as the influx answer, a hidden one only as its mark
        JsonNode month =
                json.readTree(visitor.getJson(INFLUX).body()).get("rows").get(2);
        JsonNode stored = json.readTree(visitor.getJson("/api/v1/publicaties/" + version + "/tabellen/instroom%202024")
                .body());
        JsonNode cell = stored.get("cells").get(month.get("month").asText() + "|ZK10|TOTAAL");
        assertThat(cell.asText())
                .isEqualTo(
                        month.get("total").path("suppressed").asBoolean()
                                ? month.get("total").get("display").asText()
                                : month.get("total").get("value").asText());
        assertThat(stored.get("cells").toString()).doesNotContain("null");
    }

    @Test
    void readersSeeTheOldVersionUntilTheNewOneIsComplete() throws Exception {
        long before = current();
        TestTable.active = true;
        TestTable.gate = new CountDownLatch(1);
        TestTable.entered = new CountDownLatch(1);
        publications.request("test: een tabel erbij");
        assertThat(TestTable.entered.await(2, TimeUnit.MINUTES)).isTrue();
        // the build is halfway: pages and answers still name and show the old version
        WebSession visitor = WebSession.anonymous(port);
        WebSession.Response during = visitor.getJson(INFLUX);
        assertThat(during.status()).isEqualTo(200);
        assertThat(during.headers().firstValue(PublicationFilter.HEADER)).hasValue(Long.toString(before));
        assertThat(visitor.get("/instroom").body()).contains("publicatie " + before + " van");
        assertThat(json.readTree(visitor.getJson("/api/v1/publicaties").body())
                        .get("current")
                        .asLong())
                .isEqualTo(before);

        TestTable.gate.countDown();
        long after = current();
        assertThat(after).isGreaterThan(before);
        assertThat(visitor.getJson(INFLUX).headers().firstValue(PublicationFilter.HEADER))
                .hasValue(Long.toString(after));
        assertThat(json.readTree(visitor.getJson("/api/v1/publicaties/" + after + "/tabellen/" + TestTable.NAME)
                                .body())
                        .get("cells")
                        .get("NL|A")
                        .asText())
                .isEqualTo("<5");
        // the old version stays readable by number
        assertThat(visitor.getJson("/api/v1/publicaties/" + before + "/tabellen/instroom%202024")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aBuildThatFailsItsAuditIsNotPublishedAndSaysWhy() throws Exception {
        long before = current();
        TestTable.active = true;
        TestTable.leak = true;
        Publication refused = publications.rebuild("test: een lek");
        assertThat(refused.status()).isEqualTo(Publication.Status.REJECTED);
        assertThat(refused.problem()).contains("1 verborgen cellen terug te rekenen", TestTable.NAME);
        assertThat(current()).isEqualTo(before);

        WebSession visitor = WebSession.anonymous(port);
        assertThat(visitor.getJson(INFLUX).headers().firstValue(PublicationFilter.HEADER))
                .hasValue(Long.toString(before));
        JsonNode listed = json.readTree(visitor.getJson("/api/v1/publicaties").body())
                .get("versions")
                .get(0);
        assertThat(listed.get("status").asText()).isEqualTo("REJECTED");
        assertThat(visitor.getJson("/api/v1/publicaties/" + refused.version() + "/tabellen/" + TestTable.NAME)
                        .status())
                .isEqualTo(404);
        String imports = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord")
                .get("/imports")
                .body();
        assertThat(imports)
                .contains(
                        "De nieuwste cijfers (versie " + refused.version()
                                + ", na test: een lek) zijn niet gepubliceerd",
                        "De pagina&#39;s tonen publicatie " + before + ".");
    }
}
