package nl.regiomonitor.indicator;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * All GGZ-W influx counted once, by month × region × profile × origin × age band, and kept in
 * memory until the data change (a newer loaded import). Every influx figure is a sum over these
 * lines, so 31 regions × 48 months × every breakdown cost one pass over the indications.
 */
@Component
class InfluxCube {

    /** Clients whose influx falls in one month, region, profile, origin and age band. */
    record Line(YearMonth month, String region, String profile, String origin, String ageBand, long clients) {
    }

    private record Snapshot(long version, List<Line> lines) {
    }

    private final JdbcTemplate jdbc;
    private final DataVersion data;
    private volatile Snapshot snapshot;

    InfluxCube(JdbcTemplate jdbc, DataVersion data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    List<Line> lines() {
        long version = data.current();
        Snapshot current = snapshot;
        if (current == null || current.version() != version) {
            synchronized (this) {
                current = snapshot;
                if (current == null || current.version() != version) {
                    current = new Snapshot(version, load());
                    snapshot = current;
                }
            }
        }
        return current.lines();
    }

    private List<Line> load() {
        return jdbc.query("""
                with firsts as (
                    select distinct on (i.client_id) i.valid_from, i.region_code, i.profile_code, i.origin,
                           extract(year from i.valid_from)::int - i.birth_year as age
                    from indication i join care_profile p on p.code = i.profile_code
                    where p.series = ?
                    order by i.client_id, i.valid_from, i.profile_code)
                select date_trunc('month', f.valid_from)::date as month, f.region_code, f.profile_code, f.origin,
                       coalesce(a.code, ?) as age_band, count(*) as clients
                from firsts f
                left join age_band a on f.age >= a.min_age and (a.max_age is null or f.age <= a.max_age)
                group by 1, 2, 3, 4, 5""",
                (rs, n) -> new Line(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("region_code"),
                        rs.getString("profile_code"), rs.getString("origin"), rs.getString("age_band"), rs.getLong("clients")),
                InfluxFigures.SERIES, InfluxFigures.UNKNOWN);
    }
}
