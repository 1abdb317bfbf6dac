package nl.regiomonitor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.publication.PublicationService;

/**
 * Issue 13's differential test for the trend: moving clients between two profiles that are both {@code <5}
 * in a region and month changes no count an outsider sees, so it must change no public trend answer either.
 */
class HiddenCountsTest extends IntegrationTest {

    private static final int THRESHOLD = 5;
    private static final int CASES = 2;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublicationService publications;

    /** One client of {@code from}'s profile in a region and month, with their origin and age band, to move to profile {@code to}. */
    record Move(String region, LocalDate month, String from, String to, String origin, String ageBand) {
        Move back() {
            return new Move(region, month, to, from, origin, ageBand);
        }
    }

    @Test
    void movingClientsBetweenTwoHiddenProfilesChangesNoPublicAnswer() {
        List<List<Move>> cases = movesBetweenHiddenProfiles();
        assertThat(cases)
                .as(
                        "two months of a quarter with two regions whose two GGZ-W profiles have 1 to 4 clients in the demo data")
                .hasSize(CASES);
        // the answers before come from a publication of the data as it is now, not one an earlier test left behind;
        // each case puts the data back and publishes them again for the next
        dataChanged();
        for (List<Move> moves : cases) {
            List<String> scopes = List.of(moves.get(0).region(), moves.get(2).region(), "NL");
            Map<String, String> before = publicAnswers(scopes);
            moves.forEach(this::move);
            dataChanged();
            try {
                Map<String, String> after = publicAnswers(scopes);
                assertThat(after.keySet()).isEqualTo(before.keySet());
                before.forEach((question, answer) -> assertThat(firstDifference(answer, after.get(question)))
                        .as("%s after %s", question, moves)
                        .isNull());
            } finally {
                moves.forEach(m -> move(m.back()));
                dataChanged();
            }
        }
    }

    /**
     * Two months of one quarter and two regions in which, for two profiles P and Q, eight cells are small (1 to 4)
     * with room: in the first region one client goes from P to Q in the first month and one from Q to P in the
     * second; in the second region the other way round. Every cell stays within 1 to 4, and every total — of each
     * region, per profile of NL, and per profile of each quarter and year — stays the same, so nothing an outsider
     * sees changes. Found on the true counts, as only a test can.
     */
    private List<List<Move>> movesBetweenHiddenProfiles() {
        List<Map<String, Object>> cells = jdbc.queryForList("""
                select region_code, month, profile_code, sum(clients) as clients from influx_count
                group by region_code, month, profile_code having sum(clients) between 1 and ?
                order by month desc, region_code, profile_code""", THRESHOLD - 1);
        // month -> region -> profile -> clients, of the cells with 1 to 4 clients
        Map<LocalDate, Map<String, Map<String, Long>>> small = new LinkedHashMap<>();
        cells.forEach(c -> small.computeIfAbsent(((Date) c.get("month")).toLocalDate(), k -> new LinkedHashMap<>())
                .computeIfAbsent((String) c.get("region_code"), k -> new LinkedHashMap<>())
                .put((String) c.get("profile_code"), ((Number) c.get("clients")).longValue()));
        List<List<Move>> cases = new ArrayList<>();
        Set<String> usedRegions = new HashSet<>();
        for (LocalDate first : small.keySet()) {
            for (LocalDate second : small.keySet()) {
                boolean sameQuarter = first.getYear() == second.getYear()
                        && (first.getMonthValue() - 1) / 3 == (second.getMonthValue() - 1) / 3;
                if (!sameQuarter || !first.isBefore(second) || cases.size() == CASES) {
                    continue;
                }
                List<Move> found = compensatingMoves(first, second, small.get(first), small.get(second), usedRegions);
                if (found != null) {
                    cases.add(found);
                    found.forEach(m -> usedRegions.add(m.region()));
                }
            }
        }
        return cases;
    }

