package nl.regiomonitor.indicator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts of care allocations and indications, one per key (a date, a year), counted again only when one of the two
 * tables changed: a build after an import of other data (waiting lists, costs, population) asked the database the
 * same questions again, each a pass over both tables. Under the {@link DataCache} of each publication, which makes
 * the tables of it; this one only spares the database.
 * <p>
 * Whether the tables changed is read from how many rows each import holds in them: rows are written once, by their
 * import, and only ever removed after (ingest's rule, see {@code V3__imports.sql}), so any change changes it. It is
 * read before counting, so counts read after a change are never kept under an older state. About 30 ms on the
 * demo data, against about 0.2 s for the delivery forms of one date.
 */
final class CareCounts<K, V> {

    private final JdbcTemplate jdbc;
    private final Function<K, V> count;
    /** The state of both tables, read once per state of the data. */
    private final DataCache<String, String> state;

    private final AtomicReference<Kept<K, V>> kept = new AtomicReference<>(new Kept<>("", new ConcurrentHashMap<>()));

    /** The counts kept, and the state of the tables they were counted in. */
    private record Kept<K, V>(String state, Map<K, V> counts) {}

    /** @param count counts one key; what it returns is kept, and must not be changed after */
    CareCounts(JdbcTemplate jdbc, DataVersion data, Function<K, V> count) {
        this.jdbc = jdbc;
        this.count = count;
        this.state = new DataCache<>(data, key -> state());
    }

    V get(K key) {
        String now = state.get("care");
        Kept<K, V> known =
                kept.updateAndGet(k -> k.state().equals(now) ? k : new Kept<>(now, new ConcurrentHashMap<>()));
        V counted = known.counts().get(key);
        if (counted == null) {
            counted = count.apply(key);
            known.counts().putIfAbsent(key, counted);
        }
        return counted;
    }

    private String state() {
        return jdbc.queryForObject("""
                select md5((select coalesce(string_agg(import_id || ':' || n, ',' order by import_id), '')
                            from (select import_id, count(*) as n from care_allocation group by import_id) a)
                           || ' ' || (select coalesce(string_agg(import_id || ':' || n, ',' order by import_id), '')
                                      from (select import_id, count(*) as n from indication group by import_id) i))""", String.class);
    }
}
