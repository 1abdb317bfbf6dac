package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.ReferenceData;

/**
 * Influx and stock as read from the tables {@link DerivedIndicationFigures} keeps, held in memory
 * per state of the data: the influx lines once, the stock per reference date once it is asked for.
 */
@Component
class IndicationSnapshot {

    /** Clients whose influx falls in one month, region, profile, origin and age band. */
    record InfluxLine(YearMonth month, String region, String profile, String origin, String ageBand, long clients) {}

    /**
     * One state of the data: the influx lines (all, and per region), the first month among them (null without any)
     * and the stock of each date asked for so far.
     */
    private record Snapshot(
            List<InfluxLine> influx,
            Map<String, List<InfluxLine>> influxByRegion,
            YearMonth firstMonth,
            Map<LocalDate, Map<String, Map<String, Long>>> stock) {}

    private final JdbcTemplate jdbc;
    private final DataCache<Boolean, Snapshot> snapshot;
    private final ReferenceData reference;

    IndicationSnapshot(JdbcTemplate jdbc, DataVersion data, ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
        this.snapshot = new DataCache<>(data, all -> read());
    }

    /** All GGZ-W influx, by month × region × profile × origin × age band. */
    List<InfluxLine> influx() {
        return current().influx();
    }

    /** The first month with any GGZ-W influx, or null when there is none: worked out once per state of the data. */
    YearMonth firstMonth() {
        return current().firstMonth();
    }

    /** The GGZ-W influx of one region. */
    List<InfluxLine> influx(String region) {
        return current().influxByRegion().getOrDefault(region, List.of());
    }

    /**
     * Stock on {@code day} for every region and for NL: per scope, the clients per series (GGZ-W,
     * GGZ-B) and per profile. A client counts once per series, in the region of their latest
     * indication of that series valid on the day; NL counts each client once.
     */
    Map<String, Map<String, Long>> stockOn(LocalDate day) {
        Snapshot now = current();
        return now.stock().computeIfAbsent(day, this::countStock);
    }

    private Map<String, Map<String, Long>> countStock(LocalDate day) {
        Map<String, String> seriesOfProfile = reference.seriesOfProfiles();
        Map<String, Map<String, Long>> result = new HashMap<>();
        Map<String, Long> national = new HashMap<>();
        result.put(Area.NATIONAL_CODE, national);
        jdbc.query(
                "select region_code, profile_code, sum(delta) from stock_change where day <= ? group by 1, 2",
                rs -> {
                    String profile = rs.getString(2);
                    long clients = rs.getLong(3);
                    Map<String, Long> regional = result.computeIfAbsent(rs.getString(1), r -> new HashMap<>());
                    for (Map<String, Long> scope : List.of(regional, national)) {
                        scope.merge(profile, clients, Long::sum);
                        scope.merge(seriesOfProfile.get(profile), clients, Long::sum);
                    }
                },
                Date.valueOf(day));
        return result;
    }

    private Snapshot current() {
        return snapshot.get(Boolean.TRUE);
    }

    private Snapshot read() {
        List<InfluxLine> lines = jdbc.query(
                "select month, region_code, profile_code, origin, age_band, clients from influx_count",
                (rs, n) -> new InfluxLine(
                        YearMonth.from(rs.getDate(1).toLocalDate()),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6)));
        Map<String, List<InfluxLine>> byRegion = new HashMap<>();
        YearMonth first = null;
        for (InfluxLine line : lines) {
            byRegion.computeIfAbsent(line.region(), r -> new ArrayList<>()).add(line);
            if (first == null || line.month().isBefore(first)) {
                first = line.month();
            }
        }
        return new Snapshot(lines, byRegion, first, new ConcurrentHashMap<>());
    }
}
