package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import nl.regiomonitor.publication.Generations;
import nl.regiomonitor.publication.Publication;
import org.junit.jupiter.api.Test;

/** Cached figures belong to a publication's generation, known in memory: no database, and no half-built version for readers. */
class DataCacheTest {

    @Test
    void readersKeepTheCurrentValuesWhileTheBuilderWorksOutNewOnesAndSeeThemAllAfterTheSwitch() throws Exception {
        Generations generations = new Generations(); // no database: the version comes from memory
        AtomicInteger computed = new AtomicInteger();
        AtomicInteger data = new AtomicInteger(1);
        DataCache<String, Integer> cache = new DataCache<>(new DataVersion(generations), key -> {
            computed.incrementAndGet();
            return data.get();
        });
        assertThat(cache.get("a")).isEqualTo(1);

        data.set(2);
        Method start = Generations.class.getDeclaredMethod("startBuilding");
        Method finish = Generations.class.getDeclaredMethod("finishBuilding", long.class, Publication.class);
        start.setAccessible(true);
        finish.setAccessible(true);
        long building = CompletableFuture.supplyAsync(() -> {
            try {
                long generation = (long) start.invoke(generations);
                assertThat(cache.get("a")).isEqualTo(2);
                return generation;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).get();
        // the builder has the new value; a reader still gets the old one, without working it out again
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(computed.get()).isEqualTo(2);

        finish.invoke(generations, building, new Publication(1, Publication.Status.PUBLISHED, "test", YearMonth.of(2025, 3),
                OffsetDateTime.now(), 1, 1, 1, null));
        assertThat(cache.get("a")).isEqualTo(2);
        assertThat(computed.get()).isEqualTo(2);
    }
}
