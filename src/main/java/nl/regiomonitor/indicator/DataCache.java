package nl.regiomonitor.indicator;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out from the client data, one per key (a date, a month, a year), per state of the
 * data: every output that asks for the same table gets the same figures and the same protection
 * pattern. The values of the current publication and of the one being built are kept side by side,
 * so readers see the old figures until the new publication is complete.
 * <p>
 * The publication works tables out on several threads at once: a value is worked out once, by the
 * first thread that asks, while others asking for the same key wait for it. No lock is held while
 * working out, so one value may ask for another of the same cache (a table extends its base).
 */
final class DataCache<K, V> {

    private final DataVersion data;
    private final Function<K, V> compute;
    private final Map<Long, Map<K, CompletableFuture<V>>> byVersion = new ConcurrentHashMap<>();

    DataCache(DataVersion data, Function<K, V> compute) {
        this.data = data;
        this.compute = compute;
    }

    V get(K key) {
        long version = data.current();
        Map<K, CompletableFuture<V>> values = byVersion.get(version);
        if (values == null) {
            // an older or abandoned state is no longer read by anyone
            byVersion.keySet().removeIf(v -> v != version && !data.inUse(v));
            values = byVersion.computeIfAbsent(version, v -> new ConcurrentHashMap<>());
        }
        CompletableFuture<V> known = values.get(key);
        if (known == null) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            known = values.putIfAbsent(key, mine);
            if (known == null) {
                try {
                    V value = compute.apply(key);
                    mine.complete(value);
                    return value;
                } catch (RuntimeException | Error e) {
                    // not remembered: the next reader tries again
                    values.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
        }
        try {
            return known.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
