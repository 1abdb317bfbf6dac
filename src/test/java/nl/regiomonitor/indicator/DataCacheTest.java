package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.publication.Generations;
import nl.regiomonitor.publication.Publication;

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
                })
                .get();
        // the builder has the new value; a reader still gets the old one, without working it out again
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(computed.get()).isEqualTo(2);

        finish.invoke(
                generations,
                building,
                new Publication(
                        1,
                        Publication.Status.PUBLISHED,
                        "test",
                        YearMonth.of(2025, 3),
                        OffsetDateTime.now(),
                        1,
                        1,
                        1,
                        null));
        assertThat(cache.get("a")).isEqualTo(2);
        assertThat(computed.get()).isEqualTo(2);
    }

    @Test
    void aValueMayAskForAnotherOfTheSameCacheAndTwoThreadsAskingTheSameKeyWorkItOutOnce() throws Exception {
        Generations generations = new Generations();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch bothAsking = new CountDownLatch(1);
        DataCache<String, Integer>[] cache = new DataCache[1];
        // "Aa" and "BB" have the same hash code, so they share a
        // bin of a hash map: no lock may be held while working out
        cache[0] = new DataCache<>(new DataVersion(generations), key -> {
            computed.incrementAndGet();
            if (key.equals("Aa")) {
                await(bothAsking);
                return cache[0].get("BB") + 1;
            }
            return 10;
        });
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> cache[0].get("Aa"));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> cache[0].get("Aa"));
        bothAsking.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(11);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(11);
        assertThat(computed.get()).isEqualTo(2); // "Aa" once, "BB" once
    }

    @Test
    void aFailureIsNotRememberedSoTheNextReaderTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        DataCache<String, Integer> cache = new DataCache<>(new DataVersion(new Generations()), key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return 3;
        });
        assertThatThrownBy(() -> cache.get("a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database gone");
        assertThat(cache.get("a")).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
