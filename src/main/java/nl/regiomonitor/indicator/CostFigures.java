package nl.regiomonitor.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.region.ReferenceData;

/**
 * Affordability: the average cost per client per day in a year (amount ÷ client days, from the
 * cost lines), per GGZ-W/GGZ-B profile and over all of them, for a region or NL, against the band
 * of all 31 regions: lowest, median and highest.
 */
@Service
public class CostFigures {

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final ReferenceData reference;

    CostFigures(JdbcTemplate jdbc, FigureScope scope, ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** One line: the region's cost per client per day and the band of the regions that have costs for it. */
    public record CostRow(
            Category category,
            BigDecimal perDay,
            BigDecimal lowest,
            BigDecimal median,
            BigDecimal highest,
            int regionsInBand) {

        /** An amount as Dutch write it, "€ 166,67" (with a non-breaking space); "–" for none. */
        public static String display(BigDecimal amount) {
            return amount == null
                    ? "–"
                    : NumberFormat.getCurrencyInstance(Dutch.LOCALE).format(amount);
        }
    }

    public record CostTable(String region, int year, List<CostRow> rows) {}

    public CostTable costs(String region, int year) {
        scope.checkRegion(region);
        if (year < 2000 || year > 2100) {
            throw new InvalidFigureRequest("Geef een jaar, bijvoorbeeld 2024.");
        }
        // per region and per profile (and the total over all profiles: key ALL) the amount and the client days
        Map<String, Map<String, double[]>> sums = new HashMap<>();
        jdbc.query(
                """
                select region_code, coalesce(profile_code, 'ALL') as key, sum(amount_eur) as amount, sum(client_days) as days
                from cost_line where month >= ? and month < ?
                group by grouping sets ((region_code, profile_code), (region_code))""",
                rs -> {
                    sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), new double[] {rs.getDouble(3), rs.getDouble(4)});
                },
                Date.valueOf(LocalDate.of(year, 1, 1)),
                Date.valueOf(LocalDate.of(year + 1, 1, 1)));
        List<Category> categories = new ArrayList<>(reference.profiles().stream()
                .map(p -> new Category(p.code(), p.name()))
                .toList());
        categories.add(new Category("ALL", "Alle GGZ-profielen"));
        List<CostRow> rows = new ArrayList<>();
        for (Category category : categories) {
            List<Double> band = new ArrayList<>();
            double amount = 0;
            double days = 0;
            for (Map<String, double[]> ofRegion : sums.values()) {
                double[] s = ofRegion.get(category.code());
                if (s != null && s[1] > 0) {
                    band.add(s[0] / s[1]);
                    amount += s[0];
                    days += s[1];
                }
            }
            double[] own = scope.national(region)
                    ? new double[] {amount, days}
                    : sums.getOrDefault(region, Map.of()).get(category.code());
            if (band.isEmpty()) {
                continue;
            }
            double[] values =
                    band.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            rows.add(new CostRow(
                    category,
                    own == null || own[1] == 0 ? null : euros(own[0] / own[1]),
                    euros(values[0]),
                    euros(new Median().evaluate(values)),
                    euros(values[values.length - 1]),
                    values.length));
        }
        return new CostTable(region, year, rows);
    }

    private static BigDecimal euros(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
