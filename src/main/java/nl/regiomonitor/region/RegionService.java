package nl.regiomonitor.region;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** The care-office regions with their population, and the reference code lists. */
@Service
public class RegionService implements ReferenceCodes {

    private final JdbcTemplate jdbc;
    private volatile Map<String, String> names;

    RegionService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All regions in code order, with inhabitants summed over their municipalities in the latest year held. */
    public List<Region> regions() {
        return jdbc.query(
                """
                with latest as (select max(year) as year from population)
                select r.code, r.name, latest.year,
                       coalesce(sum(p.inhabitants), 0) as inhabitants,
                       coalesce(sum(p.inhabitants_18plus), 0) as inhabitants_18plus
                from region r cross join latest
                left join population p on p.region_code = r.code and p.year = latest.year
                group by r.code, r.name, latest.year
                order by r.code""",
                (rs, i) -> new Region(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getLong("inhabitants"),
                        rs.getLong("inhabitants_18plus"),
                        rs.getObject("year", Integer.class)));
    }

    /** Code → name of every region, for menus; reference data that only a migration changes, so read once. */
    public Map<String, String> names() {
        Map<String, String> known = names;
        if (known == null) {
            Map<String, String> read = new LinkedHashMap<>();
            jdbc.query("select code, name from region order by code", rs -> {
                read.put(rs.getString("code"), rs.getString("name"));
            });
            known = Collections.unmodifiableMap(read);
            names = known;
        }
        return known;
    }

    /** A region by its code, or empty for an unknown code. */
    public Optional<Region> find(String code) {
        return regions().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The region a page, form or download is about: an unknown code is a 404 with a Dutch message. */
    public Region known(String code) {
        return find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende regio"));
    }

    @Override
    public Set<String> codes(CodeList list) {
        String table = switch (list) {
            case REGION -> "region";
            case PROFILE -> "care_profile";
            case ORIGIN -> "origin";
            case DELIVERY_FORM -> "delivery_form";
            case WAIT_STATUS -> "wait_status";
        };
        return new HashSet<>(jdbc.queryForList("select code from " + table, String.class));
    }
}
