package nl.regiomonitor.disclosure;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import nl.regiomonitor.CommandContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code audit}: checks every table the system publishes for cells that could be worked back, by
 * solving for each hidden cell the smallest and largest value the published figures allow. Exit
 * code 0 when none is found, 1 when one is (each is listed), 2 when the database cannot be reached.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Controleer of een verborgen cel (<5 of x) uit de gepubliceerde cijfers is terug te rekenen.")
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
            List<DisclosureAuditService.TableReport> reports = context.getBean(DisclosureAuditService.class).audit();
            long recoverable = 0;
            for (DisclosureAuditService.TableReport report : reports) {
                out.printf(Locale.ROOT, "%s: %d cellen, %d <5, %d x, %d terug te rekenen%n", report.name(), report.cells(),
                        report.primary(), report.secondary(), report.findings().size());
                for (DisclosureAudit.Finding finding : report.findings()) {
                    out.printf(Locale.ROOT, "  %s (%d) ligt tussen %.1f en %.1f%n", finding.key(), finding.value(),
                            finding.lowest(), finding.highest());
                }
                recoverable += report.findings().size();
            }
            out.printf(Locale.ROOT, "%d tabellen gecontroleerd, %d terug te rekenen cellen.%n", reports.size(), recoverable);
            return recoverable == 0 ? 0 : 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
