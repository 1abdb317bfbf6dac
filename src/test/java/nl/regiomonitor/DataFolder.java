package nl.regiomonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * The folder an integration test run or a benchmark keeps its embedded PostgreSQL and files in: new per JVM, and gone
 * when the JVM ends (an integration run left about 190 MB behind, a benchmark up to 1.4 GB).
 */
public final class DataFolder {

    private DataFolder() {}

    /** A new folder under the temporary one, made {@code REGIOMONITOR_DATA_DIR} for the application of this JVM. */
    public static Path fresh(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        System.setProperty("REGIOMONITOR_DATA_DIR", folder.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> removeOnceStopped(folder), "remove-data-folder"));
        return folder;
    }

    /**
     * Removes the folder once its PostgreSQL has stopped: the application stops it in a shutdown hook of its own,
     * which may run beside this one. A server still running after half a minute keeps its folder.
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
