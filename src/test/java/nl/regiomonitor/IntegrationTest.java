package nl.regiomonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the tests that run the whole application against its own embedded PostgreSQL,
 * started in a fresh folder per test run and filled with the demo data, as on a first start.
 * The folder goes when the run ends: each run left about 190 MB in the temporary folder.
 */
@Tag("integration") // inherited: failsafe runs these in mvn verify, surefire leaves them out
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    static {
        if (System.getProperty("REGIOMONITOR_DATA_DIR") == null) {
            try {
                Path folder = Files.createTempDirectory("regiomonitor-test-");
                System.setProperty("REGIOMONITOR_DATA_DIR", folder.toString());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> removeOnceStopped(folder), "remove-test-data"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Removes the run's folder once its PostgreSQL has stopped: the application stops it in a shutdown hook of its
     * own, which may run beside this one. A server still running after half a minute keeps its folder.
     */
    private static void removeOnceStopped(Path folder) {
        Path running = folder.resolve("pg").resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (Files.exists(running)) {
                if (System.nanoTime() > deadline) {
                    return;
                }
                Thread.sleep(100);
            }
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            System.err.println("Could not remove " + folder + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
