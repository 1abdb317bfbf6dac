package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Counts per key add up as a map of counts would, and a count that comes to zero is left out. */
class LongCountsTest {

    private final LongCounts counts = new LongCounts();

    @Test
    void manyKeysAddUpAsInAMap() throws IOException {
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            long key = (long) (i % 70_000) << 16 | i % 7; // neighbouring keys, as days and codes pack
            int delta = i % 3 == 0 ? -1 : 1;
            counts.add(key, delta);
            expected.merge(key, delta, Integer::sum);
        }
        expected.values().removeIf(count -> count == 0);

        Map<Long, Integer> found = new HashMap<>();
        counts.forEachNonZero((key, count) -> found.put(key, count));
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void inOrderTheKeysAscendAndZerosAreLeftOut() throws IOException {
        counts.add(30, 1);
        counts.add(10, 2);
        counts.add(20, 1);
        counts.add(20, -1);
        counts.add(-5, 4);

        List<String> found = new ArrayList<>();
        counts.forEachNonZeroInOrder((key, count) -> found.add(key + "=" + count));
        assertThat(found).containsExactly("-5=4", "10=2", "30=1");
    }
}
