package nl.regiomonitor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import nl.regiomonitor.disclosure.DisclosureAudit;
import nl.regiomonitor.publication.DisclosureAuditService;

/**
 * {@code audit}: checks every table the system publishes for small cells that could be worked back,
 * by solving for each the smallest and largest whole value the published figures allow (see
 * {@link DisclosureAudit}). Per table and in total: cells, {@code <5} cells, {@code x} cells, and
 * the small cells pinned to one value or narrowed to two. Exit code 0 when there are none, 1 when
 * there are (each is listed), 2 when the database cannot be reached.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description =
                "Controleer of een klein aantal (<5) uit de gepubliceerde cijfers is terug te rekenen of tot twee waarden te beperken.")
public class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigurableApplicationContext context = CommandContext.start(err);
        if (context == null) {
            return 2;
        }
        try (context) {
            List<DisclosureAuditService.TableReport> reports =
                    context.getBean(DisclosureAuditService.class).audit();
            long cells = 0;
            long primary = 0;
            long secondary = 0;
            long pinned = 0;
            long narrowed = 0;
            for (DisclosureAuditService.TableReport report : reports) {
                out.printf(
                        Locale.ROOT,
                        "%s: %d cellen, %d <5, %d x, %d vastgepind, %d beperkt tot twee waarden%n",
                        report.name(),
                        report.cells(),
                        report.primary(),
                        report.secondary(),
                        report.pinned(),
                        report.narrowed());
                for (DisclosureAudit.Finding finding : report.findings()) {
                    out.printf(
                            Locale.ROOT,
                            "  %s (%d) ligt tussen %d en %d%n",
                            finding.key(),
                            finding.value(),
                            finding.lowest(),
                            finding.highest());
                }
                cells += report.cells();
                primary += report.primary();
                secondary += report.secondary();
                pinned += report.pinned();
                narrowed += report.narrowed();
            }
            out.printf(
                    Locale.ROOT,
                    "%d tabellen gecontroleerd: %d cellen, %d <5, %d x, %d vastgepind, %d beperkt tot twee waarden.%n",
                    reports.size(),
                    cells,
                    primary,
                    secondary,
                    pinned,
                    narrowed);
            return pinned + narrowed == 0 ? 0 : 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
