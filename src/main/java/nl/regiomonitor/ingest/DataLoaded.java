package nl.regiomonitor.ingest;

/** Published after an import that loaded rows has committed: the figures built from the data are out of date. */
public record DataLoaded(long importId, String type) {}
