package nl.regiomonitor.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an import that takes longer than its limit, whatever it waits for: it closes the import's
 * database connection (the server rolls its transaction back) and interrupts its thread, so the
 * job fails instead of holding an import thread and counting as running for ever.
 */
final class ImportWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportWatchdog.class);

    private final Duration limit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "import-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    ImportWatchdog(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /** Starts watching the import that runs on the current thread; close the guard when it ends. */
    Guard watch(long id) {
        Guard guard = new Guard(id, Thread.currentThread());
        guard.alarm = timer.schedule(guard::fire, limit.toMillis(), TimeUnit.MILLISECONDS);
        return guard;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One watched import. */
    static final class Guard implements AutoCloseable {
        private final long id;
        private final Thread thread;
        private volatile ScheduledFuture<?> alarm;
        private volatile Connection connection;
        private volatile boolean fired;
        private boolean closed;

        private Guard(long id, Thread thread) {
            this.id = id;
            this.thread = thread;
        }

        /** The connection of the import's transaction, closed when the limit passes. */
        void watch(Connection connection) {
            this.connection = connection;
        }

        /** Whether the limit passed before the import ended. */
        boolean fired() {
            return fired;
        }

        private synchronized void fire() {
            if (closed) {
                return;
            }
            fired = true;
            log.warn("Import {} duurt te lang en wordt afgebroken", id);
            Connection open = connection;
            if (open != null) {
                try {
                    open.abort(Runnable::run);
                } catch (SQLException | RuntimeException e) {
                    log.warn("De verbinding van import {} kon niet worden afgebroken", id, e);
                }
            }
            thread.interrupt();
        }

        /** Stops watching; clears an interrupt the watchdog caused, so the job can still record its failure. */
        @Override
        public synchronized void close() {
            closed = true;
            alarm.cancel(false);
            if (fired) {
                Thread.interrupted();
            }
        }
    }
}
