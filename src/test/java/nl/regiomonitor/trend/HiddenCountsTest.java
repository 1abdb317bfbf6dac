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
 * Issue 13's differential test for the trend: moving one client between two profiles that are both {@code <5}
 * in a region and month changes no count an outsider sees, so it must change no public trend answer either.
 */
class HiddenCountsTest extends IntegrationTest {

    private static final int THRESHOLD = 5;
    private static final int CASES = 3;

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
    void movingAClientBetweenTwoHiddenProfilesChangesNoPublicTrendAnswer() {
        List<Move> moves = movesBetweenHiddenProfiles();
        assertThat(moves).as("regions and months with two GGZ-W profiles of 1 to 4 clients in the demo data").hasSize(CASES);
        for (Move move : moves) {
            Map<String, String> before = publicAnswers(move.region());
            apply(move);
            try {
                Map<String, String> after = publicAnswers(move.region());
                assertThat(after.keySet()).isEqualTo(before.keySet());
                before.forEach((question, answer) -> assertThat(after.get(question))
                        .as("%s after moving a client from %s to %s in %s", question, move.from(), move.to(), move.month())
                        .isEqualTo(answer));
            } finally {
                apply(move.back());
            }
        }
    }

    /**
     * Several regions, a month each, where two profiles have 1 to 4 clients, the first at least 2 and the
     * second at most 3, so both stay within 1 to 4 after a move. Found on the true counts, as only a test can.
     */
    private List<Move> movesBetweenHiddenProfiles() {
        List<Move> moves = new ArrayList<>();
        List<Map<String, Object>> cells = jdbc.queryForList("""
                select region_code, month, profile_code, sum(clients) as clients from influx_count
                where month >= (select max(month) from influx_count) - interval '24 months'
                group by region_code, month, profile_code having sum(clients) between 1 and ?
                order by region_code, month desc, profile_code""", THRESHOLD - 1);
        Map<String, List<Map<String, Object>>> byRegionMonth = new LinkedHashMap<>();
        cells.forEach(c -> byRegionMonth.computeIfAbsent(c.get("region_code") + " " + c.get("month"), k -> new ArrayList<>()).add(c));
        List<String> regions = new ArrayList<>();
        for (List<Map<String, Object>> month : byRegionMonth.values()) {
            String region = (String) month.get(0).get("region_code");
            Map<String, Object> from = month.stream().filter(c -> ((Number) c.get("clients")).longValue() >= 2).findFirst().orElse(null);
            Map<String, Object> to = month.stream().filter(c -> c != from && ((Number) c.get("clients")).longValue() <= THRESHOLD - 2)
                    .findFirst().orElse(null);
            if (regions.contains(region) || from == null || to == null || regions.size() == CASES) {
                continue;
            }
            LocalDate day = ((java.sql.Date) from.get("month")).toLocalDate();
            Map<String, Object> client = jdbc.queryForMap("select origin, age_band from influx_count where region_code = ? and month = ? "
                    + "and profile_code = ? and clients > 0 limit 1", region, day, from.get("profile_code"));
            moves.add(new Move(region, day, (String) from.get("profile_code"), (String) to.get("profile_code"),
                    (String) client.get("origin"), (String) client.get("age_band")));
            regions.add(region);
        }
        return moves;
    }

    /**
     * Moves the client in the derived influx table, as a corrected import of the indication's profile would, and
     * makes the figures be worked out again. Today the figures are cached per data version, the latest LOADED
     * import; a publication rebuilt on demand would be rebuilt here instead.
     */
    private void apply(Move move) {
        jdbc.update("update influx_count set clients = clients - 1 where region_code = ? and month = ? and profile_code = ? "
                + "and origin = ? and age_band = ?", move.region(), move.month(), move.from(), move.origin(), move.ageBand());
        if (jdbc.update("update influx_count set clients = clients + 1 where region_code = ? and month = ? and profile_code = ? "
                + "and origin = ? and age_band = ?", move.region(), move.month(), move.to(), move.origin(), move.ageBand()) == 0) {
            jdbc.update("insert into influx_count (month, region_code, profile_code, origin, age_band, clients) values (?, ?, ?, ?, ?, 1)",
                    move.month(), move.region(), move.to(), move.origin(), move.ageBand());
        }
        jdbc.update("delete from influx_count where clients = 0");
        dataChanged();
    }

    private void dataChanged() {
        jdbc.update("""
                insert into import_run (id, import_type, source_name, sha256, status, started_at, finished_at, row_count, error_count, message)
                select nextval('import_run_id_seq'), 'indications', 'differentiaaltest', '', 'LOADED', now(), now(), 0, 0, 'test'""");
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
