package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.region.Area;

/**
 * Flows in a year: clients indicated in the region whose care (an allocation running in that
 * year) is delivered in another region, and the reverse; and moves in and out, seen as a new
 * indication in another region than the one before it, starting that year, with the region on the
 * other side (doorstroom). For NL the counts are over all regions: every client whose care crosses
 * a region border, every move. A move is counted once per client and pair of regions in the year,
 * so a region's moves in and out are exactly the sums of its pairs and NL's the sum of all pairs.
 * Worked out for every region and NL at once and protected as one table: a pair count "from A to
 * B" is one cell, both A's "weg naar B" and B's "vanuit A".
 */
@Service
public class FlowFigures implements PublishedTables {

    /** The four flows, in the order they are shown. */
    public enum Flow {
        INDICATED_HERE_CARED_ELSEWHERE,
        CARED_HERE_INDICATED_ELSEWHERE,
        MOVED_IN,
        MOVED_OUT
    }

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final StockProtection stock;
    private final DataCache<Integer, Map<String, Flows>> tables;
    /** Per year the moves, previous region → new region → clients: of all years in one pass over the indications. */
    private final CareCounts<Boolean, Map<Integer, Map<String, Map<String, Long>>>> moves;
    /** Per year region (or NL) → flow across the border → clients. */
    private final CareCounts<Integer, Map<String, Map<Flow, Long>>> crossBorder;

