package nl.regiomonitor.disclosure;

import java.util.Optional;

/**
 * Where {@link ProtectionMemory} keeps what it worked out beyond this process, by kind and a
 * fixed-length key; the application gives a database table, unit tests and tools give
 * {@link #NONE}. Kept as an interface so the statistics here know no database.
 */
public interface ProtectionStore {

    /** Remembers nothing beyond the process. */
    ProtectionStore NONE = new ProtectionStore() {
        @Override
        public Optional<String> find(String kind, String key) {
            return Optional.empty();
        }

        @Override
        public void remember(String kind, String key, String value) {
            // nothing to keep
        }
    };

    Optional<String> find(String kind, String key);

    void remember(String kind, String key, String value);
}
