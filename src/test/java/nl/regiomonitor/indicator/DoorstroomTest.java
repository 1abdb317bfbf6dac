package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.DisclosureAudit;
import nl.regiomonitor.disclosure.ProtectionPattern;

/** The moves between regions in the demo data (seed 42): there are some, they add up, and they are protected. */
class DoorstroomTest extends IntegrationTest {

    @Autowired
    FlowFigures flows;

    @Autowired
    FigureScope scope;

    @Autowired
    CellSuppression suppression;

    @LocalServerPort
    int port;

    @Test
    void theDemoDataMoveClientsBetweenMostRegions() {
        List<String> regions = scope.regions();
        long moving = regions.stream()
                .filter(r -> flows.flows(r, 2024).count(FlowFigures.Flow.MOVED_IN) > 0
                        && flows.flows(r, 2024).count(FlowFigures.Flow.MOVED_OUT) > 0)
                .count();
        assertThat(moving).isGreaterThanOrEqualTo(regions.size() - 3);
        FlowFigures.Flows zk10 = flows.flows("ZK10", 2024);
        FlowFigures.Flows zk01 = flows.flows("ZK01", 2024);
        System.out.printf(
                "2024 moves: ZK10 in %d out %d, ZK01 in %d out %d, NL %d%n",
                zk10.count(FlowFigures.Flow.MOVED_IN),
                zk10.count(FlowFigures.Flow.MOVED_OUT),
                zk01.count(FlowFigures.Flow.MOVED_IN),
                zk01.count(FlowFigures.Flow.MOVED_OUT),
                flows.flows("NL", 2024).count(FlowFigures.Flow.MOVED_IN));
    }

    @Test
    void pairsAddUpToTheMovesInAndOutAndShownCellsAgree() {
        long shownTotals = 0;
        for (String region : scope.regions()) {
            FlowFigures.Doorstroom d = flows.doorstroom(region, 2024);
            assertThat(d.movedOut())
                    .isEqualTo(d.others().stream()
                            .mapToLong(FlowFigures.Exchange::movedTo)
                            .sum());
            assertThat(d.movedIn())
                    .isEqualTo(d.others().stream()
                            .mapToLong(FlowFigures.Exchange::movedFrom)
                            .sum());
            assertThat(d.others())
                    .allMatch(o -> o.movedTo() + o.movedFrom() > 0 && !o.code().equals(region));
            // the same cells as the stromen table
            assertThat(d.movedOutCell()).isEqualTo(flows.flows(region, 2024).cell(FlowFigures.Flow.MOVED_OUT));
            if (d.others().stream().noneMatch(o -> o.movedToCell().suppressed())
                    && !d.movedOutCell().suppressed()) {
                assertThat(d.others().stream()
                                .mapToLong(o -> o.movedToCell().value())
                                .sum())
                        .isEqualTo(d.movedOutCell().value());
                shownTotals++;
            }
            // a pair is one cell: A's "weg naar B" is B's "vanuit A"
            for (FlowFigures.Exchange o : d.others()) {
                FlowFigures.Exchange back = flows.doorstroom(o.code(), 2024).others().stream()
                        .filter(e -> e.code().equals(region))
                        .findFirst()
                        .orElseThrow();
                assertThat(back.movedFromCell()).isEqualTo(o.movedToCell());
                assertThat(back.movedToCell()).isEqualTo(o.movedFromCell());
            }
        }
        FlowFigures.Flows national = flows.flows("NL", 2024);
        assertThat(national.count(FlowFigures.Flow.MOVED_IN))
                .isEqualTo(national.count(FlowFigures.Flow.MOVED_OUT))
                .isEqualTo(scope.regions().stream()
                        .mapToLong(r -> flows.flows(r, 2024).count(FlowFigures.Flow.MOVED_IN))
                        .sum());
        System.out.printf("regions whose moves out are shown with every pair: %d%n", shownTotals);
    }

    @Test
    void noSmallCountOfTheDoorstroomOrStromenTablesCanBeWorkedBack() {
        Map<String, Supplier<ProtectionPattern>> tables = flows.tables();
        assertThat(tables).isNotEmpty();
        long smallPairs = 0;
        for (Map.Entry<String, Supplier<ProtectionPattern>> table : tables.entrySet()) {
            ProtectionPattern pattern = table.getValue().get();
            long pairs = 0;
            long shown = 0;
            for (int c = 0; c < pattern.table().size(); c++) {
                if (pattern.table().key(c).endsWith("|MOVE")) {
                    pairs++;
                    shown += pattern.hidden(c) ? 0 : 1;
                    long value = pattern.table().value(c);
                    if (value > 0 && value < suppression.threshold()) {
                        smallPairs++;
                        assertThat(pattern.hidden(c)).as(pattern.table().key(c)).isTrue();
                    }
                }
            }
            System.out.printf(
                    "%s: %d cells, %d pairs of regions, %d shown, %d <5, %d x%n",
                    table.getKey(),
                    pattern.table().size(),
                    pairs,
                    shown,
                    pattern.count(ProtectionPattern.Mark.PRIMARY),
                    pattern.count(ProtectionPattern.Mark.SECONDARY));
            if (pattern.table().value(pattern.table().indexOf("NL|" + FlowFigures.Flow.MOVED_IN)) > 0) {
                assertThat(pairs)
                        .as("the pairs are cells of the table the audit checks")
                        .isPositive();
            }
            // the outsider knows every published cell, <5 as 1..4 and
            // x as at least 5, and every sum: no small count comes out
            assertThat(DisclosureAudit.audit(pattern, suppression.threshold()))
                    .as(table.getKey())
                    .isEmpty();
        }
        assertThat(smallPairs)
                .as("the demo data have small pairs, so the audit had something to check")
                .isPositive();
    }

    @Test
    void theRegionPageShowsTheDoorstroomWithRegionNames() throws Exception {
        String page = WebSession.anonymous(port).get("/regions/ZK10?year=2024").body();
        List<List<String>> rows = PublishedOutputs.pageTable(page, "doorstroom");
        FlowFigures.Doorstroom d = flows.doorstroom("ZK10", 2024);
        assertThat(rows).hasSize(d.others().size() + 1);
        assertThat(rows.subList(0, d.others().size()))
                .extracting(r -> r.get(0))
                .containsExactlyElementsOf(
                        d.others().stream().map(FlowFigures.Exchange::name).toList())
                .noneMatch(label -> label.matches("ZK\\d+"));
        assertThat(rows.get(rows.size() - 1))
                .containsExactly(
                        "Totaal", d.movedOutCell().display(), d.movedInCell().display());
        assertThat(page).contains("Cliënt gaat weg uit de regio naar").contains("Cliënt komt naar de regio vanuit");
    }
}
