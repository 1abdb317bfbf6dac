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
