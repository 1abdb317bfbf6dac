package nl.regiomonitor.publication;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Which state of the figures held in memory a thread reads, without asking the database: request
 * threads read the current publication's, the builder thread the one it is building. Figures are
 * cached per generation, so readers keep the old figures until the new ones are complete and
 * switched to in one step.
 */
@Component
public class Generations {

    /** The generation readers use and the publication it shows (null before the first, or without a publication). */
    public record Current(long generation, Publication publication) {}

    private final AtomicLong last = new AtomicLong();
    private final AtomicReference<Current> current = new AtomicReference<>(new Current(0, null));
    private final ThreadLocal<Long> buildingHere = new ThreadLocal<>();
    private volatile long building = -1;

    /** The generation the calling thread reads: the one it builds, the one its request started with, or else the current one. */
    public long generation() {
        Long own = buildingHere.get();
        return own != null ? own : current.get().generation();
    }

    /**
     * Keeps the calling thread on {@code generation} until the returned handle is closed, so one
     * request reads one publication even when a new one becomes current halfway.
     */
    AutoCloseable pin(long generation) {
        buildingHere.set(generation);
        return buildingHere::remove;
    }

    public Current current() {
        return current.get();
    }

    /** Whether values of {@code generation} may still be read: it is current or being built. */
    public boolean inUse(long generation) {
        return generation == current.get().generation() || generation == building;
    }

    /** Starts a new generation on the calling thread; other threads keep reading the current one. */
    long startBuilding() {
        long generation = last.incrementAndGet();
        building = generation;
        buildingHere.set(generation);
        return generation;
    }

    /** Ends building on the calling thread; when {@code publication} is given, its generation becomes current in one step. */
    void finishBuilding(long generation, Publication publication) {
        if (publication != null) {
            current.set(new Current(generation, publication));
        }
        buildingHere.remove();
        building = -1;
    }

    /**
     * Without a publication builder (a command-line run), data that change make the next read work the
     * figures out again, as they are.
     */
    void advanceUnpublished() {
        current.set(new Current(last.incrementAndGet(), null));
    }
}
