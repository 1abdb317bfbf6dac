package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client ids get numbers 0, 1, 2, … in the order they first come, the same number every time. */
class ClientNumbersTest {

    private final ClientNumbers numbers = new ClientNumbers();

    @Test
    void anIdKeepsItsNumberAsTheTableGrows() {
        for (int i = 0; i < 100_000; i++) {
            assertThat(numbers.of("CLIENT" + i)).isEqualTo(i);
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(numbers.of("CLIENT" + i)).isEqualTo(i);
        }
        assertThat(numbers.size()).isEqualTo(100_000);
    }

    @Test
    void idsWithTheSameHashAreDifferentClients() {
        // "Aa" and "BB" have the same String hash
        assertThat(numbers.of("Aa")).isZero();
        assertThat(numbers.of("BB")).isEqualTo(1);
        assertThat(numbers.of("Aa")).isZero();
        assertThat(numbers.of("BB")).isEqualTo(1);
        assertThat(numbers.size()).isEqualTo(2);
    }
}