    FlowFigures(
            JdbcTemplate jdbc,
            FigureScope scope,
            StockProtection stock,
            DataVersion data,
            CellSuppression suppression) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.stock = stock;
        this.tables = new DataCache<>(data, year -> protect(count(year), suppression));
        this.moves = new CareCounts<>(jdbc, data, all -> movesPerYear());
        this.crossBorder = new CareCounts<>(jdbc, data, this::crossBorder);
    }

    /**
     * @param movedTo   per other region the clients who moved from here to there (only those above 0)
     * @param movedFrom per other region the clients who moved from there to here (only those above 0)
     * @param names     region names by code
     */
    public record Flows(
            String region,
            int year,
            Map<Flow, Long> clients,
            Map<String, Long> movedTo,
            Map<String, Long> movedFrom,
            Map<String, String> names,
            ProtectionPattern pattern) {

        public long count(Flow flow) {
            return clients.get(flow);
        }

        /** The published cell of one flow. */
        public Cell cell(Flow flow) {
            return Cell.ofClients(clients.get(flow), pattern.mark(key(region, flow)), pattern.threshold());
        }

        /** The published cell of the moves from {@code from} to {@code to}; a pair without moves is a shown 0. */
        Cell pairCell(String from, String to, long count) {
            String key = pairKey(from, to);
            return pattern.table().contains(key)
                    ? Cell.ofClients(count, pattern.mark(key), pattern.threshold())
                    : Cell.ofCount(0);
        }
    }

    /** The moves between a region and one other region in a year, both ways. */
    public record Exchange(
            String code, String name, long movedTo, long movedFrom, Cell movedToCell, Cell movedFromCell) {}

    /**
     * Doorstroom: per other region with at least one move either way, the clients who moved there
     * from the region and those who came from there; and the region's totals, the cells of its
     * stromen table. NL has no other regions: only its totals.
     */
    public record Doorstroom(
            String region,
            String name,
            int year,
            List<Exchange> others,
            long movedOut,
            long movedIn,
            Cell movedOutCell,
            Cell movedInCell) {}

    public Doorstroom doorstroom(String region, int year) {
        Flows f = flows(region, year);
        Set<String> others = new HashSet<>(f.movedTo().keySet());
        others.addAll(f.movedFrom().keySet());
        List<Exchange> exchanges = others.stream()
                // by name, never by a count: an order by size would tell about hidden cells
                .sorted(Comparator.comparing((String code) -> f.names().getOrDefault(code, code))
                        .thenComparing(code -> code))
                .map(code -> {
                    long to = f.movedTo().getOrDefault(code, 0L);
                    long from = f.movedFrom().getOrDefault(code, 0L);
                    return new Exchange(
                            code,
                            f.names().getOrDefault(code, code),
                            to,
                            from,
                            f.pairCell(region, code, to),
                            f.pairCell(code, region, from));
                })
                .toList();
        return new Doorstroom(
                region,
                f.names().getOrDefault(region, region),
                year,
                exchanges,
                f.count(Flow.MOVED_OUT),
                f.count(Flow.MOVED_IN),
                f.cell(Flow.MOVED_OUT),
                f.cell(Flow.MOVED_IN));
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
        stock.referenceDates()
                .forEach(day -> published.put(
                        "stromen " + day.getYear(),
                        () -> tables.get(day.getYear()).get(Area.NATIONAL_CODE).pattern()));
        return published;
    }

    /**
     * A move: a new indication in another region than the client's previous one; once per client and pair of regions
     * in the year the new indication starts. All years at once: the previous region needs each client's indications in
     * order, a sort of the whole table that a query per year would repeat.
     */
    private Map<Integer, Map<String, Map<String, Long>>> movesPerYear() {
        Map<Integer, Map<String, Map<String, Long>>> perYear = new HashMap<>();
        RowCallbackHandler add = rs -> perYear.computeIfAbsent(rs.getInt(1), y -> new HashMap<>())
                .computeIfAbsent(rs.getString(2), r -> new HashMap<>())
                .put(rs.getString(3), rs.getLong(4));
        jdbc.query("""
                with moves as (select client_id, region_code, previous, extract(year from valid_from)::int as year from (
                                   select client_id, region_code, valid_from,
                                          lag(region_code) over (partition by client_id order by valid_from) as previous
                                   from indication) t
                               where previous is not null and previous <> region_code)
                select year, previous, region_code, count(distinct client_id) from moves
                group by year, previous, region_code""", add);
        return perYear;
    }

    /** Per region (or NL) the clients indicated in it and cared for in another, and the other way round, in {@code year}. */
    private Map<String, Map<Flow, Long>> crossBorder(int year) {
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        Map<String, Map<Flow, Long>> counts = new HashMap<>();
        // each query gives region (or NL), flow, clients
        RowCallbackHandler add = rs -> {
            counts.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .put(Flow.valueOf(rs.getString(2)), rs.getLong(3));
        };
        // grouping by the region on each side; the grand total (no region) is NL, "here" being any region.
        // Indication and care must run at the same time: a client who moved, care and all, is no cross-border client
        jdbc.query("""
                with ind as (select client_id, region_code, valid_from, valid_to from indication
                             where valid_from <= ? and (valid_to is null or valid_to >= ?)),
                     care as (select client_id, region_code, start_date, end_date from care_allocation
                              where start_date <= ? and (end_date is null or end_date >= ?)),
                     cross_border as (select i.client_id, i.region_code as indicated, c.region_code as cared
                                      from ind i join care c on c.client_id = i.client_id and c.region_code <> i.region_code
                                      and c.start_date <= coalesce(i.valid_to, 'infinity'::date)
                                      and i.valid_from <= coalesce(c.end_date, 'infinity'::date))
                select coalesce(indicated, 'NL'), 'INDICATED_HERE_CARED_ELSEWHERE', count(distinct client_id)
                from cross_border group by grouping sets ((indicated), ())
                union all
                select coalesce(cared, 'NL'), 'CARED_HERE_INDICATED_ELSEWHERE', count(distinct client_id)
                from cross_border group by grouping sets ((cared), ())""", add, end, start, end, start);
        return counts;
    }

    /** Every region's flows and NL's, counted, still without a pattern. */
    private Map<String, Flows> count(int year) {
        Map<String, Map<Flow, Long>> counts = crossBorder.get(year);
        Map<String, Map<String, Long>> pairs = moves.get(true).getOrDefault(year, Map.of());
        Map<String, String> names = new HashMap<>();
        jdbc.query("select code, name from region", (RowCallbackHandler)
                rs -> names.put(rs.getString(1), rs.getString(2)));
        List<String> scopes = scope.scopes();
        Map<String, Flows> flows = new LinkedHashMap<>();
        long allMoves = 0;
        for (Map<String, Long> to : pairs.values()) {
            allMoves += to.values().stream().mapToLong(Long::longValue).sum();
        }
        for (String region : scopes) {
            Map<String, Long> movedTo = new TreeMap<>();
            Map<String, Long> movedFrom = new TreeMap<>();
            if (!region.equals(Area.NATIONAL_CODE)) {
                movedTo.putAll(pairs.getOrDefault(region, Map.of()));
                pairs.forEach((from, to) -> {
                    if (to.containsKey(region)) {
                        movedFrom.put(from, to.get(region));
                    }
                });
            }
            Map<Flow, Long> clients = new LinkedHashMap<>();
            for (Flow flow : Flow.values()) {
                clients.put(flow, counts.getOrDefault(region, Map.of()).getOrDefault(flow, 0L));
            }
            boolean national = region.equals(Area.NATIONAL_CODE);
            // the sums of the pairs, so the totals add up exactly
            clients.put(
                    Flow.MOVED_IN,
                    national
                            ? allMoves
                            : movedFrom.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum());
            clients.put(
                    Flow.MOVED_OUT,
                    national
                            ? allMoves
                            : movedTo.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum());
            // sorted maps: the cells' order, and so the pattern, must
            // be the same in every run (Map.copyOf's order is not)
            flows.put(
                    region,
                    new Flows(
                            region,
                            year,
                            clients,
                            Collections.unmodifiableMap(movedTo),
                            Collections.unmodifiableMap(movedFrom),
                            Map.copyOf(names),
                            null));
        }
        return flows;
    }

    private static Map<String, Flows> protect(Map<String, Flows> counted, CellSuppression suppression) {
        CountTable table = new CountTable();
        counted.values()
                .forEach(f -> f.clients().forEach((flow, clients) -> table.cell(key(f.region(), flow), clients)));
        List<String> regions = counted.keySet().stream()
                .filter(r -> !r.equals(Area.NATIONAL_CODE))
                .toList();
        // a pair of regions without moves is a 0 everyone sees: it need not be a cell
        for (String from : regions) {
            counted.get(from).movedTo().forEach((to, clients) -> table.cell(pairKey(from, to), clients));
        }
        for (Flow flow : List.of(Flow.INDICATED_HERE_CARED_ELSEWHERE, Flow.CARED_HERE_INDICATED_ELSEWHERE)) {
            table.union(
                    key(Area.NATIONAL_CODE, flow),
                    regions.stream().map(r -> key(r, flow)).toList());
        }
        // moves add up: a region's moves out are its pairs from it, its moves in its pairs to it, NL's all of them
        for (String region : regions) {
            Flows f = counted.get(region);
            sumIfAny(
                    table,
                    key(region, Flow.MOVED_OUT),
                    f.movedTo().keySet().stream().map(to -> pairKey(region, to)).toList());
            sumIfAny(
                    table,
                    key(region, Flow.MOVED_IN),
                    f.movedFrom().keySet().stream()
                            .map(from -> pairKey(from, region))
                            .toList());
        }
        for (Flow flow : List.of(Flow.MOVED_IN, Flow.MOVED_OUT)) {
            table.sum(
                    key(Area.NATIONAL_CODE, flow),
                    regions.stream().map(r -> key(r, flow)).toList());
        }
        ProtectionPattern pattern = suppression.protect(table);
        Map<String, Flows> protectedFlows = new LinkedHashMap<>();
        counted.forEach((region, f) -> protectedFlows.put(
                region, new Flows(region, f.year(), f.clients(), f.movedTo(), f.movedFrom(), f.names(), pattern)));
        return protectedFlows;
    }

    /** {@code total} as the sum of {@code parts}; a total without parts is a shown 0 and needs no relation. */
    private static void sumIfAny(CountTable table, String total, List<String> parts) {
        if (!parts.isEmpty()) {
            table.sum(total, parts);
        }
    }

    private static String pairKey(String from, String to) {
        return from + ">" + to + "|MOVE";
    }

    private static String key(String region, Flow flow) {
        return region + "|" + flow;
    }
}
