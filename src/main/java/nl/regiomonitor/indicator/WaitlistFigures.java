package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The waiting list per wait status on the latest snapshot on or before a date: distinct clients. */
@Service
public class WaitlistFigures {

    private final JdbcTemplate jdbc;
    private final FigureScope scope;

    WaitlistFigures(JdbcTemplate jdbc, FigureScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** {@code snapshot} is the day of the list used, null when there is none on or before the date asked. */
    public record WaitlistTable(String region, LocalDate asked, LocalDate snapshot, List<Category> statuses,
                                Map<String, Long> clients, long total) {
    }

    public WaitlistTable waitlist(String region, LocalDate date) {
        scope.checkRegion(region);
        if (date == null) {
            throw new InvalidFigureRequest("Geef een peildatum, als jjjj-mm-dd.");
        }
        boolean national = scope.national(region);
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(date)));
        if (!national) {
            args.add(region);
        }
        LocalDate snapshot = jdbc.queryForObject("select max(snapshot_date) from waitlist_entry where snapshot_date <= ?"
                + (national ? "" : " and region_code = ?"), LocalDate.class, args.toArray());
        List<Category> statuses = jdbc.query("select code, name from wait_status order by sort_order",
                (rs, n) -> new Category(rs.getString(1), rs.getString(2)));
        Map<String, Long> clients = new HashMap<>();
        statuses.forEach(s -> clients.put(s.code(), 0L));
        long total = 0;
        if (snapshot != null) {
            args.set(0, Date.valueOf(snapshot));
            jdbc.query("select wait_status, count(distinct client_id) from waitlist_entry where snapshot_date = ?"
                    + (national ? "" : " and region_code = ?") + " group by wait_status",
                    rs -> {
                        clients.put(rs.getString(1), rs.getLong(2));
                    }, args.toArray());
            total = jdbc.queryForObject("select count(distinct client_id) from waitlist_entry where snapshot_date = ?"
                    + (national ? "" : " and region_code = ?"), Long.class, args.toArray());
        }
        return new WaitlistTable(region, date, snapshot, statuses, clients, total);
    }
}
