package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.web.multipart.MultipartFile;

/** Takes an uploaded file out of the request, so it outlives it while the import runs in the background. */
public final class Uploads {

    private Uploads() {}

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
        Path copy = Files.createTempFile("regiomonitor-upload-", ".bin");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
