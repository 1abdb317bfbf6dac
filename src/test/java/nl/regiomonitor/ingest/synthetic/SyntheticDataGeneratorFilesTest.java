package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.FILES;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.HEADERS;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.allocations;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.bProfiles;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.base;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.costs;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.forms;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.indications;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.origins;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.population;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.readCsv;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.regions;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.resource;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.rows;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.statuses;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.wProfiles;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.waitlist;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The generated files as a reader of them would check them: format, codes, keys, dates, and nothing like a BSN. */
class SyntheticDataGeneratorFilesTest {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

    @Test
    void filesAreUtf8WithoutBomWithLfLineEndsAndExactHeaders() throws IOException {
        for (String file : FILES) {
            byte[] bytes = Files.readAllBytes(base.resolve(file));
            assertThat(bytes.length).isGreaterThan(3);
            assertThat(bytes[0]).as(file + " BOM").isNotEqualTo((byte) 0xEF);
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .as(file)
                    .doesNotContain("\r")
                    .endsWith("\n")
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
        assertThat(first.values())
                .filteredOn(r -> r[6].equals("JEUGD") && wProfiles.contains(r[5]))
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
            assertThat(LocalDate.parse(r[1]))
                    .isAfterOrEqualTo(LocalDate.parse(r[2]).minusDays(21));
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
                    assertThat(NINE_DIGITS.matcher(field).find())
                            .as(file + ": " + field)
                            .isFalse();
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
    void amountsThatLookLikeABsnAreAvoided() {
        // 123456782 passes the elfproef; the next euro does not
        assertThat(SyntheticDataGenerator.amount(new BigDecimal("123456782.004")))
                .isEqualTo("123456783.00");
        assertThat(SyntheticDataGenerator.amount(new BigDecimal("12345678.235")))
                .isEqualTo("12345678.24");
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
}
