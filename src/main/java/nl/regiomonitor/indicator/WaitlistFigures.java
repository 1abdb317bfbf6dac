package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.region.Area;

/**
 * The waiting list per wait status on the latest snapshot on or before a date: distinct clients.
 * Worked out for every region and NL at once, and protected as one table: per scope the total
 * counts each client of the statuses once, and NL counts each client of the regions whose
 * snapshot is NL's once.
 */
@Service
public class WaitlistFigures implements PublishedTables {

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final StockProtection stock;
    private final DataCache<LocalDate, Map<String, WaitlistTable>> tables;

    WaitlistFigures(
            JdbcTemplate jdbc,
            FigureScope scope,
            StockProtection stock,
            DataVersion data,
            CellSuppression suppression) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.stock = stock;
        this.tables = new DataCache<>(data, day -> protect(count(day), suppression));
    }

    /** {@code snapshot} is the day of the list used, null when there is none on or before the date asked. */
    public record WaitlistTable(
            String region,
            LocalDate asked,
            LocalDate snapshot,
            List<Category> statuses,
            Map<String, Long> clients,
            long total,
            ProtectionPattern pattern) {

        /** The published cell of one status. */
        public Cell cell(String status) {
            return Cell.ofClients(clients.get(status), pattern.mark(key(region, status)), pattern.threshold());
        }

        public Cell totalCell() {
            return Cell.ofClients(total, pattern.mark(key(region, Category.TOTAL.code())), pattern.threshold());
        }
    }

    public WaitlistTable waitlist(String region, LocalDate date) {
        scope.checkRegion(region);
        scope.checkDate(date);
        return tables.get(date).get(region);
    }

    /** The waiting list on every reference date the region pages publish. */
    @Override
    public Map<String, Supplier<ProtectionPattern>> tables() {
        Map<String, Supplier<ProtectionPattern>> published = new LinkedHashMap<>();
        stock.referenceDates()
                .forEach(day -> published.put(
                        "wachtlijst " + day,
                        () -> tables.get(day).get(Area.NATIONAL_CODE).pattern()));
        return published;
    }

    /** Every region's list and NL's, counted, still without a pattern. */
    private Map<String, WaitlistTable> count(LocalDate date) {
        List<Category> statuses = jdbc.query(
                "select code, name from wait_status order by sort_order",
                (rs, n) -> new Category(rs.getString(1), rs.getString(2)));
        Map<String, LocalDate> snapshots = new HashMap<>();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        // each region's latest snapshot on or before the date; NL's is the latest of all, over the regions that have it
        jdbc.query(
                """
                with snap as (select region_code, max(snapshot_date) as day from waitlist_entry
                              where snapshot_date <= ? group by region_code),
                     entries as (select w.region_code, s.day, w.wait_status, w.client_id from waitlist_entry w
                                 join snap s on s.region_code = w.region_code and s.day = w.snapshot_date),
                     national as (select 'NL' as region_code, day, wait_status, client_id from entries
                                  where day = (select max(day) from snap))
                select region_code, day, coalesce(wait_status, 'TOTAAL'), count(distinct client_id)
                from (select * from entries union all select * from national) e
                group by grouping sets ((region_code, day, wait_status), (region_code, day))""",
                rs -> {
                    snapshots.put(rs.getString(1), rs.getDate(2).toLocalDate());
                    counts.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                },
                Date.valueOf(date));
        Map<String, WaitlistTable> tables = new LinkedHashMap<>();
        for (String region : scope.scopes()) {
            Map<String, Long> ofRegion = counts.getOrDefault(region, Map.of());
            Map<String, Long> clients = new LinkedHashMap<>();
            statuses.forEach(s -> clients.put(s.code(), ofRegion.getOrDefault(s.code(), 0L)));
            tables.put(
                    region,
                    new WaitlistTable(
                            region,
                            date,
                            snapshots.get(region),
                            statuses,
                            clients,
                            ofRegion.getOrDefault(Category.TOTAL.code(), 0L),
                            null));
        }
        return tables;
    }

    private Map<String, WaitlistTable> protect(Map<String, WaitlistTable> counted, CellSuppression suppression) {
        CountTable table = new CountTable();
        counted.values().forEach(w -> {
            table.cell(key(w.region(), Category.TOTAL.code()), w.total());
            w.statuses()
                    .forEach(s ->
                            table.cell(key(w.region(), s.code()), w.clients().get(s.code())));
            table.union(
                    key(w.region(), Category.TOTAL.code()),
                    w.statuses().stream().map(s -> key(w.region(), s.code())).toList());
        });
        WaitlistTable national = counted.get(Area.NATIONAL_CODE);
        if (national.snapshot() != null) {
            List<String> sameDay = counted.values().stream()
                    .filter(w -> !w.region().equals(Area.NATIONAL_CODE)
                            && national.snapshot().equals(w.snapshot()))
                    .map(WaitlistTable::region)
                    .toList();
            List<String> codes = new ArrayList<>(
                    national.statuses().stream().map(Category::code).toList());
            codes.add(Category.TOTAL.code());
            codes.forEach(code -> table.union(
                    key(Area.NATIONAL_CODE, code),
                    sameDay.stream().map(r -> key(r, code)).toList()));
        }
        ProtectionPattern pattern = suppression.protect(table);
        Map<String, WaitlistTable> protectedTables = new LinkedHashMap<>();
        counted.forEach((region, w) -> protectedTables.put(
                region,
                new WaitlistTable(region, w.asked(), w.snapshot(), w.statuses(), w.clients(), w.total(), pattern)));
        return protectedTables;
    }

    private static String key(String region, String code) {
        return region + "|" + code;
    }
}
