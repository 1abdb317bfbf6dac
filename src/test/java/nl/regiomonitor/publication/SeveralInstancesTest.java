package nl.regiomonitor.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.Await;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.RegiomonitorApplication;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.ingest.CsvHeaders;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;

/**
 * Two instances of the application on one database, as behind a load balancer: two more Spring
 * contexts in this JVM, started together on an empty database of their own on the test application's
 * PostgreSQL. They make the demo data once and build one publication at a time; an import on one is
 * published once and shown by both; one that stops (a deploy) hands its running import to the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTest extends IntegrationTest {

    private static final String DATABASE = "several_instances";
    private static final String NL_MARCH = "/api/v1/figures/influx?region=NL&from=2024-03&to=2024-03";

    @Autowired
    HikariDataSource testDatabase;

    @Autowired
    ObjectMapper json;

    @TempDir
    Path folder;

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private JdbcTemplate shared;

    @BeforeAll
    void startTwoInstancesTogether() throws Exception {
        JdbcTemplate server = new JdbcTemplate(testDatabase);
        server.execute("drop database if exists " + DATABASE + " with (force)");
        server.execute("create database " + DATABASE);
        String url = testDatabase.getJdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE);
        // the instances must leave the logging of the test application as it is
        String logging = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(() -> start(url));
            CompletableFuture<ConfigurableApplicationContext> two = CompletableFuture.supplyAsync(() -> start(url));
            first = one.get(5, TimeUnit.MINUTES);
            second = two.get(5, TimeUnit.MINUTES);
        } finally {
            if (logging == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, logging);
            }
        }
        shared = new JdbcTemplate(second.getBean(DataSource.class)); // the last test stops the first
    }

    private ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(RegiomonitorApplication.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + testDatabase.getUsername(),
                        "--spring.datasource.password="
                                + (testDatabase.getPassword() == null ? "" : testDatabase.getPassword()),
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--REGIOMONITOR_DEMO=true",
                        "--regiomonitor.publication.poll-interval=200ms");
    }

    @AfterAll
    void stopThem() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        new JdbcTemplate(testDatabase).execute("drop database if exists " + DATABASE + " with (force)");
    }

    @Test
    @Order(1)
    void startingTogetherOnAnEmptyDatabaseTheyMakeTheDemoDataOnceAndPublishOnce() {
        List<Map<String, Object>> runs = shared.queryForList("select source_name, status from import_run");
        assertThat(runs).isNotEmpty();
        assertThat(runs.stream().map(r -> r.get("source_name")).distinct().count())
                .as("each demo file imported once")
                .isEqualTo(runs.size());
        assertThat(runs).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("LOADED"));
        assertThat(shared.queryForObject("select count(*) from app_user where username = 'beheerder'", Long.class))
                .isEqualTo(1);

        // one built it, the other waited and found the same figures stored
        assertThat(shared.queryForList("select status from publication", String.class))
                .containsExactly("PUBLISHED");
        long version = shared.queryForObject("select version from publication", Long.class);
        assertThat(publications(first).current().orElseThrow().version()).isEqualTo(version);
        assertThat(publications(second).current().orElseThrow().version()).isEqualTo(version);
    }

    @Test
    @Order(2)
    void anImportOnOneIsPublishedOnceAndShownByBoth() throws Exception {
        long before = publications(second).current().orElseThrow().version();
        long marchBefore = nlMarch(second).get("value").asLong();
        StringBuilder indications = new StringBuilder(CsvHeaders.INDICATIONS);
        for (int i = 1; i <= 10; i++) {
            indications.append("MULTIINST%03d;2024-03-01;2024-03-15;;ZK10;GGZ03W;GEEN;1980\n".formatted(i));
        }
        Path file = Files.writeString(folder.resolve("meer-instroom.csv"), indications, StandardCharsets.UTF_8);

        assertThat(first.getBean(ImportService.class)
                        .importFile(file, "meer-instroom.csv", "indications")
                        .status())
                .isEqualTo(ImportStatus.LOADED);
        long after = publications(first).awaitCurrent().orElseThrow().version();
        assertThat(after).isGreaterThan(before);

        Await.until(() -> publications(second).current().orElseThrow().version() == after, Duration.ofSeconds(60));
        WebSession.Response answer = WebSession.anonymous(port(second)).getJson(NL_MARCH);
        assertThat(answer.headers().firstValue(PublicationFilter.HEADER)).hasValue(Long.toString(after));
        assertThat(nlMarch(second).get("value").asLong()).isEqualTo(marchBefore + 10);
        assertThat(WebSession.anonymous(port(second)).get("/instroom").body()).contains("publicatie " + after + " van");
        assertThat(shared.queryForObject("select count(*) from publication where version > ?", Long.class, before))
                .as("one instance built it, the other showed the stored version")
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void anInstanceWaitsWhileAnotherBuilds() throws Exception {
        long publicationsBefore = shared.queryForObject("select count(*) from publication", Long.class);
        long current = publications(second).current().orElseThrow().version();
        CompletableFuture<Publication> rebuilt;
        try (Connection other = first.getBean(DataSource.class).getConnection();
                Statement lock = other.createStatement()) {
            // as another instance building holds it
            lock.execute("select pg_advisory_lock(hashtext('regiomonitor-publication'))");
            rebuilt = CompletableFuture.supplyAsync(() -> publications(second).rebuild("test: een tweede bouw"));
            assertThatThrownBy(() -> rebuilt.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            lock.execute("select pg_advisory_unlock(hashtext('regiomonitor-publication'))");
        }
        assertThat(rebuilt.get(2, TimeUnit.MINUTES).version()).isEqualTo(current);
        assertThat(shared.queryForObject("select count(*) from publication", Long.class))
                .as("the same data: the stored version again, none stored beside it")
                .isEqualTo(publicationsBefore);
    }

    /**
     * A deploy: the first instance stops while its import waits for a lock the test holds (so it is surely running).
     * It stops at once and gives the job back; the other imports it, whole, and nothing records it as failed.
     */
    @Test
    @Order(4)
    void anInstanceThatStopsHandsItsRunningImportToTheOther() throws Exception {
        StringBuilder indications = new StringBuilder(CsvHeaders.INDICATIONS);
        for (int i = 1; i <= 50; i++) {
            indications.append("OVERDRACHT%03d;2024-04-01;2024-04-15;;ZK10;GGZ03W;GEEN;1980\n".formatted(i));
        }
        Path file = Files.writeString(folder.resolve("overdracht.csv"), indications, StandardCharsets.UTF_8);
        long id;
        try (Connection blocker = second.getBean(DataSource.class).getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table indication in share mode");
            }
            id = first.getBean(ImportService.class).submit(file, "overdracht.csv", "indications", null);
            Await.importWaitsForIndicationLock(shared, Duration.ofSeconds(60));
            String claimer = shared.queryForObject("select claimed_by from import_job where id = ?", String.class, id);

            long started = System.nanoTime();
            first.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the stop waits for no import")
                    .isLessThan(Duration.ofSeconds(10));
            Map<String, Object> job =
                    shared.queryForMap("select claimed_by, attempts from import_job where id = ?", id);
            assertThat(job.get("claimed_by"))
                    .as("given back, not kept by %s", claimer)
                    .isNull();
            assertThat(job.get("attempts")).as("a stop is no failed attempt").isEqualTo(0);
            assertThat(second.getBean(ImportService.class)
                            .find(id)
                            .orElseThrow()
                            .status())
                    .isEqualTo(ImportStatus.RUNNING);
            blocker.rollback();
        }
        ImportService imports = second.getBean(ImportService.class);
        Await.until(() -> imports.find(id).orElseThrow().status().finished(), Duration.ofSeconds(60));
        assertThat(imports.find(id).orElseThrow().status()).isEqualTo(ImportStatus.LOADED);
        assertThat(shared.queryForObject(
                        "select count(*) from indication where client_id like 'OVERDRACHT%'", Long.class))
                .isEqualTo(50);
        assertThat(shared.queryForList(
                        "select summary from audit_event where subject = 'import' and subject_id = ?",
                        String.class,
                        Long.toString(id)))
                .as("one outcome, the import's")
                .containsExactly("Import " + id + " (indications, overdracht.csv): " + ImportStatus.LOADED.dutch());
    }

    private static PublicationService publications(ConfigurableApplicationContext instance) {
        return instance.getBean(PublicationService.class);
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private JsonNode nlMarch(ConfigurableApplicationContext instance) throws Exception {
        WebSession.Response answer = WebSession.anonymous(port(instance)).getJson(NL_MARCH);
        assertThat(answer.status()).isEqualTo(200);
        return json.readTree(answer.body()).get("rows").get(0).get("total");
    }
}
