package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.multipart.MultipartFile;

/** Takes an uploaded file out of the request, so it outlives it while the import runs in the background. */
public final class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private Uploads() {}

    /** The start of the name of every copy of an upload, in the temporary folder. */
    static final String PREFIX = "regiomonitor-upload-";

    /** A new, empty file for a copy of an upload, in the temporary folder. */
    static Path newCopy() throws IOException {
        return Files.createTempFile(PREFIX, ".bin");
    }

    /**
     * Removes the copies in {@code folder} last written before {@code before}: those of an instance that was stopped
     * by force (kill -9, a power cut), which could not remove them itself. The caller picks a moment before which no
     * import still reads its copy, of any instance on this machine. Returns how many were removed; one that cannot be
     * removed is left, with a warning in the log.
     */
    static int removeStale(Path folder, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, PREFIX + "*.bin")) {
            for (Path copy : copies) {
                try {
                    if (Files.getLastModifiedTime(copy).toInstant().isBefore(before) && Files.deleteIfExists(copy)) {
                        removed++;
                    }
                } catch (IOException e) {
                    log.warn("Achtergebleven upload {} kon niet worden verwijderd", copy, e);
                }
            }
        } catch (IOException e) {
            log.warn("De map {} kon niet worden doorzocht op achtergebleven uploads", folder, e);
        }
        return removed;
    }

    /** How long a file's name may be; a longer one is cut. */
    static final int MAX_NAME = 200;

    /** The region a request names, or null for none (blank counts as none). */
    static String region(String given) {
        return given == null || given.isBlank() ? null : given;
    }

    /** The name that identifies the file: the one given, else the upload's own file name without folders. */
    public static String sourceName(MultipartFile file, String givenName) {
        String name = givenName != null && !givenName.isBlank() ? givenName : file.getOriginalFilename();
        if (name == null) {
            return cleanName(null);
        }
        name = name.replace('\\', '/');
        return cleanName(name.substring(name.lastIndexOf('/') + 1));
    }

    /** A name as it is stored and shown: without control characters, at most {@link #MAX_NAME} characters, never blank. */
    static String cleanName(String name) {
        String clean = name == null ? "" : ImportError.shown(name, MAX_NAME).strip();
        return clean.isEmpty() ? "upload" : clean;
    }

    public static Path keep(MultipartFile file) throws IOException {
        if (file == null
                || file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank())) {
            throw new ImportService.InvalidImportRequest("Kies een bestand om te importeren.");
        }
        Path copy = newCopy();
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
