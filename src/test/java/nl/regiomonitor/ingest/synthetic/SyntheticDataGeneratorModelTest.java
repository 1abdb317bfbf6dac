package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.allocations;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.bProfiles;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.costs;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.indications;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.population;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.readCsv;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.regions;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.resource;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.stock;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.wProfiles;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.waitlist;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The generated world against its calibration and model: stock, influx, profiles, moves, costs and population. */
class SyntheticDataGeneratorModelTest {

    @Test
    void nationalStockIsExactlyCalibrated() {
        assertThat(stock(wProfiles, "2021-10-01")).isEqualTo(20150);
        assertThat(stock(wProfiles, "2022-10-01")).isEqualTo(26135);
        assertThat(stock(bProfiles, "2021-10-01")).isEqualTo(3195);
        assertThat(stock(bProfiles, "2022-10-01")).isEqualTo(2810);
    }

    @Test
    void ggzWInfluxDeclinesTowardsAboutHundredPerMonth() {
        Map<String, Integer> perMonth = wInfluxPerMonth(null);
        int y2023 = sum(perMonth, "2023-");
        int y2024 = sum(perMonth, "2024-");
        assertThat(y2023).isGreaterThan(y2024);
        double meanLate2024 = List.of("2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12").stream()
                .mapToInt(m -> perMonth.getOrDefault(m, 0))
                .average()
                .orElseThrow();
        assertThat(meanLate2024).isBetween(70.0, 140.0);
        // the front-loaded wave of 2021
        assertThat(perMonth.get("2021-01")).isGreaterThan(3000);
        assertThat(perMonth.get("2021-01")).isGreaterThan(perMonth.get("2021-09") * 3);
        // nobody enters GGZ-W before 2021
        assertThat(perMonth.keySet()).allMatch(m -> m.compareTo("2021-01") >= 0);
    }

    @Test
    void aboutTenPercentOfGgzWInfluxIsAged18To26() {
        Map<String, String[]> first = firstIndications(wProfiles);
        long young = first.values().stream()
                .filter(r -> Integer.parseInt(r[2].substring(0, 4)) - Integer.parseInt(r[7]) <= 26)
                .count();
        assertThat(first.values()).allMatch(r -> Integer.parseInt(r[2].substring(0, 4)) - Integer.parseInt(r[7]) >= 18);
        assertThat((double) young / first.size()).isBetween(0.08, 0.12);
    }

    @Test
    void profilesOneAndThreeAreTheLargestGgzWProfiles() {
        Map<String, Integer> count = new HashMap<>();
        for (String[] r : indications) {
            if (wProfiles.contains(r[5])) {
                count.merge(r[5], 1, Integer::sum);
            }
        }
        List<String> ranked = count.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("GGZ01W", "GGZ03W");
    }

    @Test
    void verblijfIsTheMostCommonDeliveryFormInCare() {
        Map<String, Integer> count = new HashMap<>();
        int total = 0;
        for (String[] r : allocations) {
            if (r[4].compareTo("2023-10-01") <= 0 && (r[5].isEmpty() || r[5].compareTo("2023-10-01") >= 0)) {
                count.merge(r[3], 1, Integer::sum);
                total++;
            }
        }
        String top = count.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(top).isEqualTo("VERBLIJF");
        assertThat(count.get("VERBLIJF") * 1.0 / total).isGreaterThan(0.5);
    }

    @Test
    void everyRegionHasWaitlistAndCostRowsEveryMonth() {
        assertThat(regions).hasSize(31);
        Set<String> waitKeys =
                waitlist.stream().map(r -> r[2] + "|" + r[0].substring(0, 7)).collect(Collectors.toSet());
        Set<String> costKeys = costs.stream().map(r -> r[1] + "|" + r[0]).collect(Collectors.toSet());
        for (YearMonth ym = YearMonth.of(2021, 1); !ym.isAfter(YearMonth.of(2024, 12)); ym = ym.plusMonths(1)) {
            for (String region : regions) {
                assertThat(waitKeys).as("wachtlijst %s %s", region, ym).contains(region + "|" + ym);
                assertThat(costKeys).as("kosten %s %s", region, ym).contains(region + "|" + ym);
            }
        }
        // snapshots are on the first of the month only
        assertThat(waitlist).allMatch(r -> r[0].endsWith("-01"));
    }

