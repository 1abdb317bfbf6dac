package nl.regiomonitor.security;

import static nl.regiomonitor.security.SecurityFixtures.PASSWORD;
import static nl.regiomonitor.security.SecurityFixtures.trailOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** The audit trail: every kind of event with before and after, append-only, and its page and CSV for the right people only. */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyKindOfEventIsInTheTrailWithBeforeAndAfterValues() throws Exception {
        WebSession.loggedIn(port, "zorgkantoor.amstelland", "demo-wachtwoord");
        WebSession.anonymous(port).login("zorgkantoor.amstelland", "verkeerd-wachtwoord");
        assertThat(trailOf(audit, "zorgkantoor.amstelland"))
                .extracting(AuditEvent::action)
                .contains(AuditAction.LOGIN, AuditAction.LOGIN_FAILED);

        AppUser created = users.create(
                "audit.test", "Audit Test", "Zorgaanbieder Oost", PASSWORD, List.of(new Grant(Role.AANBIEDER, "ZK01")));
        users.change(
                created.id(),
                "Audit Test (gewijzigd)",
                "Zorgaanbieder West",
                true,
                List.of(new Grant(Role.AANBIEDER, "ZK10")));
        users.delete(created.id());
        List<AuditEvent> userEvents = audit.search(AuditFilter.all().containing("audit.test"), 10);
        AuditEvent create = userEvents.stream()
                .filter(e -> e.action() == AuditAction.CREATE)
                .findFirst()
                .orElseThrow();
        assertThat(create.before()).isNull();
        assertThat(create.after().get("naam").asText()).isEqualTo("Audit Test");
        AuditEvent change = userEvents.stream()
                .filter(e -> e.action() == AuditAction.CHANGE)
                .findFirst()
                .orElseThrow();
        assertThat(change.before().get("naam").asText()).isEqualTo("Audit Test");
        assertThat(change.before().get("rollen").toString()).contains("Zorgaanbieder ZK01");
        assertThat(change.after().get("naam").asText()).isEqualTo("Audit Test (gewijzigd)");
        assertThat(change.after().get("rollen").toString()).contains("Zorgaanbieder ZK10");
        assertThat(change.before().get("organisatie").asText()).isEqualTo("Zorgaanbieder Oost");
        assertThat(change.after().get("organisatie").asText()).isEqualTo("Zorgaanbieder West");
        AuditEvent delete = userEvents.stream()
                .filter(e -> e.action() == AuditAction.DELETE)
                .findFirst()
                .orElseThrow();
        assertThat(delete.before().get("gebruikersnaam").asText()).isEqualTo("audit.test");
        assertThat(delete.after()).isNull();
        assertThat(userEvents.toString()).doesNotContain("{bcrypt}").doesNotContain(PASSWORD);

        Response started = WebSession.basic(port, "zorgkantoor.amstelland", "demo-wachtwoord")
                .postFile(
                        "/api/v1/imports?region=ZK01",
                        Map.of("type", "waitlist"),
                        "audit-wachtlijst.csv",
                        "snapshot_date;client_id;region_code;profile_code;wait_status\n2024-06-30;AUDITWAIT1;ZK01;GGZ03W;ACTIEF\n");
        assertThat(started.status()).isEqualTo(202);
        AuditEvent imported = awaitEvent("audit-wachtlijst.csv");
        assertThat(imported.action()).isEqualTo(AuditAction.IMPORT);
        assertThat(imported.actor()).isEqualTo("zorgkantoor.amstelland");
        assertThat(imported.region()).isEqualTo("ZK01");
        assertThat(imported.after().get("status").asText()).isEqualTo("LOADED");

        // the trail is append-only, whatever goes around the application
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'iemand' where id = ?", imported.id()))
                .hasMessageContaining("audittrail kan niet worden gewijzigd");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", imported.id()))
                .hasMessageContaining("audittrail kan niet worden gewijzigd");
    }

    private AuditEvent awaitEvent(String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<AuditEvent> found = audit.search(AuditFilter.all().containing(text), 1);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Geen auditregel met " + text);
    }

    @Test
    void theAuditCsvIsDownloadedWholeWithoutABrokenStream(CapturedOutput output) {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        Response csv = admin.getAny("/admin/audit.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFnummer;tijdstip").contains("Ingelogd");
        assertThat(output.getAll()).doesNotContain("Stream closed");
    }

    @Test
    void theAuditTrailPageFiltersAndExportsAsCsvForTheRightPeopleOnly() {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        Response filtered = admin.get("/admin/audit?action=LOGIN&actor=beheerder");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).contains("Ingelogd").doesNotContain("Geïmporteerd</td>");
        Response csv = admin.get("/admin/audit.csv?action=IMPORT");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("\uFEFFnummer;tijdstip;wie;actie")
                .contains("demo-indications.csv")
                .doesNotContain("Ingelogd");

        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        assertThat(careOffice.get("/regions/ZK10/audit").status()).isEqualTo(200);
        assertThat(careOffice.get("/regions/ZK10/audit.csv").status()).isEqualTo(200);
        assertThat(careOffice.get("/regions/ZK01/audit").status()).isEqualTo(403);
        assertThat(careOffice.get("/admin/audit").status()).isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "landelijk", "demo-wachtwoord")
                        .get("/regions/ZK10/audit")
                        .status())
                .isEqualTo(403);
        assertThat(WebSession.anonymous(port).get("/admin/audit.csv").location())
                .endsWith("/login");
    }
}
