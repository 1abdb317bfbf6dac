package nl.regiomonitor.publication;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows the other instances on the same database: when one of them publishes a version or loads an
 * import, this one asks its builder to catch up, which shows that version (its figures worked out
 * afresh under a new generation, so the old cached figures go) or builds from data no instance built from.
 * <p>
 * It asks the database every {@code regiomonitor.publication.poll-interval} for two numbers, rather than
 * listening for NOTIFY: a listening connection has to be held open and opened again after a database
 * restart, and what was sent while it was away is lost, so it would need this same question after every
 * reconnect anyway. Two indexed maxima a second cost nothing beside one page, and a second's delay is
 * small beside the seconds a build takes. Requests never wait for it: they keep reading memory.
 */
@Component
@ConditionalOnWebApplication
class OtherInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OtherInstances.class);
    private static final String NEWEST = """
            select (select coalesce(max(version), 0) from publication),
                   (select coalesce(max(id), 0) from import_run where status = 'LOADED')""";

    private final PublicationService publications;
    private final JdbcTemplate jdbc;
    private final Duration interval;

    private volatile Thread watcher;
    /** The newest version and import already asked for, so a change is asked for once while the builder catches up. */
    private long askedVersion;

    private long askedImport;
    private boolean unreachable;

    OtherInstances(
            PublicationService publications,
            JdbcTemplate jdbc,
            @Value("${regiomonitor.publication.poll-interval:1s}") Duration interval) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** The newest stored version (of any status) and the newest loaded import, by whichever instance. */
    private record Newest(long version, long imported) {}

    /** Asks the builder to catch up when the store or the data moved past what this instance knows. */
    private void check() {
        Newest newest = jdbc.queryForObject(NEWEST, (rs, n) -> new Newest(rs.getLong(1), rs.getLong(2)));
        boolean newVersion = newest.version() > Math.max(askedVersion, publications.knownVersion());
        boolean newData = newest.imported() > Math.max(askedImport, publications.knownImport());
        if (newVersion || newData) {
            askedVersion = Math.max(askedVersion, newest.version());
            askedImport = Math.max(askedImport, newest.imported());
            publications.requestFromElsewhere(
                    newVersion
                            ? "publicatie " + newest.version() + " van een andere instantie"
                            : "import " + newest.imported() + " op een andere instantie");
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval.toMillis());
                check();
                unreachable = false;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // said once per outage (the database's own health check reports it too); the watcher goes on
                if (!unreachable) {
                    log.warn("Andere instanties niet te volgen: de database is niet bereikbaar", e);
                }
                unreachable = true;
            }
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "publication-other-instances");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = watcher;
        watcher = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }

    /** After the first build, which has read the store already. */
    @Override
    public int getPhase() {
        return PublicationService.PHASE + 1;
    }
}
