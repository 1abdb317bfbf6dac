package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.publication.PublicationService;

/**
 * The figures of care and of waiting for it on the {@link HandData}: waiting list, costs, delivery forms and the flows
 * between regions, worked out by hand there.
 */
class CareFiguresTest extends HandDataTest {

    @Autowired
    WaitlistFigures waitlist;

    @Autowired
    CostFigures costs;

    @Autowired
    DeliveryFormFigures deliveryForms;

    @Autowired
    FlowFigures flows;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Autowired
    ImportService imports;

    @Autowired
    PublicationService publications;

    @Test
    void theWaitingListOfTheLatestSnapshotOnOrBeforeTheDate() throws Exception {
        WaitlistFigures.WaitlistTable july = waitlist.waitlist("NL", LocalDate.of(2024, 7, 15));
        assertThat(july.snapshot()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(july.clients())
                .containsEntry("ACTIEF", 9L)
                .containsEntry("URGENT", 1L)
                .containsEntry("NIET_ACTIEF", 0L);
        assertThat(july.total()).isEqualTo(10);
        WaitlistFigures.WaitlistTable june = waitlist.waitlist("ZK10", LocalDate.of(2024, 6, 29));
        assertThat(june.snapshot()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(june.clients()).containsEntry("ACTIEF", 2L);
        assertThat(waitlist.waitlist("ZK10", LocalDate.of(2020, 1, 1)).snapshot())
                .isNull();

        JsonNode answer = json.readTree(WebSession.anonymous(port)
                .getJson("/api/v1/figures/waitlist?region=ZK10&date=2024-07-01")
                .body());
        assertThat(answer.get("snapshot").asText()).isEqualTo("2024-06-30");
        assertThat(answer.get("clients").get("ACTIEF").get("display").asText()).isEqualTo("<5");
        assertThat(answer.get("clients").get("WACHT_OP_VOORKEUR").get("display").asText())
                .isEqualTo("0");
    }

    @Test
    void costPerClientPerDayAgainstTheBandOfAllRegions() throws Exception {
        CostFigures.CostTable zk10 = costs.costs("ZK10", 2024);
        CostFigures.CostRow ggz03w = zk10.rows().stream()
                .filter(r -> r.category().code().equals("GGZ03W"))
                .findFirst()
                .orElseThrow();
        assertThat(ggz03w.perDay()).isEqualByComparingTo("166.67");
        assertThat(ggz03w.lowest()).isEqualByComparingTo("150.00");
        assertThat(ggz03w.median()).isEqualByComparingTo("166.67");
        assertThat(ggz03w.highest()).isEqualByComparingTo("210.00");
        assertThat(ggz03w.regionsInBand()).isEqualTo(3);
        CostFigures.CostRow all = zk10.rows().get(zk10.rows().size() - 1);
        assertThat(all.category().code()).isEqualTo("ALL");
        assertThat(all.perDay()).isEqualByComparingTo("162.50");
        assertThat(costs.costs("NL", 2024).rows().stream()
                        .filter(r -> r.category().code().equals("GGZ03W"))
                        .findFirst()
                        .orElseThrow()
                        .perDay())
                .isEqualByComparingTo("168.89"); // 76,000 / 450
        assertThat(costs.costs("ZK01", 2024).rows().stream()
                        .filter(r -> r.category().code().equals("GGZ01W"))
                        .findFirst()
                        .orElseThrow()
                        .perDay())
                .as("no GGZ01W costs in ZK01")
                .isNull();

        JsonNode answer = json.readTree(WebSession.anonymous(port)
                .getJson("/api/v1/figures/costs?region=ZK10&year=2024")
                .body());
        assertThat(answer.get("rows").get(1).get("display").asText())
                .isEqualTo("€\u00a0166,67"); // a non-breaking space, as Dutch currency is written
    }

    /**
     * The clients in care and the flows across region borders are counted again after an import of care allocations,
     * and only then: a second file adds STOCKA1 (GGZ02W, indicated in ZK02) in care in ZK10 on 2024-07-01, and the
     * same file corrected takes the care back to 2019, before any indication of STOCKA1, so the figures are those
     * of {@link HandData} again.
     */
    @Test
    void careFiguresFollowEveryImportOfCareAllocations() throws Exception {
        LocalDate july = LocalDate.of(2024, 7, 1);
        long inCare = clientsInCare(july);
        long caredElsewhere = caredElsewhere();
        importCare("STOCKA1;P4;ZK10;VERBLIJF;2024-01-01;\n");
        assertThat(clientsInCare(july)).isEqualTo(inCare + 1);
        assertThat(caredElsewhere()).isEqualTo(caredElsewhere + 1);
        importCare("STOCKA1;P4;ZK10;VERBLIJF;2019-01-01;2019-01-31\n");
        assertThat(clientsInCare(july)).isEqualTo(inCare);
        assertThat(caredElsewhere()).isEqualTo(caredElsewhere);
    }

    /** The clients indicated in ZK02 in 2024 and cared for in another region. */
    private long caredElsewhere() {
        return flows.flows("ZK02", 2024).clients().get(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE);
    }

    private long clientsInCare(LocalDate date) {
        return deliveryForms.deliveryForms("NL", date).allProfiles().total();
    }

    /** Imports {@code rows} as the allocations file extra-zorg.csv, each time replacing the one before. */
    private void importCare(String rows) throws Exception {
        Path file = Files.createTempFile("allocations-", ".csv");
        try {
            Files.writeString(file, "client_id;provider_code;region_code;delivery_form;start_date;end_date\n" + rows);
            assertThat(imports.importFile(file, "extra-zorg.csv", "allocations").status())
                    .isEqualTo(ImportStatus.LOADED);
        } finally {
            Files.delete(file);
        }
        publications.awaitCurrent();
    }

    @Test
    void deliveryFormsPerProfileOfTheClientsInCare() throws Exception {
        DeliveryFormFigures.FormTable zk10 = deliveryForms.deliveryForms("ZK10", LocalDate.of(2024, 7, 1));
        DeliveryFormFigures.FormRow ggz03w = zk10.rows().stream()
                .filter(r -> r.profile().code().equals("GGZ03W"))
                .findFirst()
                .orElseThrow();
        assertThat(ggz03w.total()).isEqualTo(2);
        assertThat(ggz03w.clients())
                .containsEntry("VERBLIJF", 1L)
                .containsEntry("PGB", 1L)
                .containsEntry("MPT", 1L)
                .containsEntry("VPT", 0L);
        assertThat(ggz03w.share("VERBLIJF")).isEqualTo(50.0);
        DeliveryFormFigures.FormRow ggz05w = zk10.rows().stream()
                .filter(r -> r.profile().code().equals("GGZ05W"))
                .findFirst()
                .orElseThrow();
        assertThat(ggz05w.clients()).containsEntry("VPT", 1L);
        // all profiles together, for the region as for NL: the clients in care by form, each the sum of its profiles
        DeliveryFormFigures.FormRow all = zk10.allProfiles();
        assertThat(all.profile().code()).isEqualTo("ALL");
        assertThat(all.total())
                .isEqualTo(zk10.rows().stream()
                        .filter(r -> r != all)
                        .mapToLong(DeliveryFormFigures.FormRow::total)
                        .sum());
        assertThat(all.clients().get("VERBLIJF"))
                .isEqualTo(zk10.rows().stream()
                        .filter(r -> r != all)
                        .mapToLong(r -> r.clients().get("VERBLIJF"))
                        .sum());
        // shown only where every profile it adds up is shown, so it gives no hidden profile away
        assertThat(all.cell("VERBLIJF").suppressed()).isTrue();
        DeliveryFormFigures.FormRow national =
                deliveryForms.deliveryForms("NL", LocalDate.of(2024, 7, 1)).rows().stream()
                        .filter(r -> r.profile().code().equals("ALL"))
                        .findFirst()
                        .orElseThrow();
        assertThat(national.total()).isEqualTo(4);
        assertThat(national.clients()).containsEntry("VERBLIJF", 2L);

        JsonNode answer = json.readTree(WebSession.anonymous(port)
                .getJson("/api/v1/figures/delivery-forms?region=ZK10&date=2024-07-01")
                .body());
        JsonNode line = answer.get("rows").get(2); // GGZ03W
        assertThat(line.get("code").asText()).isEqualTo("GGZ03W");
        assertThat(line.get("clients").get("PGB").get("display").asText()).isEqualTo("<5");
        assertThat(line.get("share").path("PGB").isNumber())
                .as("a share of hidden cells would give them away")
                .isFalse();
    }

    @Test
    void flowsBetweenRegionsInAYear() throws Exception {
        // HANDC is indicated in ZK01 and cared for in ZK10; MOVER moves from ZK01 to ZK10 in 2024
        FlowFigures.Flows zk10 = flows.flows("ZK10", 2024);
        assertThat(zk10.count(FlowFigures.Flow.CARED_HERE_INDICATED_ELSEWHERE)).isEqualTo(1);
        assertThat(zk10.count(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE)).isZero();
        assertThat(zk10.count(FlowFigures.Flow.MOVED_IN)).isEqualTo(1);
        assertThat(zk10.count(FlowFigures.Flow.MOVED_OUT)).isZero();
        FlowFigures.Flows zk01 = flows.flows("ZK01", 2024);
        assertThat(zk01.count(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE)).isEqualTo(1);
        assertThat(zk01.count(FlowFigures.Flow.MOVED_OUT)).isEqualTo(1);
        assertThat(zk01.count(FlowFigures.Flow.MOVED_IN)).isZero();
        FlowFigures.Flows national = flows.flows("NL", 2024);
        assertThat(national.count(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE))
                .isEqualTo(1);
        assertThat(national.count(FlowFigures.Flow.MOVED_IN)).isEqualTo(1);
        assertThat(flows.flows("ZK10", 2023).count(FlowFigures.Flow.MOVED_IN)).isZero();

        String page = WebSession.anonymous(port).get("/regions/ZK10?year=2024").body();
        assertThat(page)
                .contains("Cijfers Haaglanden (ZK10)")
                .contains("€\u00a0166,67")
                .contains("Verhuisd naar de regio");
        JsonNode answer = json.readTree(WebSession.anonymous(port)
                .getJson("/api/v1/figures/flows?region=ZK10&year=2024")
                .body());
        assertThat(answer.get("movedIn").get("display").asText()).isEqualTo("<5");
        assertThat(answer.get("movedOut").get("display").asText()).isEqualTo("0");
        JsonNode exchange = answer.get("doorstroom").get(0);
        assertThat(answer.get("doorstroom")).hasSize(1);
        assertThat(exchange.get("name").asText()).isEqualTo("Amstelland en De Meerlanden");
        assertThat(exchange.get("movedFrom").get("display").asText()).isEqualTo("<5");
        assertThat(exchange.get("movedTo").get("display").asText()).isEqualTo("0");
    }

    @Test
    void doorstroomNamesTheOtherRegionsAndAddsUpToTheMoves() throws Exception {
        // MOVER moved from ZK01 to ZK10 in 2024: one pair, both sides of it one cell
        FlowFigures.Doorstroom zk10 = flows.doorstroom("ZK10", 2024);
        assertThat(zk10.name()).isEqualTo("Haaglanden");
        assertThat(zk10.others()).extracting(FlowFigures.Exchange::name).containsExactly("Amstelland en De Meerlanden");
        assertThat(zk10.others().get(0).movedFrom()).isEqualTo(1);
        assertThat(zk10.others().get(0).movedTo()).isZero();
        assertThat(zk10.movedIn())
                .isEqualTo(zk10.others().stream()
                        .mapToLong(FlowFigures.Exchange::movedFrom)
                        .sum());
        FlowFigures.Doorstroom zk01 = flows.doorstroom("ZK01", 2024);
        assertThat(zk01.others()).extracting(FlowFigures.Exchange::code).containsExactly("ZK10");
        assertThat(zk01.others().get(0).movedToCell())
                .isEqualTo(zk10.others().get(0).movedFromCell());
        assertThat(flows.doorstroom("ZK10", 2023).others()).isEmpty();
        assertThat(flows.doorstroom("NL", 2024).others()).isEmpty();
        assertThat(flows.doorstroom("NL", 2024).movedIn()).isEqualTo(1);

        String page = WebSession.anonymous(port).get("/regions/ZK10?year=2024").body();
        // label, weg naar, vanuit: the name, never the code
        assertThat(PublishedOutputs.pageTable(page, "doorstroom"))
                .containsExactly(List.of("Amstelland en De Meerlanden", "0", "<5"), List.of("Totaal", "0", "<5"));
        assertThat(page)
                .contains("Doorstroom regio")
                .contains("Cliënt gaat weg uit de regio naar")
                .contains("Cliënt komt naar de regio vanuit");
    }
}
