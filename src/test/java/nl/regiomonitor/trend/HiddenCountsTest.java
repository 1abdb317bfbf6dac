package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's differential test for the trend: moving clients between two profiles that are both {@code <5}
 * in a region and month changes no count an outsider sees, so it must change no public trend answer either.
 */
class HiddenCountsTest extends IntegrationTest {

    private static final int THRESHOLD = 5;
    private static final int CASES = 3;
    private static final String TEST_RUN = "differentiaaltest";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** One client of {@code from}'s profile in a region and month, with their origin and age band, to move to profile {@code to}. */
    record Move(String region, LocalDate month, String from, String to, String origin, String ageBand) {
        Move back() {
            return new Move(region, month, to, from, origin, ageBand);
        }
    }

    @Test
    void movingClientsBetweenTwoHiddenProfilesChangesNoPublicTrendAnswer() {
        List<List<Move>> cases = movesBetweenHiddenProfiles();
        assertThat(cases).as("regions and months with two GGZ-W profiles of 1 to 4 clients in the demo data").hasSize(CASES);
        for (List<Move> moves : cases) {
            Move first = moves.get(0);
            Map<String, String> before = publicAnswers(first.region());
            moves.forEach(this::move);
            dataChanged();
            try {
                Map<String, String> after = publicAnswers(first.region());
                assertThat(after.keySet()).isEqualTo(before.keySet());
                before.forEach((question, answer) -> assertThat(firstDifference(answer, after.get(question)))
                        .as("%s after moving %d clients from %s to %s in %s", question, moves.size(), first.from(), first.to(), first.month())
                        .isNull());
            } finally {
                for (int i = moves.size() - 1; i >= 0; i--) {
                    move(moves.get(i).back());
                }
                dataChanged();
            }
        }
        // the data are as before: other tests see the demo data's own import history again
        jdbc.update("delete from import_run where source_name = ?", TEST_RUN);
    }

    /**
     * Several regions, a month each, where two profiles have 1 to 4 clients: as many clients as can go from the
     * first to the second with both staying within 1 to 4 (at least one). Found on the true counts, as only a test can.
     */
    private List<List<Move>> movesBetweenHiddenProfiles() {
        List<Map<String, Object>> cells = jdbc.queryForList("""
                select region_code, month, profile_code, sum(clients) as clients from influx_count
                group by region_code, month, profile_code having sum(clients) between 1 and ?
                order by region_code, month desc, profile_code""", THRESHOLD - 1);
        Map<String, List<Map<String, Object>>> byRegionMonth = new LinkedHashMap<>();
        cells.forEach(c -> byRegionMonth.computeIfAbsent(c.get("region_code") + " " + c.get("month"), k -> new ArrayList<>()).add(c));
        // per region the month and pair of profiles where the most clients can move: the biggest hidden change
        Map<String, Object[]> best = new LinkedHashMap<>();
        for (List<Map<String, Object>> month : byRegionMonth.values()) {
            for (Map<String, Object> from : month) {
                for (Map<String, Object> to : month) {
                    long clients = Math.min(count(from) - 1, THRESHOLD - 1 - count(to));
                    Object[] current = best.get((String) from.get("region_code"));
                    if (from != to && clients >= 1 && (current == null || (long) current[2] < clients)) {
                        best.put((String) from.get("region_code"), new Object[] {from, to, clients});
                    }
                }
            }
        }
        List<List<Move>> cases = new ArrayList<>();
        for (Object[] pair : best.values().stream().sorted((a, b) -> Long.compare((long) b[2], (long) a[2])).limit(CASES).toList()) {
            @SuppressWarnings("unchecked") Map<String, Object> from = (Map<String, Object>) pair[0];
            @SuppressWarnings("unchecked") Map<String, Object> to = (Map<String, Object>) pair[1];
            String region = (String) from.get("region_code");
            LocalDate day = ((java.sql.Date) from.get("month")).toLocalDate();
            List<Move> moves = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("select origin, age_band, clients from influx_count where region_code = ? "
                    + "and month = ? and profile_code = ? and clients > 0", region, day, from.get("profile_code"))) {
                for (int i = 0; i < ((Number) row.get("clients")).intValue() && moves.size() < (long) pair[2]; i++) {
                    moves.add(new Move(region, day, (String) from.get("profile_code"), (String) to.get("profile_code"),
                            (String) row.get("origin"), (String) row.get("age_band")));
                }
            }
            cases.add(moves);
        }
        return cases;
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
        jdbc.update("update influx_count set clients = clients - 1 where region_code = ? and month = ? and profile_code = ? "
                + "and origin = ? and age_band = ?", move.region(), move.month(), move.from(), move.origin(), move.ageBand());
        if (jdbc.update("update influx_count set clients = clients + 1 where region_code = ? and month = ? and profile_code = ? "
                + "and origin = ? and age_band = ?", move.region(), move.month(), move.to(), move.origin(), move.ageBand()) == 0) {
            jdbc.update("insert into influx_count (month, region_code, profile_code, origin, age_band, clients) values (?, ?, ?, ?, ?, 1)",
                    move.month(), move.region(), move.to(), move.origin(), move.ageBand());
        }
        jdbc.update("delete from influx_count where clients = 0");
    }

    /**
     * Makes the figures be worked out again: today they are cached per data version, the latest LOADED import.
     * A publication rebuilt on demand would be rebuilt here instead.
     */
    private void dataChanged() {
        jdbc.update("""
                insert into import_run (id, import_type, source_name, sha256, status, started_at, finished_at, row_count, error_count, message)
                select nextval('import_run_id_seq'), 'indications', ?, '', 'LOADED', now(), now(), 0, 0, 'test'""", TEST_RUN);
    }

    /** Every public trend answer about {@code region}: the API for every window, total and per profile, and the Instroommonitor page. */
    private Map<String, String> publicAnswers(String region) {
        WebSession visitor = WebSession.anonymous(port);
        List<String> profiles = jdbc.queryForList("select code from care_profile where series = 'GGZ-W' order by sort_order", String.class);
        Map<String, String> answers = new LinkedHashMap<>();
        for (String period : windows()) {
            String query = "?region=" + region + "&" + period;
            // the page's form token differs per visit, by design
            answers.put("/instroom" + query, visitor.get("/instroom" + query).body().replaceAll("(name=\"_csrf\"[^>]*(content|value)=\")[^\"]*", "$1"));
            answers.put("trend" + query, visitor.getJson("/api/v1/trend/influx" + query).body());
            for (String profile : profiles) {
                answers.put("trend" + query + "&profile=" + profile, visitor.getJson("/api/v1/trend/influx" + query + "&profile=" + profile).body());
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
