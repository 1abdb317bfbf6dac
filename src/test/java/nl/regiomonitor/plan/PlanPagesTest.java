package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** The plan pages as a browser without JavaScript uses them: forms, refusals and what a page shows. */
class PlanPagesTest extends IntegrationTest {

    private static final String PASSWORD = "demo-wachtwoord";
    private static final Pattern LOCK_VERSION = Pattern.compile("name=\"lockVersion\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlanService plans;

    /**
     * A copy of the demo's joint plan for Haaglanden (ZK10), submitted as version 1 with the texts as the API
     * keeps them (LF), so a test may change it without touching the demo plan other tests read. Its actions are
     * continuous and its milestones done, so it adds nothing overdue to what other tests count for Haaglanden.
     */
    static long submittedCopyOfTheJointPlan(PlanService plans, JdbcTemplate jdbc, String title) {
        long joint = jdbc.queryForObject(
                "select plan_id from plan_region where region_code = 'ZK28' order by plan_id limit 1", Long.class);
        ActionPlan demo = plans.load(joint, LocalDate.now());
        List<ActionPlan.Action> actions = demo.actions().stream()
                .map(a -> ActionPlan.Action.of(a.paragraph(), a.description(), a.owner(), a.ownerRole(), "Continu"))
                .toList();
        List<ActionPlan.Milestone> milestones = demo.milestones().stream()
                .map(m -> ActionPlan.Milestone.of(m.activity(), m.milestone(), m.dueDate(), true))
                .toList();
        PlanContent copy = PlanContent.titled(title, List.of("ZK10"))
                .withSections(demo.sections())
                .withObjectives(demo.objectives())
                .withActions(actions)
                .withMilestones(milestones);
        return SystemActor.asCareOffice(Set.of("ZK10"), () -> {
            long id = plans.create(demo.programmeId(), copy).id();
            return plans.submit(id, null).id();
        });
    }

    private long newPlan(WebSession author, String title) {
        Response created = author.postForm(
                "/regions/ZK10/plannen/nieuw",
                Map.of(
                        "title",
                        title,
                        "programmeId",
                        String.valueOf(jdbc.queryForObject("select min(id) from programme", Long.class)),
                        "regions",
                        "ZK10"));
        assertThat(created.status()).isEqualTo(302);
        Matcher id = Pattern.compile("/plannen/(\\d+)/bewerken").matcher(created.location());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static String lockVersion(String page) {
        Matcher m = LOCK_VERSION.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Map<String, String> form(String lockVersion, String background) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lockVersion", lockVersion);
        fields.put("title", "Plan voor de paginatest");
        fields.put("regions", "ZK10");
        fields.put("sections[BACKGROUND]", background);
        return fields;
    }

    @Test
    void aStaleSaveIsRefusedAndKeepsTheUsersText() {
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", PASSWORD);
        long id = newPlan(municipality, "Plan voor de paginatest");
        String edit = "/plannen/" + id + "/bewerken";
        String seen = lockVersion(municipality.get(edit).body());

        Response first =
                careOffice.postForm(edit, form(lockVersion(careOffice.get(edit).body()), "Tekst van het zorgkantoor."));
        assertThat(first.status()).isEqualTo(302);

        Response stale = municipality.postForm(edit, form(seen, "Tekst van de gemeente die niet verloren mag gaan."));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body())
                .contains("Iemand anders heeft dit plan opgeslagen terwijl u het bewerkte")
                .contains("Uw wijzigingen zijn niet opgeslagen en staan hieronder nog")
                .contains("Tekst van de gemeente die niet verloren mag gaan.");
        assertThat(jdbc.queryForObject(
                        "select body from plan_section where plan_id = ? and section = 'BACKGROUND'", String.class, id))
                .isEqualTo("Tekst van het zorgkantoor.");
        // the form now carries the current version: saving again is a choice made after the warning
        assertThat(lockVersion(stale.body())).isNotEqualTo(seen);
    }

    @Test
    void anotherRegionsUserMayNotEditThePlan() {
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        long id = newPlan(municipality, "Plan dat Amstelland niet mag wijzigen");
        WebSession other = WebSession.loggedIn(port, "gemeente.amstelland", PASSWORD);
        assertThat(other.get("/plannen/" + id + "/bewerken").status()).isEqualTo(403);
        assertThat(other.get("/plannen/" + id).status()).isEqualTo(403);
        assertThat(other.postForm("/plannen/" + id + "/bewerken", form("0", "Overschreven"))
                        .status())
                .isEqualTo(403);
        assertThat(municipality.get("/plannen/" + id + "/bewerken").status()).isEqualTo(200);
    }

    @Test
    void anObjectiveOfTheJointPlanShowsItsChartAndVerdict() {
        long joint = jdbc.queryForObject(
                "select plan_id from plan_region where region_code = 'ZK28' order by plan_id limit 1", Long.class);
        WebSession provider = WebSession.loggedIn(port, "aanbieder.amstelland", PASSWORD);
        String page = provider.get("/plannen/" + joint).body();
        assertThat(page).contains("ZK01").contains("ZK28").contains("Doelstelling 1");
        String objective = page.substring(
                page.indexOf("id=\"doel-1\""), page.indexOf("</article>", page.indexOf("id=\"doel-1\"")));
        assertThat(objective)
                .contains("<svg")
                .contains("role=\"img\"")
                .contains("Maandelijkse instroom GGZ-W, ZK01 en ZK28 samen");
        assertThat(objective)
                .containsPattern(
                        "class=\"verdict\">(De instroom|Te weinig maanden|Te veel maanden met kleine aantallen)");
        // beneath the chart, where its counts come from and which publication they are
        assertThat(objective)
                .containsPattern(
                        "</figure>\\s*<p class=\"source\">Bron: Regiomonitor Wlz-ggz, indicaties CIZ; cijfers t/m .+, "
                                + "publicatie \\d+ van ");
        // a series without a verdict gets no course beside it; a judged one does
        if (objective.matches("(?s).*class=\"verdict\">(Te weinig maanden|Te veel maanden).*")) {
            assertThat(objective)
                    .contains("Niet te beoordelen met de gepubliceerde cijfers")
                    .doesNotContainPattern("Op koers|Nog niet te beoordelen");
        } else {
            assertThat(objective).containsPattern("Op koers|Niet op koers|Nog niet te beoordelen");
        }
        assertThat(page).contains("Ingediend");
        // the demo plan is followed: progress reported after submitting, with the status it gave the action
        assertThat(page).contains("Brief aan VWS en CIZ verstuurd.").contains("Vertraagd");
    }

    @Test
    void aTargetValueIsWrittenWithADecimalCommaAndNonsenseIsExplainedAtItsField() {
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        long id = newPlan(municipality, "Plan met een streefwaarde");
        String edit = "/plannen/" + id + "/bewerken";
        Map<String, String> fields = form(lockVersion(municipality.get(edit).body()), "Achtergrond.");
        fields.put("objectives[0].description", "Aandeel jongvolwassenen omlaag");
        fields.put("objectives[0].figure", "YOUNG_ADULT_SHARE");
        fields.put("objectives[0].targetValue", "8,5");
        assertThat(municipality.postForm(edit, fields).status()).isEqualTo(302);
        assertThat(jdbc.queryForObject(
                        "select target_value from plan_objective where plan_id = ?", BigDecimal.class, id))
                .isEqualByComparingTo("8.5");
        assertThat(municipality.get(edit).body()).contains("value=\"8,5\"");

        fields.put("lockVersion", lockVersion(municipality.get(edit).body()));
        fields.put("objectives[0].targetValue", "acht");
        Response refused = municipality.postForm(edit, fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("href=\"#objectives-0-targetValue\"")
                .contains("id=\"objectives-0-targetValue-error\"")
                .contains("&#39;acht&#39; is geen geldig getal")
                .contains("Aandeel jongvolwassenen omlaag");
    }

    /** A refused save counts rows as the plan would have them, so the form leaves out the row ticked for removal. */
    @Test
    void aRefusedSavePointsAtTheRowItCountsWhenARowWasTickedForRemoval() {
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        long id = newPlan(municipality, "Plan met een rij die weg moet");
        String edit = "/plannen/" + id + "/bewerken";
        Map<String, String> fields = form(lockVersion(municipality.get(edit).body()), "Achtergrond.");
        fields.put("actions[0].description", "Deze actie moet weg");
        fields.put("actions[0].remove", "true");
        fields.put("actions[1].description", "Te lang ".repeat(300));
        Response refused = municipality.postForm(edit, fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("href=\"#actions-0-description\"")
                .contains("id=\"actions-0-description-error\"")
                .doesNotContain("Deze actie moet weg")
                .contains("Te lang Te lang");
        assertThat(jdbc.queryForObject("select count(*) from plan_action where plan_id = ?", Integer.class, id))
                .isZero();
    }

    /** A plan with everything a submit needs, as the edit form sends it. */
    private static Map<String, String> complete(String lockVersion, String background) {
        Map<String, String> fields = form(lockVersion, background);
        for (PlanSection section : PlanSection.values()) {
            fields.putIfAbsent(
                    "sections[" + section.name() + "]", section.required() ? "Tekst bij " + section.title() : "");
        }
        fields.put("objectives[0].description", "De instroom daalt");
        fields.put("objectives[0].figure", "INFLUX_GGZ_B");
        fields.put("objectives[0].direction", "DOWN");
        fields.put("objectives[0].targetDate", "2030-12-31");
        fields.put("actions[0].paragraph", "5a. Samenwerken");
        fields.put("actions[0].description", "Overleg");
        fields.put("actions[0].owner", "Zorgkantoor");
        fields.put("actions[0].timeline", "Continu");
        fields.put("milestones[0].activity", "Start");
        fields.put("milestones[0].dueDate", "2030-01-01");
        return fields;
    }

    @Test
    void aChangeAfterSubmittingIsTheNextVersionAndTheComparisonMarksWhatChanged() {
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        long id = newPlan(municipality, "Plan in twee versies");
        String edit = "/plannen/" + id + "/bewerken";
        assertThat(municipality
                        .postForm(
                                edit,
                                complete(lockVersion(municipality.get(edit).body()), "Eerste achtergrond."))
                        .status())
                .isEqualTo(302);
        assertThat(municipality
                        .postForm("/plannen/" + id + "/indienen", Map.of())
                        .status())
                .isEqualTo(302);
        String page = municipality.get("/plannen/" + id).body();
        assertThat(page).contains("Ingediend").contains("Dit cijfer wordt (nog) niet per maand gevolgd");

        String frozen = municipality.get(edit).body();
        assertThat(frozen).contains("Als u opslaat, wordt uw wijziging versie 2");
        Response saved = municipality.postForm(edit, complete(lockVersion(frozen), "Tweede achtergrond."));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(municipality
                        .get(saved.location().replaceAll("^https?://[^/]+", ""))
                        .body())
                .contains("Het plan is opgeslagen als versie 2 (concept)");

        String compared =
                municipality.get("/plannen/" + id + "/versies?a=1&b=2").body();
        assertThat(compared)
                .contains("Versie 1 en 2 vergelijken")
                .contains("1 onderdeel is veranderd")
                .contains("<del><span class=\"visually-hidden\">verwijderd: </span>Eerste</del> achtergrond.")
                .contains("<ins><span class=\"visually-hidden\">toegevoegd: </span>Tweede</ins> achtergrond.");
    }

    /**
     * The demo plan saved again as the browser sends it (CRLF), with progress reported in between and one paragraph
     * edited: the comparison shows that one part, its changed words marked, and nothing else.
     */
    @Test
    void theComparisonShowsOnlyTheEditedParagraphNotLineEndingsOrProgress() {
        long id = submittedCopyOfTheJointPlan(plans, jdbc, "Kopie van het gezamenlijke plan voor de vergelijking");
        ActionPlan submitted = plans.load(id, LocalDate.now());
        SystemActor.asCareOffice(
                Set.of("ZK10"),
                () -> plans.reportProgress(
                        id, submitted.actions().get(0).id(), ActionStatus.DELAYED, "Wacht op de gemeenten."));
        ActionPlan followed = plans.load(id, LocalDate.now());
        Map<PlanSection, ActionPlan.Section> crlf = new EnumMap<>(PlanSection.class);
        followed.sections()
                .forEach((section, s) -> crlf.put(
                        section,
                        ActionPlan.Section.of(
                                section,
                                s.text() == null
                                        ? null
                                        : s.text()
                                                .replace("soms te klein zijn", "vaak te klein zijn")
                                                .replace("\n", "\r\n"))));
        SystemActor.asCareOffice(
                Set.of("ZK10"),
                () -> plans.save(id, followed.lockVersion(), followed.content().withSections(crlf)));

        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        String compared = municipality.get("/plannen/" + id + "/versies").body();

        assertThat(compared).contains("Versie 1 en 2 vergelijken").contains("1 onderdeel is veranderd");
        assertThat(compared.split("class=\"flag-changed\">Gewijzigd<").length - 1)
                .isEqualTo(1);
        assertThat(compared)
                .contains("B. Achtergrond en probleemstelling")
                .contains("<del><span class=\"visually-hidden\">verwijderd: </span>soms</del> te klein zijn")
                .contains("<ins><span class=\"visually-hidden\">toegevoegd: </span>vaak</ins> te klein zijn")
                .contains("voortgang wordt bij de acties gevolgd, niet als wijziging van het plan");
    }

    @Test
    void anObjectiveShowsItsUnitBesideTheTargetAndWhatOpKoersIsMeasuredOn() {
        long id = jdbc.queryForObject(
                "select id from action_plan where title = 'Plan van aanpak instroom Wlz-ggz-W Haaglanden'", Long.class);
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        String page = municipality.get("/plannen/" + id).body();
        String objective = page.substring(
                page.indexOf("id=\"doel-1\""), page.indexOf("</article>", page.indexOf("id=\"doel-1\"")));
        assertThat(objective)
                .contains("Streefwaarde: 8% van de instroom GGZ-W")
                .contains(
                        "Dit doel is op koers als het aantal 18–26-jarigen dat per maand instroomt over de laatste 24 gepubliceerde "
                                + "maanden daalt volgens de trendanalyse van de Instroommonitor; niet op koers als het aantoonbaar stijgt.")
                .contains("De streefwaarde is een aandeel en wordt niet tegen dat aantal gehouden.");
        String edit = municipality.get("/plannen/" + id + "/bewerken").body();
        assertThat(edit)
                .contains("aria-describedby=\"objectives-0-targetValue-unit\"")
                .contains("id=\"objectives-0-targetValue-unit\"")
                .contains(">in % van de instroom GGZ-W</span>");
    }

    @Test
    void aProfilesStockIsATableOfReferenceDatesAndProgressIsReportedUnderItsAction() {
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        long id = newPlan(municipality, "Plan met de stand van een profiel");
        String edit = "/plannen/" + id + "/bewerken";
        Map<String, String> fields = complete(lockVersion(municipality.get(edit).body()), "Achtergrond.");
        fields.put("objectives[0].figure", "PROFILE_STOCK");
        fields.put("objectives[0].profileCode", "GGZ03W");
        fields.put("actions[0].owner", "Zorgaanbieder Haaglanden (demo)");
        assertThat(municipality.postForm(edit, fields).status()).isEqualTo(302);
        String page = municipality.get("/plannen/" + id).body();
        assertThat(page).contains("Stand van profiel GGZ03W op 1 oktober, ZK10");
        String objective = page.substring(
                page.indexOf("id=\"doel-1\""), page.indexOf("</article>", page.indexOf("id=\"doel-1\"")));
        assertThat(objective.split("-10-").length - 1).isEqualTo(PlanObjectives.REFERENCE_DATES);

        long action = jdbc.queryForObject("select min(id) from plan_action where plan_id = ?", Long.class, id);
        WebSession provider = WebSession.loggedIn(port, "aanbieder.haaglanden", PASSWORD);
        assertThat(provider.get(edit).status()).isEqualTo(403);
        Response reported = provider.postForm(
                "/plannen/" + id + "/acties/" + action + "/voortgang",
                Map.of("status", "RUNNING", "note", "Eerste overleg gehouden"));
        assertThat(reported.status()).isEqualTo(302);
        assertThat(provider.get("/plannen/" + id).body())
                .contains("aanbieder.haaglanden — status Loopt")
                .contains("Eerste overleg gehouden");
    }
}
