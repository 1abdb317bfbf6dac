package nl.regiomonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import nl.regiomonitor.cli.Regiomonitor;

class RegionsAndStartPageTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void regionsApiListsThe31RegionsWithTheirPopulation() {
        List<Map<String, Object>> regions = http.exchange(
                        "/api/v1/regions",
                        HttpMethod.GET,
                        null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .getBody();
        assertThat(regions).hasSize(31);
        assertThat(regions).anySatisfy(r -> {
            assertThat(r).containsEntry("code", "ZK10").containsEntry("name", "Haaglanden");
            assertThat(((Number) r.get("inhabitants")).longValue()).isGreaterThan(700_000);
            assertThat(((Number) r.get("inhabitants18plus")).longValue())
                    .isLessThan(((Number) r.get("inhabitants")).longValue())
                    .isGreaterThan(500_000);
        });
        assertThat(regions)
                .extracting(r -> r.get("code"))
                .contains("ZK01", "ZK28", "ZK33")
                .doesNotContain("ZK05", "ZK15");
    }

    @LocalServerPort
    int port;

    @Test
    void startPageShowsEveryRegionAndTheUnpublishedClientCountsOnlyToNationalUsers() {
        String page = WebSession.anonymous(port).get("/").body();
        assertThat(page)
                .contains("<html lang=\"nl\"")
                .contains("Zuid-Holland Noord")
                .contains("Amstelland en De Meerlanden");
        assertThat(page.split("<tr>").length - 1).isGreaterThanOrEqualTo(31);
        assertThat(page).doesNotContain("Cliënten").doesNotContain("Zorgtoewijzingen");

        String forAdmin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord")
                .get("/")
                .body();
        assertThat(forAdmin).contains("Cliënten").contains("Zorgtoewijzingen");
        String forCareOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord")
                .get("/")
                .body();
        assertThat(forCareOffice).doesNotContain("Zorgtoewijzingen").contains("Beheer Haaglanden");
    }

    @Test
    void openApiDescribesTheEndpointsInDutch() {
        String docs = http.getForObject("/v3/api-docs", String.class);
        assertThat(docs)
                .contains("/api/v1/regions")
                .contains("/api/v1/imports")
                .contains("/api/v1/imports/{id}")
                .contains("Alle zorgkantoorregio's");
    }

    @Test
    void helpListsTheThreeCommands() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true));
        try {
            assertThat(Regiomonitor.run("--help")).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString()).contains("serve").contains("generate").contains("import");
    }
}
