package nl.regiomonitor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/load: a fixed number of concurrent clients, each asking one public page, API answer or the
 * static style sheet after the other for a fixed time, against a running server.
 * <pre>
 *   LoadBenchmark load  BASE SECONDS CLIENTS RESULT-FILE LABEL   (appends one line)
 *   LoadBenchmark first BASE RESULT-FILE LABEL                   (times one Instroommonitor request)
 * </pre>
 */
public final class LoadBenchmark {

    static final String STATIC = "/css/site.css";
    private static final List<String> PAGES = List.of(
            "/",
            "/instroom",
            "/instroom?region=ZK10",
            "/instroom?region=ZK01",
            "/instroom?region=ZK28",
            "/regions/ZK10",
            "/regions/ZK01",
            "/regioperspectief/ZK10/2024");
    private static final List<String> APIS = List.of(
            "/api/v1/trend/influx?region=NL&from=2023-01&to=2024-12",
            "/api/v1/trend/influx?region=ZK10&from=2023-01&to=2024-12",
            "/api/v1/figures/influx?region=ZK10&from=2024-01&to=2024-12&by=profile",
            "/api/v1/figures/influx?region=NL&from=2023-01&to=2024-12",
            "/api/v1/figures/stock?region=ZK10&date=2024-10-01",
            "/api/v1/figures/waitlist?region=ZK10&date=2024-10-01");

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        if (args[0].equals("first")) {
            long start = System.nanoTime();
            HttpResponse<String> answer =
                    client.send(request(args[1] + "/instroom"), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            append(
                    args[2],
                    String.format(
                            Locale.ROOT,
                            "%s first_instroom_after_restart_ms=%.0f status=%d (goal < 1000)%n",
                            args[3],
                            ms,
                            answer.statusCode()));
            return;
        }
        String base = args[1];
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        List<String> targets = new ArrayList<>(PAGES);
        targets.addAll(APIS);
        // a regioperspectief that is not published in this data is left out, not counted as an error
        targets.removeIf(path -> path.startsWith("/regioperspectief") && status(client, base + path) == 404);
        targets.add(STATIC);
        targets.add(STATIC);
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        ConcurrentHashMap<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String path = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                    long start = System.nanoTime();
                    String kind;
                    try {
                        HttpResponse<byte[]> answer =
                                client.send(request(base + path), HttpResponse.BodyHandlers.ofByteArray());
                        kind = answer.statusCode() == 200 ? null : "status " + answer.statusCode() + " " + path;
                    } catch (IOException | InterruptedException e) {
                        kind = e.getClass().getSimpleName() + " " + path;
                    }
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (kind != null) {
                        errors.incrementAndGet();
                        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    } else {
                        latencies.add(path.equals(STATIC) ? "static" : path.startsWith("/api/") ? "api" : "page", ms);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        long requests = latencies.count() + errors.get();
        double pagesP99 = latencies.percentile("page", 99);
        double staticP99 = latencies.percentile("static", 99);
        String line = String.format(
                Locale.ROOT,
                "%s clients=%d seconds=%d requests=%d errors=%d req_per_s=%.1f pages_p50_ms=%.1f pages_p99_ms=%.1f "
                        + "api_p50_ms=%.1f api_p99_ms=%.1f static_p50_ms=%.1f static_p99_ms=%.1f pages_p99_over_static_p99=%.2f (goal 0 errors, <= 5)%n",
                args[5],
                clients,
                seconds,
                requests,
                errors.get(),
                requests / (double) seconds,
                latencies.percentile("page", 50),
                pagesP99,
                latencies.percentile("api", 50),
                latencies.percentile("api", 99),
                latencies.percentile("static", 50),
                staticP99,
                pagesP99 / staticP99);
        System.out.print(line);
        errorKinds.forEach((kind, n) -> System.out.println("  " + n + " x " + kind));
        append(args[4], line);
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/json,*/*")
                .GET()
                .build();
    }

    private static int status(HttpClient client, String url) {
        try {
            return client.send(request(url), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static void append(String file, String line) throws IOException {
        Files.writeString(Path.of(file), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Latencies per kind of request, in milliseconds. */
    private static final class Latencies {
        private final ConcurrentHashMap<String, List<Double>> byKind = new ConcurrentHashMap<>();

        void add(String kind, double ms) {
            byKind.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(ms);
        }

        long count() {
            return byKind.values().stream().mapToLong(List::size).sum();
        }

        double percentile(String kind, int p) {
            List<Double> values = new ArrayList<>(byKind.getOrDefault(kind, List.of()));
            if (values.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(values);
            return values.get(Math.min(values.size() - 1, (int) Math.ceil(p / 100.0 * values.size()) - 1));
        }
    }
}
