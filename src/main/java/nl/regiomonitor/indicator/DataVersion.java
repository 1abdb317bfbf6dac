package nl.regiomonitor.indicator;

import org.springframework.stereotype.Component;

import nl.regiomonitor.publication.Generations;

/**
 * Which state of the data cached figures belong to: the generation of the publication the calling
 * thread reads, held in memory, so a cached read never waits for a database connection.
 */
@Component
class DataVersion {

    private final Generations generations;

    DataVersion(Generations generations) {
        this.generations = generations;
    }

    long current() {
        return generations.generation();
    }

    /** Whether figures of {@code version} may still be read; the others can be dropped. */
    boolean inUse(long version) {
        return generations.inUse(version);
    }
}
