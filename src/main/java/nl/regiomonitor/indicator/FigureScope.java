package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.ReferenceData;

/** Checks shared by all figures: a known region or NL, and a sensible period. */
@Component
class FigureScope {

    /** Longest period one request may ask for, in months: ten years. */
    static final int MAX_MONTHS = 120;

    private final JdbcTemplate jdbc;
    private final ReferenceData reference;

    FigureScope(JdbcTemplate jdbc, ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
    }

    /** The 31 regions, by code. */
    List<String> regions() {
        return jdbc.queryForList("select code from region order by code", String.class);
    }

    /** The regions and then NL: every scope a protected table covers. */
    List<String> scopes() {
        List<String> scopes = new ArrayList<>(regions());
        scopes.add(Area.NATIONAL_CODE);
        return scopes;
    }

    void checkDate(LocalDate date) {
        if (date == null) {
            throw new InvalidFigureRequest("Geef een peildatum, als jjjj-mm-dd.");
        }
    }

    boolean national(String region) {
        return Area.isNational(region);
    }

    void checkRegion(String region) {
        if (region == null || region.isBlank()) {
            throw new InvalidFigureRequest("Kies een regio (bijvoorbeeld ZK10) of NL voor heel Nederland.");
        }
        if (!national(region)
                && !Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists(select 1 from region where code = ?)", Boolean.class, region))) {
            throw new InvalidFigureRequest("Onbekende regio '" + region + "'. Gebruik een code als ZK10, of NL.");
        }
    }

    void check(String region, YearMonth from, YearMonth to) {
        checkRegion(region);
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidFigureRequest("Geef een periode met 'from' niet na 'to', als jjjj-mm.");
        }
        if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
            throw new InvalidFigureRequest("Een periode is hoogstens " + MAX_MONTHS + " maanden.");
        }
    }

    /** The series of care profiles (GGZ-W, GGZ-B), in the order of their profiles. */
    List<String> series() {
        return reference.series();
    }

    List<String> profiles(String series) {
        return reference.profileCodes(series);
    }
}
