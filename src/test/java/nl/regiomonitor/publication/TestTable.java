package nl.regiomonitor.publication;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;

/**
 * A table the tests can add to the publication: it can hold a build halfway (to see what readers
 * see meanwhile) or leak a {@code <5} cell (total 14 = hidden 4 + shown 10). Publishes nothing unless a test turns it on.
 */
@Component
class TestTable implements PublishedTables {

    static final String NAME = "testtabel";

    static volatile boolean active;
    static volatile boolean leak;
    static volatile long value = 10;
    /** When set, a build waits here after signalling {@link #entered}. */
    static volatile CountDownLatch gate;

    static volatile CountDownLatch entered;

    private final CellSuppression suppression;

    TestTable(CellSuppression suppression) {
        this.suppression = suppression;
    }

    static void reset() {
        active = false;
        leak = false;
        value = 10;
        gate = null;
        entered = null;
    }

    @Override
    public Map<String, Supplier<ProtectionPattern>> tables() {
        return active ? Map.of(NAME, this::table) : Map.of();
    }

    private ProtectionPattern table() {
        CountDownLatch wait = gate;
        if (wait != null) {
            entered.countDown();
            try {
                wait.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CountTable table = new CountTable();
        table.cell("NL|TOTAAL", 4 + value);
        table.cell("NL|A", 4);
        table.cell("NL|B", value);
        table.sum("NL|TOTAAL", List.of("NL|A", "NL|B"));
        return leak ? suppression.primaryOnly(table) : suppression.protect(table);
    }
}
