package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Verzilvering: of the clients in care on a date (a care allocation running that day, in the
 * region where the care is delivered), how many receive it in each delivery form, per profile of
 * their indication valid that day. A client with two forms at once counts in both forms, once in
 * the profile's total.
 */
@Service
public class DeliveryFormFigures {

    static final String ALL_PROFILES = "ALL";

    private final JdbcTemplate jdbc;
    private final FigureScope scope;

    DeliveryFormFigures(JdbcTemplate jdbc, FigureScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Per profile (and {@code ALL}): clients per delivery form, and in total. */
    public record FormRow(Category profile, Map<String, Long> clients, long total) {

        /** Share of the profile's clients in care in {@code form}, in percent; null without clients. */
        public Double share(String form) {
            return total == 0 ? null : 100.0 * clients.getOrDefault(form, 0L) / total;
        }
    }

    public record FormTable(String region, LocalDate date, List<Category> forms, List<FormRow> rows) {
    }

    public FormTable deliveryForms(String region, LocalDate date) {
        scope.checkRegion(region);
        if (date == null) {
            throw new InvalidFigureRequest("Geef een peildatum, als jjjj-mm-dd.");
        }
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(date), Date.valueOf(date)));
        String regionFilter = "";
        if (!scope.national(region)) {
            regionFilter = " and a.region_code = ?";
            args.add(region);
        }
        args.add(Date.valueOf(date));
        args.add(Date.valueOf(date));
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.query("""
                with care as (
                    select distinct a.client_id, a.delivery_form from care_allocation a
                    where a.start_date <= ? and (a.end_date is null or a.end_date >= ?)%s),
                indicated as (
                    select distinct on (i.client_id) i.client_id, i.profile_code from indication i
                    where i.valid_from <= ? and (i.valid_to is null or i.valid_to >= ?)
                    order by i.client_id, i.valid_from desc)
                select coalesce(ind.profile_code, 'ALL') as profile, coalesce(c.delivery_form, 'TOTAL') as form,
                       count(distinct c.client_id) as clients
                from care c join indicated ind on ind.client_id = c.client_id
                group by grouping sets ((ind.profile_code, c.delivery_form), (ind.profile_code), (c.delivery_form), ())"""
                .formatted(regionFilter), rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }, args.toArray());
        List<Category> forms = jdbc.query("select code, name from delivery_form order by sort_order",
                (rs, n) -> new Category(rs.getString(1), rs.getString(2)));
        List<Category> profiles = new ArrayList<>(jdbc.query("select code, name from care_profile order by sort_order",
                (rs, n) -> new Category(rs.getString(1), rs.getString(2))));
        profiles.add(new Category(ALL_PROFILES, "Alle GGZ-profielen"));
        List<FormRow> rows = profiles.stream().map(p -> {
            Map<String, Long> ofProfile = counts.getOrDefault(p.code(), Map.of());
            Map<String, Long> clients = new HashMap<>();
            forms.forEach(f -> clients.put(f.code(), ofProfile.getOrDefault(f.code(), 0L)));
            return new FormRow(p, clients, ofProfile.getOrDefault("TOTAL", 0L));
        }).toList();
        return new FormTable(region, date, forms, rows);
    }
}
