package nl.regiomonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.WebSession.Response;
import nl.regiomonitor.ingest.CsvHeaders;
import nl.regiomonitor.ingest.ImportError;
import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.plan.PlanApi;

/**
 * Two instances on one database, as behind a load balancer that sends each request anywhere: the test application
 * (A) and the jar's {@code serve} (B) in a JVM of its own on A's database (no database of its own: demo data cost a
 * first publication). A user logs in on one and goes on on the other, an upload on one is seen on the other, and two
 * saves of one plan on both leave one winner. Last, B is killed with SIGKILL while it imports, and A finishes the job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest extends IntegrationTest {

    private static final String USER = "zorgkantoor.amstelland";
    /** Rows of the file B is killed importing; A reads them all again. */
    private static final int BIG = 20_000;

    private static final List<String> TABLES =
            List.of("indication", "care_allocation", "waitlist_entry", "cost_line", "population");

    @LocalServerPort
    int portA;

    @Autowired
    HikariDataSource database;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ImportService imports;

    @TempDir
    static Path folder; // static: filled before @BeforeAll

    /** Instance B: the jar's {@code serve} in a JVM of its own, so that the last test can kill it for real. */
    private Process instanceB;

    private int portB;

    @BeforeAll
    void startInstanceB() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            portB = free.getLocalPort();
        }
        instanceB = ChildCommand.command(
                        database,
                        "serve",
                        "--server.port=" + portB,
                        "--spring.main.banner-mode=off",
                        // its claims run out soon after it dies, so A need not wait the default 30 s
                        "--regiomonitor.import.lease=2s")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("instance-b.log").toFile())
                .start();
        Await.until(this::readyB, Duration.ofMinutes(3));
    }

    @AfterAll
    void stopInstanceB() {
        if (instanceB != null) {
            instanceB.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void loggedInOnOneTheUserGoesOnOnTheOtherWithTheSameCookieAndToken() {
        assertThat(WebSession.anonymous(portB).get("/imports?region=ZK01").location())
                .as("the page needs a login on B")
                .contains("/login");
        WebSession onA = WebSession.loggedIn(portA, USER, PlanApi.PASSWORD);
        WebSession onB = onA.at(portB);

        Response page = onB.get("/imports?region=ZK01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Zorgkantoor Amstelland");

        // a token of the session given out by A is good on B; one that is not the session's is refused there
        String token = onA.csrf();
        Response foreignToken = onB.postFormWithoutToken("/logout", Map.of("_csrf", "ongeldig"));
        assertThat(foreignToken.status()).isEqualTo(403);
        assertThat(onA.get("/imports?region=ZK01").status())
                .as("still logged in on A")
                .isEqualTo(200);
        Response logout = onB.postFormWithoutToken("/logout", Map.of("_csrf", token));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(onA.get("/imports?region=ZK01").location())
                .as("logged out on B is logged out on A")
                .contains("/login");
    }

    @Test
    @Order(2)
    void anUploadOnOneIsSeenOnTheOther() throws Exception {
        WebSession onB = WebSession.loggedIn(portB, "beheerder", PlanApi.PASSWORD);
        WebSession onA = onB.at(portA);
        String name = "twee-instanties-" + System.nanoTime() + ".csv";
        // refused on its second row: a result to see on A, without a new publication to build on both
        Response upload = onB.postFile(
                "/api/v1/imports",
                Map.of("type", "waitlist"),
                name,
                CsvHeaders.WAITLIST + "2024-01-31;TESTTWEEINST1;ZK01;GGZ03W;ACTIEF\n"
                        + "2024-01-31;TESTTWEEINST2;ZK01;GGZ03W;NIETBESTAAND\n");
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        long id = json.readTree(upload.body()).get("id").asLong();

        Await.until(() -> !status(onA, id).equals("RUNNING"), Duration.ofSeconds(60));
        JsonNode seenOnA = json.readTree(onA.getJson("/api/v1/imports/" + id).body());
        assertThat(seenOnA.get("status").asText()).isEqualTo("REJECTED");
        assertThat(seenOnA.get("source").asText()).isEqualTo(name);
        assertThat(seenOnA.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(seenOnA.get("errors").get(0).get("value").asText()).isEqualTo("NIETBESTAAND");
        Response pageOnA = onA.get("/imports/" + id);
        assertThat(pageOnA.status()).isEqualTo(200);
        assertThat(pageOnA.body()).contains(name).contains("Geweigerd").contains("NIETBESTAAND");
    }

    private String status(WebSession session, long id) {
        Response answer = session.getJson("/api/v1/imports/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        try {
            return json.readTree(answer.body()).get("status").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(3)
    void twoSavesOfOnePlanOnBothInstancesLeaveOneWinner() throws Exception {
        PlanApi api = new PlanApi(portA, json, jdbc);
        long id = api.create(USER, api.completePlan(api.programme(PlanApi.PROGRAMME), "Twee instanties", "ZK01"));
        WebSession onA = WebSession.loggedIn(portA, USER, PlanApi.PASSWORD);
        WebSession onB = onA.at(portB);
        Response gotA = onA.getJson("/api/v1/plans/" + id);
        Response gotB = onB.getJson("/api/v1/plans/" + id);
        String etag = gotA.headers().firstValue("ETag").orElseThrow();
        assertThat(gotB.headers().firstValue("ETag")).hasValue(etag);
        ObjectNode fromA = ((ObjectNode) api.read(gotA)).put("title", "Opgeslagen op A");
        ObjectNode fromB = ((ObjectNode) api.read(gotB)).put("title", "Opgeslagen op B");
        Map<String, String> headers = Map.of("If-Match", etag, "X-CSRF-TOKEN", onA.csrf());

        CompletableFuture<Response> saveA = CompletableFuture.supplyAsync(
                () -> onA.sendJson("PUT", "/api/v1/plans/" + id, fromA.toString(), headers));
        CompletableFuture<Response> saveB = CompletableFuture.supplyAsync(
                () -> onB.sendJson("PUT", "/api/v1/plans/" + id, fromB.toString(), headers));
        Response a = saveA.get(1, TimeUnit.MINUTES);
        Response b = saveB.get(1, TimeUnit.MINUTES);

        assertThat(List.of(a.status(), b.status())).containsExactlyInAnyOrder(200, 412);
        String winner = a.status() == 200 ? "Opgeslagen op A" : "Opgeslagen op B";
        Response loser = a.status() == 200 ? b : a;
        assertThat(loser.body()).contains("Er is niets opgeslagen");
        for (WebSession instance : List.of(onA, onB)) {
            Response stored = instance.getJson("/api/v1/plans/" + id);
            assertThat(api.read(stored).get("title").asText()).isEqualTo(winner);
            assertThat(stored.headers().firstValue("ETag")).hasValue("\"1\"");
        }
    }

    @Test
    @Order(4)
    void anInstanceKilledDuringAnImportLeavesItToTheOther() throws Exception {
        Path big = bigFileRefusedOnItsLastLine();
        List<Long> before = counts();
        long id;
        String claimedByB;
        // The test holds back B's COPY with a table lock, so B is killed inside its import transaction
        // however fast it reads (a race on its progress failed once B had become fast enough).
        try (Connection blocker = database.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table indication in share mode");
            }
            Response upload = WebSession.basic(portB, "beheerder", PlanApi.PASSWORD)
                    .postFile(
                            "/api/v1/imports",
                            Map.of("type", "indications"),
                            big.getFileName().toString(),
                            Files.readString(big));
            assertThat(upload.status()).as(upload.body()).isEqualTo(202);
            id = json.readTree(upload.body()).get("id").asLong();
            claimedByB = jdbc.queryForObject("select claimed_by from import_job where id = ?", String.class, id);

            Await.importWaitsForIndicationLock(jdbc, Duration.ofMinutes(1));
            // A shows that B is at it, from the row B's heartbeat keeps renewing (its lease is 2 s)
            Thread.sleep(3_000);
            assertThat(imports.find(id).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
            assertThat(jdbc.queryForObject(
                            "select claimed_by from import_job where id = ? and lease_until > now()", String.class, id))
                    .isEqualTo(claimedByB);
            instanceB.destroyForcibly(); // SIGKILL, mid-import
            assertThat(instanceB.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(instanceB.exitValue()).isEqualTo(137);
            blocker.rollback();
        }

        Await.until(
                () -> !claimedByB.equals(jdbc.queryForObject(
                        "select coalesce(max(claimed_by), 'klaar') from import_job where id = ?", String.class, id)),
                Duration.ofSeconds(30));
        Await.until(() -> imports.find(id).orElseThrow().status().finished(), Duration.ofMinutes(2));
        ImportResult finished = imports.find(id).orElseThrow();
        // A read the whole upload again and refused it on its last line, as one instance alone would have
        assertThat(finished.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(finished.rowCount()).isEqualTo(BIG);
        assertThat(finished.message()).contains("Er is niets veranderd");
        assertThat(finished.errors()).extracting(ImportError::line).containsOnly(BIG + 1);
        assertThat(counts()).as("nothing of either attempt is kept").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from import_job where id = ?", Long.class, id))
                .isZero();
    }

    /** An indications file of {@link #BIG} rows whose last row is wrong in every field. */
    private static Path bigFileRefusedOnItsLastLine() throws IOException {
        Path big = folder.resolve("gedood-" + System.nanoTime() + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write(CsvHeaders.INDICATIONS);
            for (int i = 1; i < BIG; i++) {
                out.write("TESTGEDOOD%07d;2024-03-01;2024-03-15;;ZK10;GGZ03W;GEEN;1980\n".formatted(i));
            }
            out.write("fout;fout;fout;fout;fout;fout;fout;fout\n");
        }
        return big;
    }

    private List<Long> counts() {
        return TABLES.stream()
                .map(t -> jdbc.queryForObject("select count(*) from " + t, Long.class))
                .toList();
    }

    private boolean readyB() {
        assertThat(instanceB.isAlive())
                .as("instance B runs (see instance-b.log)")
                .isTrue();
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + portB + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
