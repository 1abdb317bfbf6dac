package nl.regiomonitor.ingest;

/**
 * An import ended because the application stops: nothing of it is kept and nothing is recorded, so that its queued
 * job is imported again by another instance, or by this one after its restart.
 */
final class ImportStopped extends RuntimeException {

    ImportStopped(long id, Throwable cause) {
        super("import " + id + " stopped with the application", cause);
    }
}
