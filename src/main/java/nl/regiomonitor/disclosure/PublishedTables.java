package nl.regiomonitor.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A capability that publishes counts of clients, so the audit can check every pattern it publishes. */
public interface PublishedTables {

    /**
     * Every protected table this capability would publish with the data as they are now, by a name a
     * person can read, each worked out when asked: the publication works several out at once.
     */
    Map<String, Supplier<ProtectionPattern>> tables();

    /** {@link #tables()}, worked out one after another. */
    default Map<String, ProtectionPattern> published() {
        return workedOut(tables());
    }

    /** Each of {@code tables} worked out, one after another, in their order. */
    static Map<String, ProtectionPattern> workedOut(Map<String, Supplier<ProtectionPattern>> tables) {
        Map<String, ProtectionPattern> published = new LinkedHashMap<>();
        tables.forEach((name, table) -> published.put(name, table.get()));
        return published;
    }
}
