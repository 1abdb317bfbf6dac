package nl.regiomonitor.security;

import static nl.regiomonitor.security.AccessMatrix.NATIONAL;
import static nl.regiomonitor.security.AccessMatrix.OWNER;
import static nl.regiomonitor.security.AccessMatrix.PASSWORD;
import static nl.regiomonitor.security.AccessMatrix.PLAN_AUTHORS;
import static nl.regiomonitor.security.AccessMatrix.REGION;
import static nl.regiomonitor.security.AccessMatrix.REGION_OR_NATIONAL;
import static nl.regiomonitor.security.AccessMatrix.SIGNED_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import nl.regiomonitor.security.AccessMatrix.Actor;
import nl.regiomonitor.security.AccessMatrix.Case;

/** The lines of the {@link AccessMatrix} for plans of action, through the API and the pages, and the plans they try. */
final class PlanAccessCases {

    private final int port;
    private final JdbcTemplate jdbc;
    private final AtomicInteger counter;

    /** The counter is the matrix's, so every title it makes is new. */
    PlanAccessCases(int port, JdbcTemplate jdbc, AtomicInteger counter) {
        this.port = port;
        this.jdbc = jdbc;
        this.counter = counter;
    }

    /**
     * Plans van aanpak of {@link AccessMatrix#REGION}: read by every role there and nationally, written and submitted by
     * its care office and municipalities, progress also by its providers (on the actions their organisation owns),
     * commented on by its client representatives, reviewed by the national programme only.
     */
    List<Case> api() {
        Plans plans = plans();
        String plan = "/api/v1/plans/" + plans.target();
        return List.of(
                new Case("GET /api/v1/programmes", "", SIGNED_IN, c -> c.api().getJson("/api/v1/programmes")),
                new Case(
                        "POST /api/v1/programmes",
                        "",
                        NATIONAL,
                        c -> c.api()
                                .sendJson(
                                        "POST",
                                        "/api/v1/programmes",
                                        "{\"name\":\"Programma " + counter.incrementAndGet()
                                                + "\",\"deadline\":\"2030-12-31\",\"monthlyAim\":100}",
                                        Map.of())),
                new Case("GET /api/v1/plans", "", SIGNED_IN, c -> c.api().getJson("/api/v1/plans")),
                new Case(
                        "POST /api/v1/plans",
                        "",
                        PLAN_AUTHORS,
                        c -> c.api().sendJson("POST", "/api/v1/plans", planJson(plans.programme()), Map.of())),
                new Case(
                        "GET /api/v1/plans/{plan}",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.api().getJson(plan)),
                new Case(
                        "PUT /api/v1/plans/{plan}",
                        "",
                        PLAN_AUTHORS,
                        c -> c.api()
                                .sendJson(
                                        "PUT",
                                        plan,
                                        planJson(plans.programme()),
                                        Map.of(
                                                "If-Match",
                                                "\""
                                                        + jdbc.queryForObject(
                                                                "select lock_version from action_plan where id = ?",
                                                                Integer.class,
                                                                plans.target())
                                                        + "\""))),
                new Case(
                        "POST /api/v1/plans/{plan}/submit",
                        "",
                        PLAN_AUTHORS,
                        c -> c.api()
                                .sendJson(
                                        "POST",
                                        "/api/v1/plans/" + plans.drafts().get(c.actor()) + "/submit",
                                        "",
                                        Map.of())),
                new Case(
                        "POST /api/v1/plans/{plan}/accept",
                        "",
                        EnumSet.of(Actor.LANDELIJK),
                        c -> c.api().sendJson("POST", "/api/v1/plans/" + plans.toAccept() + "/accept", "", Map.of())),
                new Case(
                        "POST /api/v1/plans/{plan}/return",
                        "",
                        EnumSet.of(Actor.LANDELIJK),
                        c -> c.api()
                                .sendJson(
                                        "POST",
                                        "/api/v1/plans/" + plans.toReturn() + "/return",
                                        "{\"comment\":\"Graag aanvullen\"}",
                                        Map.of())),
                new Case(
                        "GET /api/v1/plans/{plan}.docx",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.api().getAny(plan + ".docx")),
                new Case(
                        "GET /api/v1/plans/{plan}.pdf",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.api().getAny(plan + ".pdf")),
                new Case(
                        "GET /api/v1/plans/{plan}/versions",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.api().getJson(plan + "/versions")),
                new Case(
                        "GET /api/v1/plans/{plan}/versions/{number}",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.api().getJson(plan + "/versions/1")),
                new Case(
                        "POST /api/v1/plans/{plan}/actions/{action}/progress",
                        "",
                        EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.GEMEENTE_OWN, Actor.AANBIEDER_OWN),
                        c -> c.api()
                                .sendJson(
                                        "POST",
                                        plan + "/actions/" + firstAction(plans.target()) + "/progress",
                                        "{\"status\":\"RUNNING\",\"note\":\"Voortgang " + counter.incrementAndGet()
                                                + "\"}",
                                        Map.of())),
                new Case(
                        "GET /api/v1/plans/{plan}/comments",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.api().getJson(plan + "/comments")),
                new Case(
                        "POST /api/v1/plans/{plan}/comments",
                        "",
                        EnumSet.of(Actor.CLIENTVERTEGENWOORDIGING_OWN),
                        c -> c.api()
                                .sendJson(
                                        "POST",
                                        plan + "/comments",
                                        "{\"section\":\"TARGET_GROUP\",\"text\":\"Reactie " + counter.incrementAndGet()
                                                + "\"}",
                                        Map.of())));
    }

    /** Plans to try the rules on: one to read and edit, a draft per actor to submit, a submitted one to accept and one to return. */
    private record Plans(long programme, long target, Map<Actor, Long> drafts, long toAccept, long toReturn) {}

    private Plans plans() {
        WebSession author = WebSession.basic(port, Actor.ZORGKANTOOR_OWN.username(), PASSWORD);
        long programme = jdbc.queryForObject("select min(id) from programme", Long.class);
        long target = newPlan(author, programme);
        // every actor submits a draft of its own, so an allowed submit leaves the others a draft to try
        Map<Actor, Long> drafts = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            drafts.put(actor, newPlan(author, programme));
        }
        long toAccept = newPlan(author, programme);
        long toReturn = newPlan(author, programme);
        for (long id : List.of(toAccept, toReturn)) {
            assertThat(author.sendJson("POST", "/api/v1/plans/" + id + "/submit", "", Map.of())
                            .status())
                    .isEqualTo(200);
        }
        return new Plans(programme, target, drafts, toAccept, toReturn);
    }

    /** The plan pages: the same rules as the API, on plans of their own so the API lines keep theirs. */
    List<Case> pages() {
        Plans plans = plans();
        String plan = "/plannen/" + plans.target();
        return List.of(
                new Case("GET /plannen", "", SIGNED_IN, c -> c.page().get("/plannen")),
                new Case(
                        "GET /regions/{region}/plannen",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.page().get("/regions/" + REGION + "/plannen")),
                new Case(
                        "GET /regions/{region}/plannen/nieuw",
                        "",
                        PLAN_AUTHORS,
                        c -> c.page().get("/regions/" + REGION + "/plannen/nieuw")),
                new Case(
                        "POST /regions/{region}/plannen/nieuw",
                        "",
                        PLAN_AUTHORS,
                        c -> c.page()
                                .postForm(
                                        "/regions/" + REGION + "/plannen/nieuw",
                                        Map.of(
                                                "title",
                                                "Plan " + counter.incrementAndGet(),
                                                "programmeId",
                                                String.valueOf(plans.programme()),
                                                "regions",
                                                REGION))),
                new Case(
                        "GET /plannen/{plan}",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.page().get(plan)),
                new Case(
                        "GET /plannen/{plan}/versies",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.page().get(plan + "/versies?a=1&b=1")),
                new Case(
                        "GET /plannen/{plan}/bewerken",
                        "",
                        PLAN_AUTHORS,
                        c -> c.page().get(plan + "/bewerken")),
                new Case(
                        "POST /plannen/{plan}/bewerken",
                        "",
                        PLAN_AUTHORS,
                        c -> c.page()
                                .postForm(
                                        plan + "/bewerken",
                                        Map.of(
                                                "lockVersion",
                                                String.valueOf(jdbc.queryForObject(
                                                        "select lock_version from action_plan where id = ?",
                                                        Integer.class,
                                                        plans.target())),
                                                "title",
                                                "Plan " + counter.incrementAndGet(),
                                                "regions",
                                                REGION,
                                                "actions[0].id",
                                                String.valueOf(firstAction(plans.target())),
                                                "actions[0].paragraph",
                                                "5a",
                                                "actions[0].description",
                                                "Overleg",
                                                "actions[0].owner",
                                                OWNER,
                                                "actions[0].timeline",
                                                "Continu"))),
                new Case(
                        "POST /plannen/{plan}/indienen",
                        "",
                        PLAN_AUTHORS,
                        c -> c.page().postForm("/plannen/" + plans.drafts().get(c.actor()) + "/indienen", Map.of())),
                new Case(
                        "POST /plannen/{plan}/accepteren",
                        "",
                        EnumSet.of(Actor.LANDELIJK),
                        c -> c.page().postForm("/plannen/" + plans.toAccept() + "/accepteren", Map.of())),
                new Case(
                        "POST /plannen/{plan}/terugsturen",
                        "",
                        EnumSet.of(Actor.LANDELIJK),
                        c -> c.page()
                                .postForm(
                                        "/plannen/" + plans.toReturn() + "/terugsturen",
                                        Map.of("comment", "Graag aanvullen"))),
                new Case(
                        "POST /plannen/{plan}/acties/{action}/voortgang",
                        "",
                        EnumSet.of(Actor.ZORGKANTOOR_OWN, Actor.GEMEENTE_OWN, Actor.AANBIEDER_OWN),
                        c -> c.page()
                                .postForm(
                                        plan + "/acties/" + firstAction(plans.target()) + "/voortgang",
                                        Map.of("status", "RUNNING", "note", "Loopt"))),
                new Case(
                        "POST /plannen/{plan}/reacties",
                        "",
                        EnumSet.of(Actor.CLIENTVERTEGENWOORDIGING_OWN),
                        c -> c.page()
                                .postForm(plan + "/reacties", Map.of("text", "Reactie " + counter.incrementAndGet()))));
    }

    /** The plan's first action now: a PUT without action ids replaces them. */
    private long firstAction(long plan) {
        return jdbc.queryForObject("select min(id) from plan_action where plan_id = ?", Long.class, plan);
    }

    /** A complete draft plan of {@link AccessMatrix#REGION}, made through the API by its care office. */
    private long newPlan(WebSession author, long programme) {
        Response created = author.sendJson("POST", "/api/v1/plans", planJson(programme), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private String planJson(long programme) {
        StringBuilder sections = new StringBuilder();
        for (String section : List.of(
                "MUNICIPALITIES",
                "PARTIES",
                "BACKGROUND",
                "CURRENT_SITUATION",
                "TARGET_GROUP",
                "PRECONDITIONS",
                "PROJECT_STRUCTURE",
                "MONITORING",
                "EXPERIENCES")) {
            sections.append(sections.isEmpty() ? "" : ",")
                    .append("\"")
                    .append(section)
                    .append("\":{\"text\":\"Tekst\"}");
        }
        return "{\"programmeId\":" + programme + ",\"title\":\"Plan " + counter.incrementAndGet() + "\",\"regions\":[\""
                + REGION + "\"],"
                + "\"sections\":{" + sections + "},"
                + "\"objectives\":[{\"description\":\"Instroom daalt\",\"figure\":\"INFLUX_GGZ_W\",\"direction\":\"DOWN\",\"targetDate\":\"2030-12-31\"}],"
                + "\"actions\":[{\"paragraph\":\"5a. Samenwerken\",\"description\":\"Overleg\",\"owner\":\"" + OWNER
                + "\",\"timeline\":\"Continu\"}],"
                + "\"milestones\":[{\"activity\":\"Start\",\"milestone\":\"Gestart\",\"dueDate\":\"2030-01-01\"}]}";
    }
}
