package nl.regiomonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.DisclosureAuditService;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.ingest.ImportService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * bench/disclosure: on the demo data (generated and imported as on a first start), protecting every table the
 * system publishes, from cold (a small import before each round makes every pattern stale), and
 * the audit of all of them; against, in the same run, the primary rule alone on the same tables.
 */
public final class DisclosureBenchmark {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path work = BenchSupport.workFolder();
        try (ConfigurableApplicationContext context = BenchSupport.application()) {
            ImportService imports = context.getBean(ImportService.class);
            BenchSupport.importDemo(imports, work);
            List<PublishedTables> publishers = context.getBeanProvider(PublishedTables.class).orderedStream().toList();
            DisclosureAuditService audit = context.getBean(DisclosureAuditService.class);
            List<Double> protect = new ArrayList<>();
            List<Double> audits = new ArrayList<>();
            List<Double> primary = new ArrayList<>();
            CellSuppression suppression = context.getBean(CellSuppression.class);
            int tables = 0;
            long cells = 0;
            for (int round = 0; round < ROUNDS; round++) {
                BenchSupport.makeFiguresStale(imports, work, round);
                long start = System.nanoTime();
                List<ProtectionPattern> patterns = new ArrayList<>();
                publishers.forEach(p -> patterns.addAll(p.published().values()));
                protect.add((System.nanoTime() - start) / 1e9);
                tables = patterns.size();
                cells = patterns.stream().mapToLong(p -> p.table().size()).sum();
                start = System.nanoTime();
                patterns.forEach(p -> suppression.primaryOnly(p.table()));
                primary.add((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                long findings = audit.audit().stream().mapToLong(r -> r.findings().size()).sum();
                audits.add((System.nanoTime() - start) / 1e9);
                BenchSupport.check(findings == 0, findings + " recoverable cells");
                System.out.printf(Locale.ROOT, "round %d: protect %.3f s, primary rule alone %.4f s, audit %.3f s%n", round + 1,
                        protect.get(round), primary.get(round), audits.get(round));
            }
            String summary = String.format(Locale.ROOT,
                    "demo data, tables=%d cells=%d rounds=%d protect_all_median_s=%.3f primary_rule_alone_median_s=%.4f "
                            + "ratio=%.0f audit_all_median_s=%.3f recoverable=0%n",
                    tables, cells, ROUNDS, BenchSupport.median(protect), BenchSupport.median(primary),
                    BenchSupport.median(protect) / BenchSupport.median(primary), BenchSupport.median(audits));
            System.out.print(summary);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), summary);
            }
        }
    }
}
