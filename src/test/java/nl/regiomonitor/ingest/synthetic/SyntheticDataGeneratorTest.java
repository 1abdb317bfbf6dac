package nl.regiomonitor.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.regiomonitor.cli.GenerateCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Reads the written CSV files back, independently of the generator's internals, and checks what a user of the
 * files would notice.
 */
class SyntheticDataGeneratorTest {

    private static final List<String> FILES =
            List.of("indications.csv", "allocations.csv", "waitlist.csv", "costs.csv", "population.csv");
    private static final Map<String, String> HEADERS = Map.of(
            "indications.csv", "client_id;decision_date;valid_from;valid_to;region_code;profile_code;origin;birth_year",
            "allocations.csv", "client_id;provider_code;region_code;delivery_form;start_date;end_date",
            "waitlist.csv", "snapshot_date;client_id;region_code;profile_code;wait_status",
            "costs.csv", "month;region_code;profile_code;delivery_form;client_days;amount_eur",
            "population.csv", "year;municipality_code;municipality_name;region_code;inhabitants;inhabitants_18plus");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

    @TempDir
    static Path tmp;

    static Path base;
    static Path window;
    static GenerationSummary summary;
    static Set<String> regions;
    static Set<String> wProfiles;
    static Set<String> bProfiles;
    static Set<String> forms;
    static Set<String> origins;
    static Set<String> statuses;
    static List<String[]> indications;
    static List<String[]> allocations;
    static List<String[]> waitlist;
    static List<String[]> costs;
    static List<String[]> population;

    @BeforeAll
    static void generate() throws IOException {
        regions = referenceCodes("regions.csv", 0);
        forms = referenceCodes("delivery_forms.csv", 0);
        origins = referenceCodes("origins.csv", 0);
        statuses = referenceCodes("wait_statuses.csv", 0);
        wProfiles = new HashSet<>();
        bProfiles = new HashSet<>();
        for (String[] row : readCsv(resource("care_profiles.csv"))) {
            (row[3].equals("GGZ-W") ? wProfiles : bProfiles).add(row[0]);
        }

        base = tmp.resolve("base");
        summary = new SyntheticDataGenerator(settings(42, "2021-01", "2024-12")).generate(base);
        window = tmp.resolve("window");
        new SyntheticDataGenerator(settings(42, "2023-01", "2023-12")).generate(window);

        indications = rows(base, "indications.csv");
        allocations = rows(base, "allocations.csv");
        waitlist = rows(base, "waitlist.csv");
        costs = rows(base, "costs.csv");
        population = rows(base, "population.csv");
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void sameSeedGivesByteIdenticalFilesOtherSeedDifferentFiles() throws IOException {
        Path same = tmp.resolve("same");
        Path other = tmp.resolve("other");
        new SyntheticDataGenerator(settings(42, "2021-01", "2024-12")).generate(same);
        new SyntheticDataGenerator(settings(43, "2021-01", "2024-12")).generate(other);
        for (String file : FILES) {
            assertThat(Files.mismatch(base.resolve(file), same.resolve(file))).as(file).isEqualTo(-1L);
        }
        for (String file : List.of("indications.csv", "allocations.csv", "waitlist.csv", "costs.csv")) {
            assertThat(Files.mismatch(base.resolve(file), other.resolve(file))).as(file).isNotEqualTo(-1L);
        }
    }

    @Test
    void summaryCountsTheWrittenRows() {
        assertThat(summary.indicationRows()).isEqualTo(indications.size());
        assertThat(summary.allocationRows()).isEqualTo(allocations.size());
        assertThat(summary.waitlistRows()).isEqualTo(waitlist.size());
        assertThat(summary.costRows()).isEqualTo(costs.size());
        assertThat(summary.populationRows()).isEqualTo(population.size());
    }

    // ------------------------------------------------------------------ calibration and model

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
                .mapToInt(m -> perMonth.getOrDefault(m, 0)).average().orElseThrow();
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
                .filter(r -> Integer.parseInt(r[2].substring(0, 4)) - Integer.parseInt(r[7]) <= 26).count();
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
        List<String> ranked = count.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
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
        String top = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(top).isEqualTo("VERBLIJF");
        assertThat(count.get("VERBLIJF") * 1.0 / total).isGreaterThan(0.5);
    }

