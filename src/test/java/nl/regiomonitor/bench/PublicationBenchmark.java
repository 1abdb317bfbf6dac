package nl.regiomonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.publication.Publication;
import nl.regiomonitor.publication.PublicationService;

/**
 * bench/publication: building a complete version of the demo data (every published table of every
 * capability, protected and audited, stored): the build at the first start, and rebuilds from cold
 * (each build works under a new generation, so nothing is reused). Writes the result file.
 */
public final class PublicationBenchmark {

    private static final int ROUNDS = Integer.getInteger("rounds", 3);

    public static void main(String[] args) throws Exception {
        BenchSupport.workFolder();
        // the first build protects every table, as with data other than the demo's
        try (ConfigurableApplicationContext context =
                BenchSupport.server("--regiomonitor.publication.shipped-memory=false")) {
            PublicationService publications = context.getBean(PublicationService.class);
            Publication first = publications.current().orElseThrow();
            // the same figures give the same digest: a faster protection must leave it as it was
            String digest = context.getBean(JdbcTemplate.class)
                    .queryForObject("select digest from publication where version = ?", String.class, first.version());
            List<Double> rebuilds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                Publication built = publications.rebuild("bench " + round);
                rebuilds.add((System.nanoTime() - start) / 1e9);
                BenchSupport.check(
                        built.status() == Publication.Status.PUBLISHED, "build not published: " + built.problem());
                System.out.printf(Locale.ROOT, "round %d: %.3f s%n", round + 1, rebuilds.get(round));
            }
            String summary = String.format(
                    Locale.ROOT,
                    "demo data, tables=%d cells=%d first_build_at_start_s=%.3f rebuild_rounds=%d rebuild_median_s=%.3f (goal < 60 s) digest=%s%n",
                    first.tables(),
                    first.cells(),
                    first.buildMillis() / 1000.0,
                    ROUNDS,
                    BenchSupport.median(rebuilds),
                    digest);
            System.out.print(summary);
            Files.writeString(Path.of(args[0]), summary);
        }
    }
}