    @Test
    void someRegionHasAMonthIn2024WithFewerThanFiveGgzWInflux() {
        Map<String, Integer> perRegionMonth = new HashMap<>();
        for (String[] r : firstIndications(wProfiles).values()) {
            perRegionMonth.merge(r[4] + "|" + r[2].substring(0, 7), 1, Integer::sum);
        }
        boolean found = false;
        for (String region : regions) {
            for (int m = 1; m <= 12; m++) {
                found |= perRegionMonth.getOrDefault(region + "|" + YearMonth.of(2024, m), 0) < 5;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void aFewClientsPerRegionMoveToAnotherRegionEachYear() {
        Map<String, List<String[]>> perClient = new HashMap<>();
        for (String[] r : indications) {
            perClient.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        Map<String, Integer> in = new HashMap<>();
        Map<String, Integer> out = new HashMap<>();
        long present = 0;
        int moves = 0;
        for (List<String[]> list : perClient.values()) {
            list.sort((a, b) -> a[2].compareTo(b[2]));
            boolean in2024 = false;
            for (int i = 0; i < list.size(); i++) {
                String[] r = list.get(i);
                in2024 |= r[2].compareTo("2024-12-31") <= 0 && (r[3].isEmpty() || r[3].compareTo("2024-01-01") >= 0);
                if (i > 0 && r[2].startsWith("2024") && !r[4].equals(list.get(i - 1)[4])) {
                    in.merge(r[4], 1, Integer::sum);
                    out.merge(list.get(i - 1)[4], 1, Integer::sum);
                    moves++;
                }
            }
            present += in2024 ? 1 : 0;
        }
        // about 2% of the clients of a year move, so a few to a few dozen per region
        assertThat((double) moves / present).isBetween(0.01, 0.03);
        assertThat(regions.stream()
                        .filter(r -> in.getOrDefault(r, 0) > 0 && out.getOrDefault(r, 0) > 0)
                        .count())
                .isGreaterThanOrEqualTo(regions.size() - 3);
        // a move takes care along when it was delivered at home: no allocation after the move stays in the old region
        // (checked loosely: some allocations lie in the new region of a mover)
        Set<String> movedTo = new HashSet<>();
        perClient.forEach((client, list) -> {
            for (int i = 1; i < list.size(); i++) {
                if (!list.get(i)[4].equals(list.get(i - 1)[4])) {
                    movedTo.add(client + "|" + list.get(i)[4]);
                }
            }
        });
        assertThat(allocations).anyMatch(a -> movedTo.contains(a[0] + "|" + a[2]));
    }

    @Test
    void costsArePricedAtTheDailyTariffTimesARegionalFactor() {
        Map<String, Double> tariff = Map.of(
                "GGZ01W", 130.0, "GGZ02W", 165.0, "GGZ03W", 210.0, "GGZ04W", 260.0, "GGZ05W", 300.0, "GGZ03B", 230.0,
                "GGZ04B", 265.0, "GGZ05B", 300.0, "GGZ06B", 340.0, "GGZ07B", 380.0);
        Map<String, Double> multiplier =
                Map.of("VERBLIJF", 1.0, "VPT", 0.85, "MPT", 0.45, "PGB", 0.55, "MPT_PGB", 0.40);
        Map<String, Double> factorPerRegion = new HashMap<>();
        for (String[] r : costs) {
            double days = Double.parseDouble(r[4]);
            double base = days * tariff.get(r[2]) * multiplier.get(r[3]);
            double factor = Double.parseDouble(r[5]) / base;
            assertThat(factor).isBetween(0.95 - 0.01 / base, 1.05 + 0.01 / base);
            Double previous = factorPerRegion.putIfAbsent(r[1], factor);
            if (previous != null && base > 1000) {
                assertThat(factor).isCloseTo(previous, Offset.offset(0.0001));
            }
        }
    }

    @Test
    void populationGrowsFromThe2019Reference() {
        Map<String, long[]> reference = new HashMap<>();
        for (String[] r : readCsv(resource("population.csv"))) {
            reference.put(r[1], new long[] {Long.parseLong(r[4]), Long.parseLong(r[5])});
        }
        assertThat(population).hasSize(reference.size() * 4);
        for (String[] r : population) {
            int year = Integer.parseInt(r[0]);
            assertThat(year).isBetween(2021, 2024);
            double f = Math.pow(1.006, year - 2019);
            long[] ref = reference.get(r[1]);
            assertThat(Long.parseLong(r[4])).isEqualTo(Math.round(ref[0] * f));
            assertThat(Long.parseLong(r[5])).isEqualTo(Math.round(ref[1] * f));
        }
    }

    /** client → first indication of the series (earliest valid_from). */
    private static Map<String, String[]> firstIndications(Set<String> series) {
        Map<String, String[]> first = new LinkedHashMap<>();
        for (String[] r : indications) {
            if (series.contains(r[5])) {
                first.merge(r[0], r, (a, b) -> a[2].compareTo(b[2]) <= 0 ? a : b);
            }
        }
        return first;
    }

    private static Map<String, Integer> wInfluxPerMonth(String region) {
        Map<String, Integer> perMonth = new TreeMap<>();
        for (String[] r : firstIndications(wProfiles).values()) {
            if (region == null || region.equals(r[4])) {
                perMonth.merge(r[2].substring(0, 7), 1, Integer::sum);
            }
        }
        return perMonth;
    }

    private static int sum(Map<String, Integer> perMonth, String prefix) {
        return perMonth.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
