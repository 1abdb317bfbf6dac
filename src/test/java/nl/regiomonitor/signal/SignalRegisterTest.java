package nl.regiomonitor.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.web.Problem;

/** The register service against the real database: checks, audit rows, counts, and all-or-nothing import. */
class SignalRegisterTest extends IntegrationTest {

    @Autowired
    SignalRegister register;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    /** A region without demo entries, so counts are exactly what a test adds. */
    private static final String REGION = "ZK03";

    @Test
    void createChangeAndDeleteWriteAuditRowsWithBeforeAndAfter() {
        RegisterEntry created = register.create(
                REGION,
                new EntryInput("CLIENT_SIGNAL", "2023-03-14", "PASSENDE_ZORG", "", "", "Geen passende woonplek"));
        assertThat(created.year()).isEqualTo(2023);
        assertThat(created.category().name()).isEqualTo("Passende zorg");
        assertThat(created.version()).isZero();

        RegisterEntry changed = register.update(
                REGION,
                created.id(),
                0,
                new EntryInput("CLIENT_SIGNAL", "2023-03-15", "ORGANISATIE", "", "", "Personeel"));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.category().code()).isEqualTo("ORGANISATIE");
        assertThatThrownBy(() -> register.update(
                        REGION, created.id(), 0, new EntryInput("CLIENT_SIGNAL", "2023-03-16", "OVERIG", "", "", "")))
                .isInstanceOf(InvalidEntry.class)
                .hasMessageContaining("intussen gewijzigd");
        assertThat(register.find("ZK10", created.id()))
                .as("an entry belongs to its own region only")
                .isEmpty();

        register.delete(REGION, created.id(), 1);
        assertThat(register.find(REGION, created.id())).isEmpty();

