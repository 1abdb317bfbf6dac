package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/**
 * Fifty clients save the same version of one plan at the same moment, on a machine kept busy: over
 * HTTP Basic, over API keys and over sessions. Exactly one wins; every other one hears at once that
 * someone else changed the plan (412) and none is refused its valid credentials (401) or fails (500).
 */
class PlanCapacityTest extends IntegrationTest {

    private static final int CLIENTS = 50;
    private static final String USER = "gemeente.amstelland";
    private static final String PASSWORD = "demo-wachtwoord";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void fiftyConcurrentSavesOverBasicKeysAndSessionsGiveOneWinnerAndNoRefusedLogin() throws Exception {
        // the pool as application.properties sizes it against the
        // 40 request threads (the embedded database binds it too)
        assertThat(dataSource.getMaximumPoolSize()).isEqualTo(20);
        assertThat(dataSource.getConnectionTimeout()).isEqualTo(5000);
        WebSession basic = WebSession.basic(port, USER, PASSWORD);
        long programme = json.readTree(basic.getJson("/api/v1/programmes").body())
                .get(0)
                .get("id")
                .asLong();
        ObjectNode plan = json.createObjectNode().put("programmeId", programme).put("title", "Drukte");
        plan.putArray("regions").add("ZK01");
        Response created = basic.sendJson("POST", "/api/v1/plans", plan.toString(), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();

        String key = json.readTree(basic.sendJson("POST", "/api/v1/account/api-keys", "{\"name\":\"drukte\"}", Map.of())
                        .body())
                .get("token")
                .asText();
        List<WebSession> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        Callable<WebSession> login = () -> WebSession.loggedIn(port, USER, PASSWORD);
        for (Future<WebSession> s : pool.invokeAll(Collections.nCopies(CLIENTS, login))) {
            sessions.add(s.get());
        }
        List<String> tokens = new ArrayList<>();
        for (WebSession s : sessions) {
            tokens.add(s.csrf());
        }

        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread burner = new Thread(() -> {
                long x = 0;
                while (busy.get()) {
                    x += System.nanoTime() % 7;
                }
                assertThat(x).isNotNegative();
            });
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
        try {
            round(pool, id, "Basic", c -> WebSession.basic(port, USER, PASSWORD), c -> Map.of());
            round(pool, id, "API-sleutel", c -> WebSession.bearer(port, key), c -> Map.of());
            round(pool, id, "sessie", sessions::get, c -> Map.of("X-CSRF-TOKEN", tokens.get(c)));
        } finally {
            busy.set(false);
            pool.shutdownNow();
        }
        for (Thread burner : burners) {
            burner.join();
        }
    }

    private void round(
            ExecutorService pool,
            long id,
            String how,
            IntFunction<WebSession> client,
            IntFunction<Map<String, String>> extra)
            throws Exception {
        Response current = WebSession.basic(port, USER, PASSWORD).getJson("/api/v1/plans/" + id);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        ObjectNode body = (ObjectNode) json.readTree(current.body());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            WebSession mine = client.apply(c);
            Map<String, String> headers = new HashMap<>(extra.apply(c));
            headers.put("If-Match", etag);
            String text = body.deepCopy()
                    .put("title", "Drukte via " + how + ", schrijver " + c)
                    .toString();
            answers.add(pool.submit(() -> {
                start.await();
                return mine.sendJson("PUT", "/api/v1/plans/" + id, text, headers);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Response> answer : answers) {
            Response r = answer.get();
            statuses.merge(r.status(), 1, Integer::sum);
            assertThat(r.body()).as(how).doesNotContain("Exception").doesNotContain("technische fout");
        }
        System.out.printf("%s: %s in %d ms%n", how, statuses, (System.nanoTime() - began) / 1_000_000);
        assertThat(statuses.get(200)).as(how + " " + statuses).isEqualTo(1);
        assertThat(statuses.keySet()).as(how + " " + statuses).isSubsetOf(200, 409, 412);
    }
}
