package nl.regiomonitor.indicator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out from the client data, one per key (a date, a month, a year), per state of the
 * data: every output that asks for the same table gets the same figures and the same protection
 * pattern. The values of the current publication and of the one being built are kept side by side,
 * so readers see the old figures until the new publication is complete.
 */
final class DataCache<K, V> {

    private final DataVersion data;
    private final Function<K, V> compute;
    private final Map<Long, Map<K, V>> byVersion = new ConcurrentHashMap<>();

    DataCache(DataVersion data, Function<K, V> compute) {
        this.data = data;
        this.compute = compute;
    }

    V get(K key) {
        long version = data.current();
        Map<K, V> values = byVersion.get(version);
        if (values == null) {
            // an older or abandoned state is no longer read by anyone
            byVersion.keySet().removeIf(v -> v != version && !data.inUse(v));
            values = byVersion.computeIfAbsent(version, v -> new ConcurrentHashMap<>());
        }
        V value = values.get(key);
        return value != null ? value : values.computeIfAbsent(key, compute);
    }
}
