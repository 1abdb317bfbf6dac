package nl.regiomonitor.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files the SyntheticDataGenerator tests read back, independently of the generator's internals: generated once
 * per JVM (seed 42, 2021 to 2024, and 2023 alone) for all of them, as generating takes seconds; the tests only read
 * them. Also the reference codes and the helpers to read the CSV files.
 */
final class GeneratedFiles {

    static final List<String> FILES =
            List.of("indications.csv", "allocations.csv", "waitlist.csv", "costs.csv", "population.csv");
    static final Map<String, String> HEADERS = Map.of(
            "indications.csv", "client_id;decision_date;valid_from;valid_to;region_code;profile_code;origin;birth_year",
            "allocations.csv", "client_id;provider_code;region_code;delivery_form;start_date;end_date",
            "waitlist.csv", "snapshot_date;client_id;region_code;profile_code;wait_status",
            "costs.csv", "month;region_code;profile_code;delivery_form;client_days;amount_eur",
            "population.csv", "year;municipality_code;municipality_name;region_code;inhabitants;inhabitants_18plus");

    static final Set<String> regions = referenceCodes("regions.csv", 0);
    static final Set<String> forms = referenceCodes("delivery_forms.csv", 0);
    static final Set<String> origins = referenceCodes("origins.csv", 0);
    static final Set<String> statuses = referenceCodes("wait_statuses.csv", 0);
    static final Set<String> wProfiles = new HashSet<>();
    static final Set<String> bProfiles = new HashSet<>();

    /** Seed 42 over 2021-01 to 2024-12. */
    static final Path base;
    /** Seed 42 over 2023-01 to 2023-12 only. */
    static final Path window;

    static final GenerationSummary summary;
    static final List<String[]> indications;
    static final List<String[]> allocations;
    static final List<String[]> waitlist;
    static final List<String[]> costs;
    static final List<String[]> population;

    static {
        for (String[] row : readCsv(resource("care_profiles.csv"))) {
            (row[3].equals("GGZ-W") ? wProfiles : bProfiles).add(row[0]);
        }
        try {
            Path tmp = Files.createTempDirectory("synthetic-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp)));
            base = tmp.resolve("base");
            summary = new SyntheticDataGenerator(settings(42, "2021-01", "2024-12")).generate(base);
            window = tmp.resolve("window");
            new SyntheticDataGenerator(settings(42, "2023-01", "2023-12")).generate(window);

            indications = rows(base, "indications.csv");
            allocations = rows(base, "allocations.csv");
            waitlist = rows(base, "waitlist.csv");
            costs = rows(base, "costs.csv");
            population = rows(base, "population.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GeneratedFiles() {}

    static GeneratorSettings settings(long seed, String from, String to) {
        return new GeneratorSettings(seed, YearMonth.parse(from), YearMonth.parse(to), 1.0);
    }

    static int stock(Set<String> series, String day) {
        return stock(indications, series, day);
    }

    static int stock(List<String[]> rows, Set<String> series, String day) {
        Set<String> clients = new HashSet<>();
        for (String[] r : rows) {
            if (series.contains(r[5]) && r[2].compareTo(day) <= 0 && (r[3].isEmpty() || r[3].compareTo(day) >= 0)) {
                clients.add(r[0]);
            }
        }
        return clients.size();
    }

    static List<String[]> rows(Path dir, String file) throws IOException {
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

    static String resource(String name) {
        try (InputStream in = GeneratedFiles.class.getResourceAsStream("/reference/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String[]> readCsv(String content) {
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

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // the JVM ends anyway; what is left is in the system's temporary folder
        }
    }
}
