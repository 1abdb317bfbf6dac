package nl.regiomonitor;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the tests that run the whole application against its own embedded PostgreSQL,
 * started in a fresh folder per test run and filled with the demo data, as on a first start.
 * The folder goes when the run ends ({@link DataFolder}).
 */
@Tag("integration") // inherited: failsafe runs these in mvn verify, surefire leaves them out
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    /**
     * Held by the classes that run more of the application beside this one on its PostgreSQL (instances, commands in
     * a JVM of their own or in this one): one at a time, as the server takes 50 connections, and the commands run in
     * this JVM set system properties another start would read.
     */
    public static final String OTHER_INSTANCES = "other instances of the application";

    /**
     * The order of those classes apart from the one that runs beside the others ({@code SeveralInstancesTest}):
     * last, so the classes in line do not wait for its lock.
     */
    public static final int LAST = Integer.MAX_VALUE;

    static {
        if (System.getProperty("REGIOMONITOR_DATA_DIR") == null) {
            try {
                DataFolder.fresh("regiomonitor-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
