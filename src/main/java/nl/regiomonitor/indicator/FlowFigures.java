package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Flows in a year: clients indicated in the region whose care (an allocation running in that
 * year) is delivered in another region, and the reverse; and clients who moved in or out, seen
 * as a new indication in another region than the one before it, starting that year. For NL the
 * counts are over all regions: every client whose care crosses a region border, every move.
 */
@Service
public class FlowFigures {

    private final JdbcTemplate jdbc;
    private final FigureScope scope;

    FlowFigures(JdbcTemplate jdbc, FigureScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public record Flows(String region, int year, long indicatedHereCaredElsewhere, long caredHereIndicatedElsewhere,
                        long movedIn, long movedOut) {
    }

    public Flows flows(String region, int year) {
        scope.checkRegion(region);
        if (year < 2000 || year > 2100) {
            throw new InvalidFigureRequest("Geef een jaar, bijvoorbeeld 2024.");
        }
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        // for NL "here" is any region: the condition becomes "the two regions differ"
        String here = scope.national(region) ? "i.region_code" : "?";
        String hereCare = scope.national(region) ? "c.region_code" : "?";
        Object[] crossArgs = scope.national(region)
                ? new Object[] {end, start, end, start}
                : new Object[] {end, start, end, start, region, region};
        long[] cross = jdbc.queryForObject("""
                with ind as (select distinct client_id, region_code from indication
                             where valid_from <= ? and (valid_to is null or valid_to >= ?)),
                     care as (select distinct client_id, region_code from care_allocation
                              where start_date <= ? and (end_date is null or end_date >= ?))
                select count(distinct i.client_id) filter (where i.region_code = %s and c.region_code <> i.region_code),
                       count(distinct c.client_id) filter (where c.region_code = %s and i.region_code <> c.region_code)
                from ind i join care c on c.client_id = i.client_id""".formatted(here, hereCare),
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, crossArgs);
        String into = scope.national(region) ? "t.region_code" : "?";
        String outOf = scope.national(region) ? "t.previous" : "?";
        Object[] moveArgs = scope.national(region) ? new Object[] {start, end} : new Object[] {region, region, start, end};
        long[] moves = jdbc.queryForObject("""
                select count(distinct t.client_id) filter (where t.region_code = %s and t.previous <> t.region_code),
                       count(distinct t.client_id) filter (where t.previous = %s and t.previous <> t.region_code)
                from (select client_id, region_code, valid_from,
                             lag(region_code) over (partition by client_id order by valid_from) as previous
                      from indication) t
                where t.previous is not null and t.valid_from between ? and ?""".formatted(into, outOf),
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, moveArgs);
        return new Flows(region, year, cross[0], cross[1], moves[0], moves[1]);
    }
}
