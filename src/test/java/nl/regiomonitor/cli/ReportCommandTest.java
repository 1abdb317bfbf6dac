package nl.regiomonitor.cli;

import static nl.regiomonitor.cli.ReportArgumentsTest.assertWrong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.regiomonitor.ChildCommand;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.report.RegionalReport;
import nl.regiomonitor.report.ReportFiles;

/**
 * {@code report} as an administrator runs it, on the demo data of the test application: one region in a separate
 * JVM, the other runs in this one (the same command line, starting its own application context).
 */
class ReportCommandTest extends IntegrationTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    RegionService regions;

    @Autowired
    RegionalReport reports;

    @TempDir
    Path folder;

    /** In a JVM of its own, as the README shows it: once, for {@link #oneRegionIsOnePdf}. */
    private ChildCommand.Run reportInNewJvm(String... args) throws Exception {
        return ChildCommand.run(dataSource, folder, null, command(args));
    }

    private ChildCommand.Run report(String... args) {
        return ChildCommand.inProcess(dataSource, null, command(args));
    }

    private static String[] command(String... args) {
        return Stream.concat(Stream.of("report"), Stream.of(args)).toArray(String[]::new);
    }

    @Test
    void oneRegionIsOnePdf() throws Exception {
        Path pdf = folder.resolve("haaglanden.pdf");
        ChildCommand.Run run = reportInNewJvm("--region", "ZK10", "--year", "2024", "--out", pdf.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Regioperspectief ZK10 Haaglanden 2024 geschreven naar " + pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Regioperspectief")
                    .contains("Haaglanden 2024");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void allRegionsArePdfsWithAnIndex() throws Exception {
        Path out = folder.resolve("alle");
        ChildCommand.Run run = report("--all", "--year", "2024", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Region> all = regions.regions();
        assertThat(all).hasSize(31);
        assertThat(run.err())
                .as("progress, one line per region without a console")
                .contains("1/31 " + all.get(0).code())
                .contains("31/31 " + all.get(30).code());

        Document index = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(out.resolve("index.html").toFile());
        assertThat(index.getDocumentElement().getAttribute("lang")).isEqualTo("nl");
        NodeList rows = index.getElementsByTagName("tbody").item(0).getChildNodes();
        List<Element> tableRows = IntStream.range(0, rows.getLength())
                .mapToObj(rows::item)
                .filter(Element.class::isInstance)
                .map(Element.class::cast)
                .toList();
        assertThat(tableRows).hasSize(31);
        for (int i = 0; i < all.size(); i++) {
            Region region = all.get(i);
            NodeList cells = tableRows.get(i).getElementsByTagName("td");
            String file = "regioperspectief-" + region.code() + "-2024.pdf";
            assertThat(cells.item(0).getTextContent()).isEqualTo(region.code());
            assertThat(cells.item(1).getTextContent()).isEqualTo(region.name());
            assertThat(((Element) cells.item(2).getFirstChild()).getAttribute("href"))
                    .isEqualTo(file);
            try (PDDocument document = Loader.loadPDF(out.resolve(file).toFile())) {
                assertThat(cells.item(3).getTextContent()).isEqualTo(Integer.toString(document.getNumberOfPages()));
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(32);
        }
    }

    @Test
    void aFailingRegionIsNamedAndLeavesNoHalfFile() throws Exception {
        List<Region> some = regions.regions().subList(0, 4);
        Region failing = some.get(2);
        ReportFiles.Reports failingOnce = (region, year) -> {
            if (region.equals(failing)) {
                throw new IllegalStateException("kapot");
            }
            return reports.build(region, year);
        };
        Path out = folder.resolve("fout");
        assertThatThrownBy(() -> ReportFiles.writeAll(failingOnce, some, 2024, out, (done, file) -> {}))
                .isInstanceOfSatisfying(
                        ReportFiles.RegionFailed.class,
                        e -> assertThat(e.region()).isEqualTo(failing));
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.toList();
            assertThat(written)
                    .extracting(p -> p.getFileName().toString())
                    .doesNotContain(ReportFiles.INDEX)
                    .contains("regioperspectief-" + some.get(0).code() + "-2024.pdf")
                    .noneMatch(name -> name.endsWith(".tmp"));
            for (Path pdf : written) {
                try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                    assertThat(document.getNumberOfPages()).as("%s whole", pdf).isPositive();
                }
            }
        }
    }

    @Test
    void anUnknownRegionIsExitCode2WithADutchMessage() throws Exception {
        // known only to the started application: a real run of the command (wrong arguments: ReportArgumentsTest)
        assertWrong(
                report(
                        "--region",
                        "ZK99",
                        "--year",
                        "2024",
                        "--out",
                        folder.resolve("x.pdf").toString()),
                "Fout: onbekende regio 'ZK99'. Bekende regio's: ZK01, ZK02");
        assertThat(folder.resolve("x.pdf")).doesNotExist();
    }
}
