package nl.regiomonitor.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.web.util.HtmlUtils;

import nl.regiomonitor.region.Region;

/**
 * Regioperspectieven as PDF files, for the {@code report} command and its benchmark. A file appears
 * whole or not at all: each is written to a temporary file beside it and then renamed into place.
 */
public final class ReportFiles {

    /** The index {@link #writeAll} writes beside the PDFs. */
    public static final String INDEX = "index.html";

    private ReportFiles() {}

    /** A report written: its region, file name and number of pages. */
    public record Written(Region region, String file, int pages) {}

    /** Makes a region's report of a year: {@link RegionalReport#build}, as the command passes it. */
    public interface Reports {
        RegionalReport.Report build(Region region, int year);
    }

    /** Told after each region's file is in place, with how many are done. */
    public interface Progress {
        void written(int done, Written file);
    }

    /** A region whose report could not be made or written; the files before it are complete. */
    public static final class RegionFailed extends RuntimeException {
        private final transient Region region;

        RegionFailed(Region region, Exception cause) {
            super(cause);
            this.region = region;
        }

        public Region region() {
            return region;
        }
    }

    /** Writes {@code report} as the PDF {@code target}; the number of pages. */
    public static int write(RegionalReport.Report report, Path target) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPdf.write(report, pdf);
        byte[] bytes = pdf.toByteArray();
        int pages;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            pages = document.getNumberOfPages();
        }
        writeWhole(target, bytes);
        return pages;
    }

    /**
     * Writes the report of {@code year} of every region in {@code regions} into {@code folder}, named as
     * the download is, and then {@value #INDEX} listing them. The reports are made side by side, one per
     * processor, as the server would for as many visitors; progress is told in the order of {@code regions}.
     */
    public static List<Written> writeAll(
            Reports reports, List<Region> regions, int year, Path folder, Progress progress) throws IOException {
        Files.createDirectories(folder);
        ExecutorService workers =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Written>> pending = new ArrayList<>();
            for (Region region : regions) {
                pending.add(workers.submit(() -> {
                    RegionalReport.Report report = reports.build(region, year);
                    String file = ReportPdf.fileName(report);
                    return new Written(region, file, write(report, folder.resolve(file)));
                }));
            }
            List<Written> written = new ArrayList<>();
            for (int i = 0; i < regions.size(); i++) {
                written.add(result(pending.get(i), regions.get(i)));
                progress.written(written.size(), written.get(i));
            }
            writeWhole(folder.resolve(INDEX), index(written, year).getBytes(StandardCharsets.UTF_8));
            return written;
        } finally {
            stop(workers);
        }
    }

    private static Written result(Future<Written> pending, Region region) {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            throw new RegionFailed(region, e.getCause() instanceof Exception cause ? cause : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegionFailed(region, e);
        }
    }

    /** Waits for the reports still being made after a failure, so none is left writing once the caller goes on. */
    private static void stop(ExecutorService workers) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String index(List<Written> written, int year) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                <meta charset="UTF-8"/>
                <title>Regioperspectief %1$d: alle regio's</title>
                </head>
                <body>
                <h1>Regioperspectief %1$d</h1>
                <table>
                <caption>Het regioperspectief %1$d van %2$d zorgkantoorregio's als PDF</caption>
                <thead><tr><th scope="col">Code</th><th scope="col">Regio</th><th scope="col">Bestand</th><th scope="col">Pagina's</th></tr></thead>
                <tbody>
                """.formatted(year, written.size()));
        for (Written w : written) {
            String file = HtmlUtils.htmlEscape(w.file(), "UTF-8");
            html.append("<tr><td>")
                    .append(w.region().code())
                    .append("</td><td>")
                    .append(HtmlUtils.htmlEscape(w.region().name(), "UTF-8"))
                    .append("</td><td><a href=\"")
                    .append(file)
                    .append("\">")
                    .append(file)
                    .append("</a></td><td>")
                    .append(w.pages())
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    /** Writes {@code content} to disk beside {@code target} and renames it into place, so no reader sees half a file. */
    private static void writeWhole(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // on disk before the rename, so a crash leaves the old file or the new one
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
