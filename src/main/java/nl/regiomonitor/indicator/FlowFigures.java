package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Flows in a year: clients indicated in the region whose care (an allocation running in that
 * year) is delivered in another region, and the reverse; and clients who moved in or out, seen
 * as a new indication in another region than the one before it, starting that year. For NL the
 * counts are over all regions: every client whose care crosses a region border, every move.
 * Worked out for every region and NL at once and protected as one table, NL counting each client
 * of the regions once.
 */
@Service
public class FlowFigures implements PublishedTables {

    /** The four flows, in the order they are shown. */
    public enum Flow {
        INDICATED_HERE_CARED_ELSEWHERE, CARED_HERE_INDICATED_ELSEWHERE, MOVED_IN, MOVED_OUT
    }

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final StockProtection stock;
    private final DataCache<Integer, Map<String, Flows>> tables;

    FlowFigures(JdbcTemplate jdbc, FigureScope scope, StockProtection stock, DataVersion data, CellSuppression suppression) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.stock = stock;
        this.tables = new DataCache<>(data, year -> protect(count(year), suppression));
    }

    public record Flows(String region, int year, Map<Flow, Long> clients, ProtectionPattern pattern) {

        public long count(Flow flow) {
            return clients.get(flow);
        }

        /** The published cell of one flow. */
        public Cell cell(Flow flow) {
            return Cell.ofClients(clients.get(flow), pattern.mark(key(region, flow)), pattern.threshold());
        }
    }

    public Flows flows(String region, int year) {
        scope.checkRegion(region);
        if (year < 2000 || year > 2100) {
            throw new InvalidFigureRequest("Geef een jaar, bijvoorbeeld 2024.");
        }
        return tables.get(year).get(region);
    }

    /** The flows of every year the region pages publish. */
    @Override
    public Map<String, Supplier<ProtectionPattern>> tables() {
        Map<String, Supplier<ProtectionPattern>> published = new LinkedHashMap<>();
        stock.referenceDates().forEach(day -> published.put("stromen " + day.getYear(),
                () -> tables.get(day.getYear()).get(StockProtection.NATIONAL).pattern()));
        return published;
    }

    /** Every region's flows and NL's, counted, still without a pattern. */
    private Map<String, Flows> count(int year) {
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        Map<String, Map<Flow, Long>> counts = new HashMap<>();
        // each query gives region (or NL), flow, clients
        RowCallbackHandler add = rs -> {
            counts.computeIfAbsent(rs.getString(1), r -> new HashMap<>()).put(Flow.valueOf(rs.getString(2)), rs.getLong(3));
        };
        // grouping by the region on each side; the grand total (no region) is NL, "here" being any region
        jdbc.query("""
                with ind as (select distinct client_id, region_code from indication
                             where valid_from <= ? and (valid_to is null or valid_to >= ?)),
                     care as (select distinct client_id, region_code from care_allocation
                              where start_date <= ? and (end_date is null or end_date >= ?)),
                     cross_border as (select i.client_id, i.region_code as indicated, c.region_code as cared
                                      from ind i join care c on c.client_id = i.client_id and c.region_code <> i.region_code)
                select coalesce(indicated, 'NL'), 'INDICATED_HERE_CARED_ELSEWHERE', count(distinct client_id)
                from cross_border group by grouping sets ((indicated), ())
                union all
                select coalesce(cared, 'NL'), 'CARED_HERE_INDICATED_ELSEWHERE', count(distinct client_id)
                from cross_border group by grouping sets ((cared), ())""", add, end, start, end, start);
        jdbc.query("""
                with moves as (select client_id, region_code, previous from (
                                   select client_id, region_code, valid_from,
                                          lag(region_code) over (partition by client_id order by valid_from) as previous
                                   from indication) t
                               where previous is not null and previous <> region_code and valid_from between ? and ?)
                select coalesce(region_code, 'NL'), 'MOVED_IN', count(distinct client_id)
                from moves group by grouping sets ((region_code), ())
                union all
                select coalesce(previous, 'NL'), 'MOVED_OUT', count(distinct client_id)
                from moves group by grouping sets ((previous), ())""", add, start, end);
        List<String> scopes = scope.scopes();
        Map<String, Flows> flows = new LinkedHashMap<>();
        for (String region : scopes) {
            Map<Flow, Long> clients = new LinkedHashMap<>();
            for (Flow flow : Flow.values()) {
                clients.put(flow, counts.getOrDefault(region, Map.of()).getOrDefault(flow, 0L));
            }
            flows.put(region, new Flows(region, year, clients, null));
        }
        return flows;
    }

    private static Map<String, Flows> protect(Map<String, Flows> counted, CellSuppression suppression) {
        CountTable table = new CountTable();
        counted.values().forEach(f -> f.clients().forEach((flow, clients) -> table.cell(key(f.region(), flow), clients)));
        List<String> regions = counted.keySet().stream().filter(r -> !r.equals(StockProtection.NATIONAL)).toList();
        for (Flow flow : Flow.values()) {
            table.union(key(StockProtection.NATIONAL, flow), regions.stream().map(r -> key(r, flow)).toList());
        }
        ProtectionPattern pattern = suppression.protect(table);
        Map<String, Flows> protectedFlows = new LinkedHashMap<>();
        counted.forEach((region, f) -> protectedFlows.put(region, new Flows(region, f.year(), f.clients(), pattern)));
        return protectedFlows;
    }

    private static String key(String region, Flow flow) {
        return region + "|" + flow;
    }
}
