package nl.regiomonitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.report.RegionalReport;
import nl.regiomonitor.report.ReportFiles;
import nl.regiomonitor.report.ReportPdf;

/**
 * {@code report}: the regioperspectief as PDF, of one region or of all of them with an index, from
 * the database as {@code serve} would publish it. Exit code 0 when everything is written, 1 when a
 * report fails or the database cannot be reached, 2 for wrong arguments or an unknown region.
 */
@Command(
        name = "report",
        synopsisHeading = "Gebruik: ",
        optionListHeading = "%nOpties:%n",
        description = {
            "Maak het regioperspectief als PDF: van één regio (--region) of van alle regio's (--all), "
                    + "dan met een index.html erbij.",
            "Voorbeelden:",
            "  report --region ZK10 --year 2024 --out haaglanden.pdf",
            "  report --all --year 2024 --out rapporten/"
        })
public class ReportCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    private static final int BAR = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--region", paramLabel = "REGIO", description = "Code van de regio, bijvoorbeeld ZK10.")
    String region;

    @Option(names = "--all", description = "Alle regio's: één PDF per regio en index.html in de map van --out.")
    boolean all;

    @Option(
            names = "--year",
            paramLabel = "JAAR",
            description = "Jaar van het rapport (2000 tot en met 2100); peildatum 1 oktober.")
    Integer year;

    @Option(
            names = "--out",
            paramLabel = "BESTAND_OF_MAP",
            description = "Met --region het PDF-bestand (of een map), met --all de map (standaard: de huidige map).")
    Path out;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Toon deze hulp en stop.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String wrong = wrongArguments();
            if (wrong != null) {
                err.println("Fout: " + wrong + " Zie 'report --help'.");
                return BAD_ARGUMENTS;
            }
            ConfigurableApplicationContext context = CommandContext.start(err);
            if (context == null) {
                return FAILED;
            }
            try (context) {
                RegionService regions = context.getBean(RegionService.class);
                RegionalReport reports = context.getBean(RegionalReport.class);
                return all ? all(regions.regions(), reports, stdout, err) : one(regions, reports, stdout, err);
            }
        } catch (IOException e) {
            err.println("Fout: er kon niet worden geschreven: " + e.getMessage());
            return FAILED;
        } finally {
            stdout.flush();
            err.flush();
        }
    }

    /** The Dutch reason the arguments cannot be run, or null when they can. */
    private String wrongArguments() {
        if (all == (region != null)) {
            return "geef precies één van --region REGIO en --all.";
        }
        if (year == null) {
            return "geef het jaar met --year, bijvoorbeeld --year 2024.";
        }
        if (year < RegionalReport.FIRST_YEAR || year > RegionalReport.LAST_YEAR) {
            return "het jaar " + year + " ligt niet tussen " + RegionalReport.FIRST_YEAR + " en "
                    + RegionalReport.LAST_YEAR + ".";
        }
        return null;
    }

    private int one(RegionService regions, RegionalReport reports, PrintWriter stdout, PrintWriter err) {
        Optional<Region> found = regions.find(region.toUpperCase(Locale.ROOT));
        if (found.isEmpty()) {
            err.println("Fout: onbekende regio '" + region + "'. Bekende regio's: "
                    + regions.regions().stream().map(Region::code).collect(Collectors.joining(", ")) + ".");
            return BAD_ARGUMENTS;
        }
        RegionalReport.Report report;
        Path target;
        int pages;
        try {
            report = reports.build(found.get(), year);
            target = out == null
                    ? Path.of(ReportPdf.fileName(report))
                    : Files.isDirectory(out) ? out.resolve(ReportPdf.fileName(report)) : out;
            pages = ReportFiles.write(report, target);
        } catch (IOException | RuntimeException e) {
            return failed(err, found.get(), e);
        }
        stdout.printf(
                "Regioperspectief %s %s %d geschreven naar %s (%d pagina's).%n",
                report.region().code(), report.region().name(), year, target, pages);
        return 0;
    }

    private int all(List<Region> regions, RegionalReport reports, PrintWriter stdout, PrintWriter err)
            throws IOException {
        Path folder = out == null ? Path.of(".") : out;
        // a bar redrawn in place on a terminal; one line per region in a log, where \r would pile up
        boolean console = System.console() != null;
        try {
            ReportFiles.writeAll(reports::build, regions, year, folder, (done, file) -> {
                String progress =
                        done + "/" + regions.size() + " " + file.region().code();
                if (console) {
                    int filled = done * BAR / regions.size();
                    err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + progress);
                } else {
                    err.println(progress);
                }
                err.flush();
            });
        } catch (ReportFiles.RegionFailed e) {
            return failed(err, e.region(), (Exception) e.getCause());
        } finally {
            if (console) {
                err.println();
            }
        }
        stdout.printf(
                "%d regioperspectieven %d geschreven in %s, met %s.%n",
                regions.size(), year, folder, ReportFiles.INDEX);
        return 0;
    }

    private static int failed(PrintWriter err, Region region, Exception cause) {
        err.println("Fout: het regioperspectief van " + region.code() + " " + region.name() + " is niet gemaakt: "
                + CommandContext.reason(cause));
        return FAILED;
    }
}
