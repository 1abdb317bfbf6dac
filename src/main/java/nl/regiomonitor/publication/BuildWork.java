package nl.regiomonitor.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.regiomonitor.disclosure.ProtectionPattern;

/**
 * The work of a build that decides nothing: every published table protected, audited and written out
 * as shown, and the digest of what a build shows. Apart from {@link PublicationService}, which decides
 * whether a build is stored, reused or refused.
 */
final class BuildWork {

    /** One table of a build: its audit, and its cells as published. */
    record Built(DisclosureAuditService.TableReport report, String cells) {}

    private final DisclosureAuditService audit;
    private final Generations generations;
    private final ObjectMapper json;

    BuildWork(DisclosureAuditService audit, Generations generations, ObjectMapper json) {
        this.audit = audit;
        this.generations = generations;
        this.json = json;
    }

    /**
     * Protects, audits and writes out every table, on as many threads as the machine has cores (each
     * table asks the solver alone, for seconds); every worker reads the generation being built.
     */
    List<Built> protectAndAudit(long generation) {
        Map<String, Supplier<ProtectionPattern>> tables = audit.tables();
        ExecutorService workers =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                    Thread worker = new Thread(runnable, "publication-worker");
                    worker.setDaemon(true);
                    return worker;
                });
        try {
            List<Future<Built>> futures = new ArrayList<>();
            tables.forEach((name, table) -> futures.add(workers.submit(() -> {
                try (AutoCloseable pinned = generations.pin(generation)) {
                    ProtectionPattern pattern = table.get();
                    return new Built(audit.audit(name, pattern), cells(pattern));
                }
            })));
            List<Built> built = new ArrayList<>();
            for (Future<Built> future : futures) {
                built.add(future.get());
            }
            return built;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Publication interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** What a build that lets hidden cells be worked back says about it (in Dutch), if it does. */
    static Optional<String> leak(List<Built> tables) {
        List<String> leaking = new ArrayList<>();
        long cells = 0;
        for (Built table : tables) {
            if (!table.report().findings().isEmpty()) {
                leaking.add(table.report().name());
                cells += table.report().findings().size();
            }
        }
        if (leaking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("in " + leaking.size() + (leaking.size() == 1 ? " tabel zijn " : " tabellen zijn ") + cells
                + " verborgen cellen terug te rekenen ("
                + String.join(", ", leaking.stream().limit(5).toList())
                + (leaking.size() > 5 ? ", …" : "") + ").");
    }

    /** A table's cells as shown: a number, or the mark; never the value of a hidden cell. */
    private String cells(ProtectionPattern pattern) {
        ObjectNode node = json.createObjectNode();
        for (int cell = 0; cell < pattern.table().size(); cell++) {
            String key = pattern.table().key(cell);
            switch (pattern.mark(cell)) {
                case SHOWN -> node.put(key, pattern.table().value(cell));
                case PRIMARY -> node.put(key, "<" + pattern.threshold());
                case SECONDARY -> node.put(key, "x");
            }
        }
        return node.toString();
    }

    /** The same figures give the same digest, on every instance: a build with the digest of a stored one reuses it. */
    static String digest(Map<String, String> cells, int threshold, YearMonth last) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((threshold + "|" + last + "\n").getBytes(StandardCharsets.UTF_8));
            cells.forEach(
                    (name, content) -> sha.update((name + "\n" + content + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
