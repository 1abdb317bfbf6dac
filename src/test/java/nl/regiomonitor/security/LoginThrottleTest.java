package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The delays of {@link LoginThrottle}, on a clock the test moves. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(10)),
            new LoginThrottle.Policy(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(10)),
            clock);

    @Test
    void fiveFreeFailuresThenADelayThatDoublesUpToItsCapAndFadesWithQuiet() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.holdsBack("Jansen", "10.0.0.1")).isFalse();
            throttle.failed("jansen", "10.0.0.1");
        }
        // the name counts without case, from any address
        assertThat(throttle.holdsBack("JANSEN", "10.0.0.2")).isTrue();
        now = now.plusMillis(1001);
        assertThat(throttle.holdsBack("jansen", "10.0.0.2")).isFalse();
        throttle.failed("jansen", "10.0.0.1");
        now = now.plusMillis(1500);
        assertThat(throttle.holdsBack("jansen", "10.0.0.2"))
                .as("6 failures: 2 s")
                .isTrue();
        now = now.plusMillis(600);
        assertThat(throttle.holdsBack("jansen", "10.0.0.2")).isFalse();
        for (int i = 0; i < 20; i++) {
            throttle.failed("jansen", "10.0.0.3");
        }
        now = now.plusSeconds(59);
        assertThat(throttle.holdsBack("jansen", "10.0.0.4"))
                .as("capped at one minute")
                .isTrue();
        now = now.plusSeconds(2);
        assertThat(throttle.holdsBack("jansen", "10.0.0.4")).isFalse();
        // an hour of quiet forgets six failures: one more is free again
        now = now.plus(Duration.ofHours(4));
        throttle.failed("jansen", "10.0.0.4");
        assertThat(throttle.holdsBack("jansen", "10.0.0.4")).isFalse();
    }

    @Test
    void anAddressGuessingManyNamesIsHeldBackButTheOwnerStartsAfreshAfterALogin() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("naam" + i, "192.0.2.9");
        }
        assertThat(throttle.holdsBack("iemand", "192.0.2.9")).isTrue();
        assertThat(throttle.holdsBack("iemand", "192.0.2.10")).isFalse();

        for (int i = 0; i < 5; i++) {
            throttle.failed("eigenaar", "192.0.2.11");
        }
        throttle.succeeded("eigenaar");
        assertThat(throttle.holdsBack("eigenaar", "192.0.2.12")).isFalse();
    }
}
