package nl.regiomonitor.ingest;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** How much client data the system holds, per region. */
@Service
public class HoldingsService {

    /** Clients (distinct pseudonyms with an indication), indications and care allocations of one region. */
    public record Holdings(long clients, long indications, long allocations) {
        public static final Holdings NONE = new Holdings(0, 0, 0);
    }

    private final JdbcTemplate jdbc;

    HoldingsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per region code; allocations count by the region where care is delivered. */
    public Map<String, Holdings> perRegion() {
        Map<String, Holdings> result = new HashMap<>();
        jdbc.query("""
                select coalesce(i.region_code, a.region_code), coalesce(i.clients, 0), coalesce(i.indications, 0),
                       coalesce(a.allocations, 0)
                from (select region_code, count(distinct client_id) clients, count(*) indications
                      from indication group by region_code) i
                full join (select region_code, count(*) allocations from care_allocation group by region_code) a
                  on a.region_code = i.region_code""", rs -> {
            result.put(rs.getString(1), new Holdings(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return result;
    }

    /** Whether any client data or import exists: an empty database gets demo data. */
    public boolean isEmpty() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select not exists (select 1 from import_run) and not exists (select 1 from indication)",
                Boolean.class));
    }
}
