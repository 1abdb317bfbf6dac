package nl.regiomonitor.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an import that takes longer than its limit, whatever it waits for: it closes the import's
 * database connection (the server rolls its transaction back) and interrupts its thread, so the
 * job fails instead of holding an import thread and counting as running for ever. When the
 * application stops it ends every import the same way at once, so that a queued job goes back to
 * the queue for another instance (or this one after its restart) instead of failing on a deploy.
 */
final class ImportWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportWatchdog.class);

    private final Duration limit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "import-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Set<Guard> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    ImportWatchdog(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /** Starts watching the import that runs on the current thread; close the guard when it ends. */
    Guard watch(long id) {
        Guard guard = new Guard(id, Thread.currentThread(), live);
        live.add(guard);
        guard.alarm = timer.schedule(() -> guard.fire(false), limit.toMillis(), TimeUnit.MILLISECONDS);
        if (stopping) {
            guard.fire(true);
        }
        return guard;
    }

    /** The application stops: every import ends now, and one that starts from here on ends at once. */
    void stopAll() {
        stopping = true;
        live.forEach(guard -> guard.fire(true));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One watched import. */
    static final class Guard implements AutoCloseable {
        private final long id;
        private final Thread thread;
        private final Set<Guard> live;
        private volatile ScheduledFuture<?> alarm;
        private Connection connection;
        private volatile boolean fired;
        private volatile boolean stopped;
        private boolean closed;

        private Guard(long id, Thread thread, Set<Guard> live) {
            this.id = id;
            this.thread = thread;
            this.live = live;
        }

        /** The connection of the import's transaction, closed when the limit passes or the application stops. */
        synchronized void watch(Connection connection) {
            this.connection = connection;
            if (fired || stopped) {
                abort();
            }
        }

        /** Whether the limit passed before the import ended. */
        boolean fired() {
            return fired;
        }

        /** Whether the application stopped before the import ended. */
        boolean stopped() {
            return stopped;
        }

        private synchronized void fire(boolean stopping) {
            if (closed || fired || stopped) {
                return;
            }
            if (stopping) {
                stopped = true;
                log.info("Import {} wordt afgebroken: de toepassing stopt", id);
            } else {
                fired = true;
                log.warn("Import {} duurt te lang en wordt afgebroken", id);
            }
            abort();
            thread.interrupt();
        }

        private void abort() {
            if (connection != null) {
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException | RuntimeException e) {
                    log.warn("De verbinding van import {} kon niet worden afgebroken", id, e);
                }
            }
        }

        /** Stops watching; clears an interrupt the watchdog caused, so the job can still record what happened. */
        @Override
        public synchronized void close() {
            closed = true;
            live.remove(this);
            alarm.cancel(false);
            if (fired || stopped) {
                Thread.interrupted();
            }
        }
    }
}
