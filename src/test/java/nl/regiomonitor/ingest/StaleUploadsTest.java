package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of uploads that an instance killed mid-import leaves behind: removed once no import can still read them. */
class StaleUploadsTest {

    @TempDir
    Path folder;

    @Test
    void onlyOurCopiesWrittenBeforeTheMomentGo() throws IOException {
        Instant now = Instant.now();
        Path killedLongAgo = copy("regiomonitor-upload-1.bin", now.minus(Duration.ofHours(2)));
        Path stillRead = copy("regiomonitor-upload-2.bin", now.minus(Duration.ofMinutes(5)));
        Path someoneElses = copy("other-upload-3.bin", now.minus(Duration.ofDays(3)));
        Path notACopy = copy("regiomonitor-upload-4.csv", now.minus(Duration.ofDays(3)));

        assertThat(Uploads.removeStale(folder, now.minus(Duration.ofMinutes(30))))
                .isEqualTo(1);

        assertThat(killedLongAgo).doesNotExist();
        assertThat(stillRead).exists();
        assertThat(someoneElses).exists();
        assertThat(notACopy).exists();
    }

    @Test
    void aFolderThatCannotBeReadRemovesNothingAndStopsNothing() {
        assertThat(Uploads.removeStale(folder.resolve("weg"), Instant.now())).isZero();
    }

    private Path copy(String name, Instant written) throws IOException {
        Path file = Files.writeString(folder.resolve(name), "indicaties");
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
