package nl.regiomonitor.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.publication.DisclosureAuditService;

/** The audit over every table the demo data would publish. */
class PublishedTablesAuditTest extends IntegrationTest {

    @Autowired
    DisclosureAuditService audit;

    @Autowired
    List<PublishedTables> publishers;

    @Autowired
    CellSuppression suppression;

    @LocalServerPort
    int port;

    @Test
    void noHiddenCellOfAnyPublishedTableCanBeWorkedBack() {
        List<DisclosureAuditService.TableReport> reports = audit.audit();
        reports.forEach(r -> System.out.printf(
                "%s: %d cells, %d <5, %d x, %d pinned, %d narrowed%n",
                r.name(), r.cells(), r.primary(), r.secondary(), r.pinned(), r.narrowed()));
        System.out.printf(
                "total: %d cells, %d <5, %d x%n",
                reports.stream()
                        .mapToLong(DisclosureAuditService.TableReport::cells)
                        .sum(),
                reports.stream()
                        .mapToLong(DisclosureAuditService.TableReport::primary)
                        .sum(),
                reports.stream()
                        .mapToLong(DisclosureAuditService.TableReport::secondary)
                        .sum());
        assertThat(reports).isNotEmpty();
        assertThat(reports)
                .allSatisfy(r -> assertThat(r.findings()).as(r.name()).isEmpty());
        // the demo data do have small cells, so the audit had something to check
        assertThat(reports.stream()
                        .mapToLong(DisclosureAuditService.TableReport::primary)
                        .sum())
                .isPositive();
        assertThat(reports.stream()
                        .mapToLong(DisclosureAuditService.TableReport::secondary)
                        .sum())
                .isPositive();
    }

    @Test
    void aCellHiddenToProtectAnotherIsAnXInTheApiAndOnTheRegionPage() throws Exception {
        // the first cell of a region (no total) that secondary suppression hid, on a reference date
        ProtectionPattern pattern = null;
        String key = null;
        for (PublishedTables publisher : publishers) {
            for (ProtectionPattern candidate : publisher.published().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("stand "))
                    .map(Map.Entry::getValue)
                    .toList()) {
                for (int c = 0; c < candidate.table().size() && key == null; c++) {
                    if (candidate.mark(c) == ProtectionPattern.Mark.SECONDARY
                            && candidate.table().key(c).startsWith("ZK")) {
                        pattern = candidate;
                        key = candidate.table().key(c);
                    }
                }
            }
        }
        assertThat(key).as("a secondary cell in the demo data").isNotNull();
        String region = key.substring(0, key.indexOf('|'));
        String code = key.substring(key.indexOf('|') + 1);
        String date = nameOf(pattern).substring("stand ".length());
        JsonNode stock = new ObjectMapper()
                .readTree(WebSession.anonymous(port)
                        .getJson("/api/v1/figures/stock?region=" + region + "&date=" + date + "&by=profile")
                        .body());
        JsonNode row = null;
        for (JsonNode r : stock.get("rows")) {
            if (r.get("code").asText().equals(code)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("clients").get("display").asText()).isEqualTo("x");
        assertThat(row.get("clients").get("value").isNull()).isTrue();
        assertThat(row.get("change").asText()).isEqualTo("–");
    }

    private String nameOf(ProtectionPattern pattern) {
        for (PublishedTables publisher : publishers) {
            for (Map.Entry<String, ProtectionPattern> e : publisher.published().entrySet()) {
                if (e.getValue() == pattern) {
                    return e.getKey();
                }
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void theSameTablesProtectedByThePrimaryRuleAloneLeakAndTheAuditSaysWhere() {
        // up to the first table that leaks: auditing every leaking table cell by cell takes minutes
        List<DisclosureAudit.Finding> leaks = List.of();
        for (Iterator<ProtectionPattern> tables = publishers.stream()
                        .flatMap(p -> p.published().values().stream())
                        .iterator();
                leaks.isEmpty() && tables.hasNext(); ) {
            leaks = DisclosureAudit.audit(suppression.primaryOnly(tables.next().table()), suppression.threshold());
        }
        assertThat(leaks).isNotEmpty();
        assertThat(leaks.get(0).key()).as("the audit names the cell").isNotBlank();
    }
}
