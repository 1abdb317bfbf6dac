package nl.regiomonitor.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.DisclosureAudit;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;

/** Runs the {@link DisclosureAudit} over every table the application publishes. */
@Service
public class DisclosureAuditService {

    /** One published table: its size, what is hidden, and the small cells the outsider can pin or narrow to two values. */
    public record TableReport(
            String name, int cells, long primary, long secondary, List<DisclosureAudit.Finding> findings) {

        public long pinned() {
            return findings.stream()
                    .filter(f -> f.kind() == DisclosureAudit.Kind.PINNED)
                    .count();
        }

        public long narrowed() {
            return findings.stream()
                    .filter(f -> f.kind() == DisclosureAudit.Kind.NARROWED)
                    .count();
        }
    }

    private final ObjectProvider<PublishedTables> publishers;
    private final CellSuppression suppression;

    DisclosureAuditService(ObjectProvider<PublishedTables> publishers, CellSuppression suppression) {
        this.publishers = publishers;
        this.suppression = suppression;
    }

    public List<TableReport> audit() {
        List<TableReport> reports = new ArrayList<>();
        published().forEach((name, pattern) -> reports.add(audit(name, pattern)));
        return reports;
    }

    /** Every table every capability publishes, by name, protected. */
    public Map<String, ProtectionPattern> published() {
        return PublishedTables.workedOut(tables());
    }

    /** Every table every capability publishes, by name, each protected when asked. */
    public Map<String, Supplier<ProtectionPattern>> tables() {
        Map<String, Supplier<ProtectionPattern>> tables = new LinkedHashMap<>();
        publishers.orderedStream().forEach(publisher -> tables.putAll(publisher.tables()));
        return tables;
    }

    public TableReport audit(String name, ProtectionPattern pattern) {
        // a table unchanged since an earlier publication, with the same marks, is not solved again
        List<DisclosureAudit.Finding> findings =
                suppression.auditedClean(pattern) ? List.of() : DisclosureAudit.audit(pattern, suppression.threshold());
        if (findings.isEmpty()) {
            suppression.rememberCleanAudit(pattern);
        }
        return new TableReport(
                name,
                pattern.table().size(),
                pattern.count(ProtectionPattern.Mark.PRIMARY),
                pattern.count(ProtectionPattern.Mark.SECONDARY),
                findings);
    }

    public int threshold() {
        return suppression.threshold();
    }
}
