package nl.regiomonitor.indicator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out from the client data, one per key (a date, a month, a year), kept until a new
 * import changes the data: every output that asks for the same table gets the same figures and
 * the same protection pattern, and a new import makes them all be worked out again.
 */
final class DataCache<K, V> {

    private record Values<K, V>(long version, Map<K, V> byKey) {
    }

    private final DataVersion data;
    private final Function<K, V> compute;
    private volatile Values<K, V> values = new Values<>(-1, Map.of());

    DataCache(DataVersion data, Function<K, V> compute) {
        this.data = data;
        this.compute = compute;
    }

    V get(K key) {
        long version = data.current();
        Values<K, V> now = values;
        if (now.version() != version) {
            synchronized (this) {
                if (values.version() != version) {
                    values = new Values<>(version, new ConcurrentHashMap<>());
                }
                now = values;
            }
        }
        return now.byKey().computeIfAbsent(key, compute);
    }
}