    @Test
    void everyRegionHasWaitlistAndCostRowsEveryMonth() {
        assertThat(regions).hasSize(31);
        Set<String> waitKeys = waitlist.stream().map(r -> r[2] + "|" + r[0].substring(0, 7)).collect(Collectors.toSet());
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

    // ------------------------------------------------------------------ file format and integrity

    @Test
    void filesAreUtf8WithoutBomWithLfLineEndsAndExactHeaders() throws IOException {
        for (String file : FILES) {
            byte[] bytes = Files.readAllBytes(base.resolve(file));
            assertThat(bytes.length).isGreaterThan(3);
            assertThat(bytes[0]).as(file + " BOM").isNotEqualTo((byte) 0xEF);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as(file).doesNotContain("\r").endsWith("\n")
                    .startsWith(HEADERS.get(file) + "\n");
        }
    }

    @Test
    void allCodesComeFromTheReferenceLists() {
        Set<String> profiles = new HashSet<>(wProfiles);
        profiles.addAll(bProfiles);
        Set<String> municipalities = new HashSet<>();
        for (String[] r : readCsv(resource("population.csv"))) {
            municipalities.add(r[1] + "|" + r[2] + "|" + r[3]);
        }
        for (String[] r : indications) {
            assertThat(regions).contains(r[4]);
            assertThat(profiles).contains(r[5]);
            assertThat(origins).contains(r[6]);
        }
        for (String[] r : allocations) {
            assertThat(r[1]).matches("\\d{8}");
            assertThat(regions).contains(r[2]);
            assertThat(forms).contains(r[3]);
        }
        for (String[] r : waitlist) {
            assertThat(regions).contains(r[2]);
            assertThat(profiles).contains(r[3]);
            assertThat(statuses).contains(r[4]);
        }
        for (String[] r : costs) {
            assertThat(regions).contains(r[1]);
            assertThat(profiles).contains(r[2]);
            assertThat(forms).contains(r[3]);
        }
        for (String[] r : population) {
            assertThat(municipalities).contains(r[1] + "|" + r[2] + "|" + r[3]);
        }
        // JEUGD only for young adults, at their first indication: a later one (a move) may come years on.
        // GGZ-W began in 2021, so a GGZ-W client's first indication is always written.
        Map<String, String[]> first = new HashMap<>();
        indications.forEach(r -> first.merge(r[0], r, (a, b) -> a[2].compareTo(b[2]) <= 0 ? a : b));
        assertThat(first.values()).filteredOn(r -> r[6].equals("JEUGD") && wProfiles.contains(r[5]))
                .isNotEmpty()
                .allMatch(r -> Integer.parseInt(r[2].substring(0, 4)) - Integer.parseInt(r[7]) <= 26);
    }

    @Test
    void fieldFormatsAndDateOrder() {
        for (String[] r : indications) {
            assertThat(r[0]).matches("[A-Z]{12}");
            assertThat(r[1]).matches(DATE);
            assertThat(r[2]).matches(DATE);
            assertThat(r[1]).isLessThanOrEqualTo(r[2]);
            assertThat(LocalDate.parse(r[1])).isAfterOrEqualTo(LocalDate.parse(r[2]).minusDays(21));
            if (!r[3].isEmpty()) {
                assertThat(r[3]).matches(DATE);
                assertThat(r[3]).isGreaterThanOrEqualTo(r[2]);
            }
            assertThat(r[7]).matches("\\d{4}");
        }
        for (String[] r : allocations) {
            assertThat(r[0]).matches("[A-Z]{12}");
            assertThat(r[4]).matches(DATE);
            if (!r[5].isEmpty()) {
                assertThat(r[5]).matches(DATE);
                assertThat(r[5]).isGreaterThanOrEqualTo(r[4]);
            }
        }
        for (String[] r : waitlist) {
            assertThat(r[0]).matches(DATE);
            assertThat(r[1]).matches("[A-Z]{12}");
        }
        for (String[] r : costs) {
            assertThat(r[0]).matches("\\d{4}-\\d{2}");
            assertThat(r[4]).matches("[1-9]\\d*");
            assertThat(r[5]).matches("\\d+\\.\\d{2}");
        }
    }

    @Test
    void keysAreUnique() {
        assertUnique(indications, 0, 5, 2);
        assertUnique(allocations, 0, 1, 4);
        assertUnique(waitlist, 0, 1, 3);
        assertUnique(costs, 0, 1, 2, 3);
        assertUnique(population, 0, 1);
    }

    @Test
    void noFieldContainsNineConsecutiveDigits() throws IOException {
        for (String file : FILES) {
            for (String[] r : rows(base, file)) {
                for (String field : r) {
                    assertThat(NINE_DIGITS.matcher(field).find()).as(file + ": " + field).isFalse();
                }
            }
        }
    }

    @Test
    void indicationsOfAClientDoNotOverlapAndAllocationsLieWithinTheIndication() {
        Map<String, List<String[]>> perClient = new HashMap<>();
        for (String[] r : indications) {
            perClient.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        for (List<String[]> list : perClient.values()) {
            list.sort((a, b) -> a[2].compareTo(b[2]));
            for (int i = 1; i < list.size(); i++) {
                String previousEnd = list.get(i - 1)[3];
                assertThat(previousEnd).isNotEmpty().isLessThan(list.get(i)[2]);
                // a new indication changes the profile, the region (a move) or both
                assertThat(list.get(i)[5] + list.get(i)[4]).isNotEqualTo(list.get(i - 1)[5] + list.get(i - 1)[4]);
            }
        }
        for (String[] a : allocations) {
            List<String[]> ind = perClient.get(a[0]);
            assertThat(ind).as(a[0]).isNotNull();
            String lastEnd = ind.get(ind.size() - 1)[3];
            if (!lastEnd.isEmpty()) { // care ends when the indication ends
                assertThat(a[5]).isNotEmpty().isLessThanOrEqualTo(lastEnd);
            }
            if (wProfiles.contains(ind.get(0)[5])) { // all GGZ-W indications lie in the period: care starts after
                assertThat(a[4]).isGreaterThanOrEqualTo(ind.get(0)[2]);
            }
        }
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
        assertThat(regions.stream().filter(r -> in.getOrDefault(r, 0) > 0 && out.getOrDefault(r, 0) > 0).count())
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
        Map<String, Double> tariff = Map.of("GGZ01W", 130.0, "GGZ02W", 165.0, "GGZ03W", 210.0, "GGZ04W", 260.0,
                "GGZ05W", 300.0, "GGZ03B", 230.0, "GGZ04B", 265.0, "GGZ05B", 300.0, "GGZ06B", 340.0, "GGZ07B", 380.0);
        Map<String, Double> multiplier = Map.of("VERBLIJF", 1.0, "VPT", 0.85, "MPT", 0.45, "PGB", 0.55,
                "MPT_PGB", 0.40);
        Map<String, Double> factorPerRegion = new HashMap<>();
        for (String[] r : costs) {
            double days = Double.parseDouble(r[4]);
            double base = days * tariff.get(r[2]) * multiplier.get(r[3]);
            double factor = Double.parseDouble(r[5]) / base;
            assertThat(factor).isBetween(0.95 - 0.01 / base, 1.05 + 0.01 / base);
            Double previous = factorPerRegion.putIfAbsent(r[1], factor);
            if (previous != null && base > 1000) {
                assertThat(factor).isCloseTo(previous, org.assertj.core.data.Offset.offset(0.0001));
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

    // ------------------------------------------------------------------ period selection

    @Test
    void periodSelectsWhatIsWritten() throws IOException {
        List<String[]> wl = rows(window, "waitlist.csv");
        List<String[]> co = rows(window, "costs.csv");
        List<String[]> ind = rows(window, "indications.csv");
        List<String[]> al = rows(window, "allocations.csv");
        List<String[]> pop = rows(window, "population.csv");
        assertThat(wl).isNotEmpty().allMatch(r -> r[0].startsWith("2023-"));
        assertThat(wl.stream().map(r -> r[0]).collect(Collectors.toSet())).hasSize(12);
        assertThat(co).isNotEmpty().allMatch(r -> r[0].startsWith("2023-"));
        assertThat(co.stream().map(r -> r[0]).collect(Collectors.toSet())).hasSize(12);
        assertThat(ind).isNotEmpty()
                .allMatch(r -> r[3].isEmpty() || r[3].compareTo("2023-01-01") >= 0)
                .allMatch(r -> r[2].compareTo("2023-12-31") <= 0)
                .allMatch(r -> r[3].isEmpty() || r[3].compareTo("2023-12-31") <= 0);
        assertThat(al).isNotEmpty()
                .allMatch(r -> r[5].isEmpty() || r[5].compareTo("2023-01-01") >= 0)
                .allMatch(r -> r[4].compareTo("2023-12-31") <= 0);
        assertThat(pop).isNotEmpty().allMatch(r -> r[0].equals("2023"));
        // the same world: the 2023 slice of the full run has the same waitlist and costs
        assertThat(lines(window, "waitlist.csv")).containsExactlyElementsOf(
                lines(base, "waitlist.csv").stream().filter(l -> l.startsWith("2023-")).toList());
        assertThat(lines(window, "costs.csv")).containsExactlyElementsOf(
                lines(base, "costs.csv").stream().filter(l -> l.startsWith("2023-")).toList());
        // influx is still counted from the real first valid_from
        assertThat(stock(ind, wProfiles, "2023-10-01")).isEqualTo(stock(wProfiles, "2023-10-01"));
    }

    // ------------------------------------------------------------------ command line

    @Test
    void generateCommandWritesTheFiveFiles() throws IOException {
        Path out = tmp.resolve("cli");
        StringWriter stdout = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(stdout));
        int code = cli.execute("--seed", "7", "--out", out.toString(), "--from", "2024-01", "--to", "2024-12");
        assertThat(code).isZero();
        for (String file : FILES) {
            assertThat(out.resolve(file)).isRegularFile();
            assertThat(stdout.toString()).contains(file);
        }
        assertThat(stdout.toString()).contains("regels");
        assertThat(rows(out, "population.csv")).allMatch(r -> r[0].equals("2024"));
    }

    @Test
    void badArgumentsGiveADutchMessageAndNonZeroExit() {
        for (String[] args : List.of(
                new String[] {"--out", tmp.resolve("bad1").toString(), "--from", "2023-13"},
                new String[] {"--out", tmp.resolve("bad2").toString(), "--from", "januari"},
                new String[] {"--out", tmp.resolve("bad3").toString(), "--from", "2024-01", "--to", "2023-01"},
                new String[] {"--out", tmp.resolve("bad4").toString(), "--scale", "-1"},
                new String[] {"--from", "2023-01"})) {
            StringWriter stderr = new StringWriter();
            CommandLine cli = new CommandLine(new GenerateCommand());
            cli.setErr(new PrintWriter(stderr));
            cli.setOut(new PrintWriter(new StringWriter()));
            assertThat(cli.execute(args)).as(Arrays.toString(args)).isNotZero();
            assertThat(stderr.toString()).as(Arrays.toString(args)).startsWith("Fout:");
        }
        assertThat(tmp.resolve("bad1")).doesNotExist();
    }

    @Test
    void amountsThatLookLikeABsnAreAvoided() {
        // 123456782 passes the elfproef; the next euro does not
        assertThat(SyntheticDataGenerator.amount(new BigDecimal("123456782.004"))).isEqualTo("123456783.00");
        assertThat(SyntheticDataGenerator.amount(new BigDecimal("12345678.235"))).isEqualTo("12345678.24");
    }

    // ------------------------------------------------------------------ helpers (independent of the generator)

    private static GeneratorSettings settings(long seed, String from, String to) {
        return new GeneratorSettings(seed, YearMonth.parse(from), YearMonth.parse(to), 1.0);
    }

    private static int stock(Set<String> series, String day) {
        return stock(indications, series, day);
    }

    private static int stock(List<String[]> rows, Set<String> series, String day) {
        Set<String> clients = new HashSet<>();
        for (String[] r : rows) {
            if (series.contains(r[5]) && r[2].compareTo(day) <= 0 && (r[3].isEmpty() || r[3].compareTo(day) >= 0)) {
                clients.add(r[0]);
            }
        }
        return clients.size();
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
        return perMonth.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue)
                .sum();
    }

    private static void assertUnique(List<String[]> rows, int... columns) {
        Set<String> keys = new HashSet<>();
        for (String[] r : rows) {
            StringBuilder key = new StringBuilder();
            for (int c : columns) {
                key.append(r[c]).append('|');
            }
            assertThat(keys.add(key.toString())).as("dubbele sleutel " + key).isTrue();
        }
    }

    private static List<String> lines(Path dir, String file) throws IOException {
        List<String> all = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        return all.subList(1, all.size());
    }

    private static List<String[]> rows(Path dir, String file) throws IOException {
        List<String> all = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        assertThat(all.get(0)).isEqualTo(HEADERS.get(file));
        int columns = all.get(0).split(";", -1).length;
        List<String[]> rows = new ArrayList<>(all.size());
        for (String line : all.subList(1, all.size())) {
            String[] r = line.split(";", -1);
            assertThat(r).as(line).hasSize(columns);
            rows.add(r);
        }
        return rows;
    }

    private static String resource(String name) {
        try (InputStream in = SyntheticDataGeneratorTest.class.getResourceAsStream("/reference/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> readCsv(String content) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = content.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].split(";", -1));
            }
        }
        return rows;
    }

    private static Set<String> referenceCodes(String file, int column) {
        return readCsv(resource(file)).stream().map(r -> r[column].trim()).collect(Collectors.toSet());
    }
}