    private List<Move> compensatingMoves(
            LocalDate m1,
            LocalDate m2,
            Map<String, Map<String, Long>> first,
            Map<String, Map<String, Long>> second,
            Set<String> usedRegions) {
        for (String a : first.keySet()) {
            for (String b : first.keySet()) {
                if (a.equals(b)
                        || usedRegions.contains(a)
                        || usedRegions.contains(b)
                        || !second.containsKey(a)
                        || !second.containsKey(b)) {
                    continue;
                }
                for (String p : first.get(a).keySet()) {
                    for (String q : first.get(a).keySet()) {
                        // goes down: at least 2; goes up: at most threshold - 2
                        if (!p.equals(q)
                                && atLeast(first, a, p, 2)
                                && atMost(first, a, q)
                                && atLeast(second, a, q, 2)
                                && atMost(second, a, p)
                                && atLeast(first, b, q, 2)
                                && atMost(first, b, p)
                                && atLeast(second, b, p, 2)
                                && atMost(second, b, q)) {
                            return List.of(
                                    oneClient(a, m1, p, q),
                                    oneClient(a, m2, q, p),
                                    oneClient(b, m1, q, p),
                                    oneClient(b, m2, p, q));
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean atLeast(Map<String, Map<String, Long>> month, String region, String profile, long least) {
        Long clients = month.get(region).get(profile);
        return clients != null && clients >= least;
    }

    private static boolean atMost(Map<String, Map<String, Long>> month, String region, String profile) {
        Long clients = month.get(region).get(profile);
        return clients != null && clients <= THRESHOLD - 2;
    }

    /** A client of {@code from}'s profile in a region and month, keeping their origin and age band, to move to {@code to}. */
    private Move oneClient(String region, LocalDate month, String from, String to) {
        Map<String, Object> row = jdbc.queryForList(
                        "select origin, age_band from influx_count where region_code = ? and month = ? "
                                + "and profile_code = ? and clients > 0 order by origin, age_band limit 1",
                        region,
                        month,
                        from)
                .get(0);
        return new Move(region, month, from, to, (String) row.get("origin"), (String) row.get("age_band"));
    }

    /** Where two answers first differ, with some context, or null when they are the same. */
    private static String firstDifference(String before, String after) {
        if (before.equals(after)) {
            return null;
        }
        int i = 0;
        while (i < Math.min(before.length(), after.length()) && before.charAt(i) == after.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 120);
        return "before: …" + before.substring(from, Math.min(before.length(), i + 60)) + "… after: …"
                + after.substring(from, Math.min(after.length(), i + 60)) + "…";
    }

    private static long count(Map<String, Object> cell) {
        return ((Number) cell.get("clients")).longValue();
    }

    /**
     * Moves one client in the derived influx table, as a corrected import of the indication's profile would.
     * The figures are worked out again after {@link #dataChanged}.
     */
    private void move(Move move) {
        jdbc.update(
                "update influx_count set clients = clients - 1 where region_code = ? and month = ? and profile_code = ? "
                        + "and origin = ? and age_band = ?",
                move.region(),
                move.month(),
                move.from(),
                move.origin(),
                move.ageBand());
        if (jdbc.update(
                        "update influx_count set clients = clients + 1 where region_code = ? and month = ? and profile_code = ? "
                                + "and origin = ? and age_band = ?",
                        move.region(),
                        move.month(),
                        move.to(),
                        move.origin(),
                        move.ageBand())
                == 0) {
            jdbc.update(
                    "insert into influx_count (month, region_code, profile_code, origin, age_band, clients) values (?, ?, ?, ?, ?, 1)",
                    move.month(),
                    move.region(),
                    move.to(),
                    move.origin(),
                    move.ageBand());
        }
        jdbc.update("delete from influx_count where clients = 0");
    }

    /** Builds a new publication from the changed data, as an import does, and waits until it is current. */
    private void dataChanged() {
        publications.rebuild("differentiaaltest");
    }

    /** Every public answer about the regions and NL: the influx tables (API and CSV), the region page, and the trend for every window, total and per profile, in the API and on the Instroommonitor page. */
    private Map<String, String> publicAnswers(List<String> scopes) {
        Map<String, String> answers = new LinkedHashMap<>();
        scopes.forEach(scope -> answers.putAll(publicAnswers(scope)));
        return answers;
    }

    private Map<String, String> publicAnswers(String region) {
        WebSession visitor = WebSession.anonymous(port);
        List<String> profiles = jdbc.queryForList(
                "select code from care_profile where series = 'GGZ-W' order by sort_order", String.class);
        Map<String, String> answers = new LinkedHashMap<>();
        // the influx tables for every breakdown, their download and the region's own page
        for (String by : List.of("none", "profile", "origin", "ageband")) {
            for (String period : List.of("month", "quarter", "year", "rolling12")) {
                String query = "?region=" + region + "&" + windows().get(0) + "&by=" + by + "&period=" + period;
                answers.put(
                        "figures" + query,
                        visitor.getJson("/api/v1/figures/influx" + query).body());
            }
        }
        String whole = "?region=" + region + "&" + windows().get(0);
        answers.put(
                "/instroom.csv" + whole, new String(visitor.getBytes("/instroom.csv" + whole), StandardCharsets.UTF_8));
        answers.put(
                "/regions/" + region,
                "NL".equals(region)
                        ? ""
                        : visitor.get("/regions/" + region)
                                .body()
                                .replaceAll("(name=\"_csrf\"[^>]*(content|value)=\")[^\"]*", "$1"));
        for (String period : windows()) {
            String query = "?region=" + region + "&" + period;
            // the page's form token differs per visit, by design
            answers.put(
                    "/instroom" + query,
                    visitor.get("/instroom" + query)
                            .body()
                            .replaceAll("(name=\"_csrf\"[^>]*(content|value)=\")[^\"]*", "$1"));
            answers.put(
                    "trend" + query,
                    visitor.getJson("/api/v1/trend/influx" + query).body());
            for (String profile : profiles) {
                answers.put(
                        "trend" + query + "&profile=" + profile,
                        visitor.getJson("/api/v1/trend/influx" + query + "&profile=" + profile)
                                .body());
            }
        }
        return answers;
    }

    /** The product's windows, as from/to: the whole series and every calendar year up to the last month with data. */
    private List<String> windows() {
        YearMonth first = YearMonth.from(jdbc.queryForObject("select min(month) from influx_count", LocalDate.class));
        YearMonth last = YearMonth.from(jdbc.queryForObject("select max(month) from influx_count", LocalDate.class));
        List<String> windows = new ArrayList<>(List.of("from=" + first + "&to=" + last));
        for (int year = last.getYear(); year >= first.getYear(); year--) {
            YearMonth from = YearMonth.of(year, 1).isBefore(first) ? first : YearMonth.of(year, 1);
            YearMonth to = YearMonth.of(year, 12).isAfter(last) ? last : YearMonth.of(year, 12);
            windows.add("from=" + from + "&to=" + to);
        }
        return windows;
    }
}