        List<String> trail = jdbc.queryForList("""
                select action || '|' || coalesce(before->>'categorie', '-') || '|' || coalesce(after->>'categorie', '-')
                from audit_event where subject = 'registratie' and subject_id = ? and region_code = ?
                order by id""", String.class, String.valueOf(created.id()), REGION);
        assertThat(trail)
                .containsExactly("CREATE|-|Passende zorg", "CHANGE|Passende zorg|Organisatie", "DELETE|Organisatie|-");
    }

    @Test
    void refusesWithDutchReasonsPerField() {
        assertThatThrownBy(
                        () -> register.create(REGION, new EntryInput("OCO_SIGNAL", "", "", "", "", "x".repeat(2001))))
                .isInstanceOfSatisfying(
                        InvalidEntry.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::field)
                                .containsExactly("date", "category", "description"))
                .hasMessage("Vul de datum in.");
        assertThatThrownBy(
                        () -> register.create(REGION, new EntryInput("LOCATION_VISIT", "1999-12-31", "", "", "", "")))
                .isInstanceOfSatisfying(
                        InvalidEntry.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::message)
                                .containsExactly(
                                        "De datum moet liggen in de jaren 2000 tot en met "
                                                + (LocalDate.now().getYear() + 1) + ".",
                                        "Kies de soort locatie die u bezocht.",
                                        "Vul de naam in: zorgaanbieder (bij een locatiebezoek verplicht)."));
        assertThatThrownBy(
                        () -> register.create("ZK99", new EntryInput("REGIONAL_MEETING", "2024-01-01", "", "", "", "")))
                .isInstanceOf(InvalidEntry.class)
                .hasMessage("Regio 'ZK99' bestaat niet.");
        assertThat(register.list(REGION, 1999)).isEmpty();
    }

    @Test
    void summaryCountsPerKindAndSignalsPerCategory() {
        String region = "ZK04";
        register.create(region, new EntryInput("CLIENT_SIGNAL", "2022-02-01", "ORGANISATIE", "", "", ""));
        register.create(region, new EntryInput("CLIENT_SIGNAL", "2022-05-01", "ORGANISATIE", "", "", ""));
        register.create(region, new EntryInput("OCO_SIGNAL", "2022-06-01", "PASSENDE_WOONPLEK", "", "", ""));
        register.create(region, new EntryInput("LOCATION_VISIT", "2022-07-01", "", "Parnassia", "VPT_LOCATIE", ""));
        register.create(region, new EntryInput("CONTRACTED_PROVIDER", "2022-01-01", "", "Kessler", "", ""));
        register.create(region, new EntryInput("CLIENT_SIGNAL", "2021-12-31", "ORGANISATIE", "", "", ""));

        RegisterSummary summary = register.summary(region, 2022);
        assertThat(summary.count(RegisterKind.CLIENT_SIGNAL)).isEqualTo(2);
        assertThat(summary.count(RegisterKind.OCO_SIGNAL)).isEqualTo(1);
        assertThat(summary.count(RegisterKind.LOCATION_VISIT)).isEqualTo(1);
        assertThat(summary.count(RegisterKind.CONTRACTED_PROVIDER)).isEqualTo(1);
        assertThat(summary.count(RegisterKind.STIMULUS_PROJECT)).isZero();
        assertThat(summary.perKind()).hasSize(RegisterKind.values().length);
        assertThat(summary.signals())
                .extracting(c -> c.category().code() + ":" + c.clientSignals() + "/" + c.ocoSignals())
                .containsExactly(
                        "ORGANISATIE:2/0",
                        "PASSENDE_ZORG:0/0",
                        "KWALITEIT_EN_ZORG:0/0",
                        "PASSENDE_WOONPLEK:0/1",
                        "OVERIG:0/0");
        assertThat(register.summary(region, 2021).count(RegisterKind.CLIENT_SIGNAL))
                .isEqualTo(1);
    }

    @Test
    void importIsAllOrNothing() throws Exception {
        String region = "ZK06";
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, """
                kind;date;category;name;location_kind;description
                CLIENT_SIGNAL;2024-01-10;Passende zorg;;;
                OCO_SIGNAL;2024-02-30;ORGANISATIE;;;
                LOCATION_VISIT;2024-03-01;;Fonteynenburg;;
                """);
        long auditBefore = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        assertThatThrownBy(() -> register.importFile(region, "bad.csv", bad))
                .isInstanceOfSatisfying(
                        InvalidEntry.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::message)
                                .containsExactly(
                                        "Regel 3, kolom date: '2024-02-30' is geen bestaande datum in de vorm jjjj-mm-dd.",
                                        "Regel 4, kolom location_kind: Kies de soort locatie die u bezocht."));
        assertThat(register.list(region, 2024)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class))
                .isEqualTo(auditBefore);

        Path good = folder.resolve("good.csv");
        Files.writeString(good, """
                kind,date,category,name,location_kind,description
                CLIENT_SIGNAL,2024-01-10,Passende zorg,,,
                LOCATION_VISIT,2024-03-01,,Fonteynenburg,WOONLOCATIE,"Rondleiding, met bewoners"
                STIMULUS_PROJECT,2024-04-01,,Behoud personeel,,Medewerkers behouden voor de regio
                """);
        assertThat(register.importFile(region, "good.csv", good)).isEqualTo(3);
        assertThat(register.list(region, 2024))
                .extracting(RegisterEntry::description)
                .containsExactly(null, "Rondleiding, met bewoners", "Medewerkers behouden voor de regio");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'IMPORT' and region_code = ? "
                                + "and after->>'aantal' = '3'",
                        Long.class,
                        region))
                .isEqualTo(1);

        Path header = folder.resolve("header.csv");
        Files.writeString(header, "kind;date;category;name\n");
        assertThatThrownBy(() -> register.importFile(region, "header.csv", header))
                .isInstanceOf(InvalidEntry.class)
                .hasMessage("Regel 1: De kolom 'location_kind' ontbreekt; de kolommen zijn "
                        + "kind;date;category;name;location_kind;description.");
    }
}
