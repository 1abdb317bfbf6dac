package nl.regiomonitor.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nl.regiomonitor.common.Sha256;

/**
 * What protection and the audit have worked out before, by the fingerprint of a table: both are
 * functions of the table alone, so a new publication only solves the tables whose counts changed.
 * Held in memory (the tables of a few publications) and in its {@link ProtectionStore} (in the
 * application a database table), so a restart does not solve everything again.
 */
final class ProtectionMemory {

    /**
     * The protection and audit whose results are remembered: raise it with any change to either, so that nothing
     * an older method worked out is taken for the new one's (kept in the database before an upgrade, or shipped
     * with the demo data).
     */
    static final int METHOD = 1;

    /** All tables of a few publications, with room to spare. */
    private static final int IN_MEMORY = 2_000;

    private final ProtectionStore store;
    private final Map<String, String> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > IN_MEMORY;
        }
    };

    ProtectionMemory(ProtectionStore store) {
        this.store = store;
    }

    /** The marks of a table protected before, as by {@link #rememberPattern}. */
    Optional<ProtectionPattern.Mark[]> pattern(String key) {
        return find("PATTERN", key).map(ProtectionMemory::marks);
    }

    void rememberPattern(String key, ProtectionPattern.Mark[] marks) {
        remember("PATTERN", key, text(marks));
    }

    /** Whether the audit found nothing in this table with these marks before. */
    boolean auditedClean(String key) {
        return find("CLEAN_AUDIT", key).isPresent();
    }

    void rememberCleanAudit(String key) {
        remember("CLEAN_AUDIT", key, "");
    }

    private Optional<String> find(String kind, String longKey) {
        String key = key(longKey);
        String memoryKey = kind + " " + key;
        synchronized (recent) {
            String known = recent.get(memoryKey);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<String> stored = store.find(kind, key);
        stored.ifPresent(value -> {
            synchronized (recent) {
                recent.put(memoryKey, value);
            }
        });
        return stored;
    }

    private void remember(String kind, String longKey, String value) {
        String key = key(longKey);
        synchronized (recent) {
            recent.put(kind + " " + key, value);
        }
        store.remember(kind, key, value);
    }

    /** Of fixed length (an audit's key holds every mark of its table), and of this {@link #METHOD} only. */
    private static String key(String longKey) {
        return Sha256.hex(METHOD + " " + longKey);
    }

    private static String text(ProtectionPattern.Mark[] marks) {
        StringBuilder text = new StringBuilder(marks.length);
        for (ProtectionPattern.Mark mark : marks) {
            text.append(
                    switch (mark) {
                        case SHOWN -> 'S';
                        case PRIMARY -> 'P';
                        case SECONDARY -> 'X';
                    });
        }
        return text.toString();
    }

    private static ProtectionPattern.Mark[] marks(String text) {
        ProtectionPattern.Mark[] marks = new ProtectionPattern.Mark[text.length()];
        for (int c = 0; c < marks.length; c++) {
            marks[c] = switch (text.charAt(c)) {
                case 'S' -> ProtectionPattern.Mark.SHOWN;
                case 'P' -> ProtectionPattern.Mark.PRIMARY;
                default -> ProtectionPattern.Mark.SECONDARY;
            };
        }
        return marks;
    }

    /** The key of an audit: the threshold, the table's fingerprint and its marks. */
    static String auditKey(ProtectionPattern pattern) {
        return pattern.threshold() + " " + pattern.table().fingerprint() + " " + text(pattern.marks());
    }
}
