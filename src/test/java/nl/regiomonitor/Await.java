package nl.regiomonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.JdbcTemplate;

/** Waiting in the tests of several instances, which watch one another through the database. */
public final class Await {

    private Await() {}

    /** Until {@code condition} holds; fails when it still does not after {@code limit}. */
    public static void until(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * Until an import waits at the start of its COPY for the share lock on {@code indication} that the test holds:
     * then it surely runs, holding its claim, and stays where it is until the test lets go.
     */
    public static void importWaitsForIndicationLock(JdbcTemplate jdbc, Duration limit) throws InterruptedException {
        until(
                () -> jdbc.queryForObject(
                                "select count(*) from pg_locks where relation = 'indication'::regclass and not granted",
                                Long.class)
                        > 0,
                limit);
    }
}
