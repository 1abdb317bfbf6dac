package nl.regiomonitor.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The care profiles with their series, and the code lists with their names, in their own order:
 * the one place that reads them. They are reference data that only a migration changes, so they
 * are read once per start (a new schema version means a new start) and never per request.
 */
@Service
public class ReferenceData {

    /** A care profile ({@code GGZ01W}) with its name and its series ({@code GGZ-W}). */
    public record CareProfile(String code, String name, String series) {}

    /** An entry of a code list: its code and its Dutch name. */
    public record Entry(String code, String name) {}

    private record Lists(
            List<CareProfile> profiles, List<Entry> origins, List<Entry> deliveryForms, List<Entry> ageBands) {}

    private final JdbcTemplate jdbc;
    private volatile Lists lists;

    ReferenceData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every care profile in the order of the reference list. */
    public List<CareProfile> profiles() {
        return lists().profiles();
    }

    /** The profiles of one series, in order; none for an unknown series. */
    public List<CareProfile> profiles(String series) {
        return profiles().stream().filter(p -> p.series().equals(series)).toList();
    }

    public List<String> profileCodes(String series) {
        return profiles(series).stream().map(CareProfile::code).toList();
    }

    /** The series (GGZ-W, GGZ-B), in the order of their first profile. */
    public List<String> series() {
        return profiles().stream().map(CareProfile::series).distinct().toList();
    }

    /** Profile code → its series. */
    public Map<String, String> seriesOfProfiles() {
        Map<String, String> series = new LinkedHashMap<>();
        profiles().forEach(p -> series.put(p.code(), p.series()));
        return series;
    }

    /** Whether the text names a series or a profile. */
    public boolean isSeriesOrProfile(String text) {
        return profiles().stream()
                .anyMatch(p -> p.series().equals(text) || p.code().equals(text));
    }

    public List<Entry> origins() {
        return lists().origins();
    }

    public List<Entry> deliveryForms() {
        return lists().deliveryForms();
    }

    public List<Entry> ageBands() {
        return lists().ageBands();
    }

    private Lists lists() {
        Lists known = lists;
        if (known == null) {
            known = new Lists(
                    List.copyOf(jdbc.query(
                            "select code, name, series from care_profile order by sort_order",
                            (rs, n) -> new CareProfile(rs.getString(1), rs.getString(2), rs.getString(3)))),
                    entries("origin"),
                    entries("delivery_form"),
                    entries("age_band"));
            lists = known;
        }
        return known;
    }

    private List<Entry> entries(String table) {
        return List.copyOf(jdbc.query(
                "select code, name from " + table + " order by sort_order",
                (rs, n) -> new Entry(rs.getString(1), rs.getString(2))));
    }
}
