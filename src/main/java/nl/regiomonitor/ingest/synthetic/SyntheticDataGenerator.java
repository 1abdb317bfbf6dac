package nl.regiomonitor.ingest.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Deterministic, seeded generator of the five import files ({@code indications.csv}, {@code allocations.csv},
 * {@code waitlist.csv}, {@code costs.csv}, {@code population.csv}). The same {@link GeneratorSettings} always
 * give byte-identical files. The model is described in {@code package-info.java}.
 */
public final class SyntheticDataGenerator {

    public static final String INDICATIONS = "indications.csv";
    public static final String ALLOCATIONS = "allocations.csv";
    public static final String WAITLIST = "waitlist.csv";
    public static final String COSTS = "costs.csv";
    public static final String POPULATION = "population.csv";

    static final String INDICATIONS_HEADER =
            "client_id;decision_date;valid_from;valid_to;region_code;profile_code;origin;birth_year";
    static final String ALLOCATIONS_HEADER = "client_id;provider_code;region_code;delivery_form;start_date;end_date";
    static final String WAITLIST_HEADER = "snapshot_date;client_id;region_code;profile_code;wait_status";
    static final String COSTS_HEADER = "month;region_code;profile_code;delivery_form;client_days;amount_eur";
    static final String POPULATION_HEADER =
            "year;municipality_code;municipality_name;region_code;inhabitants;inhabitants_18plus";

    /** Yearly population growth applied to the 2019 reference, compounded. */
    static final double POPULATION_GROWTH = 0.006;

    static final int POPULATION_BASE_YEAR = 2019;
    /** Share of clients in care that is (also) waiting for a preferred provider on a snapshot date. */
    static final double IN_CARE_PREFERENCE = 0.02;

    private static final int BUFFER = 1 << 16;

    private final GeneratorSettings settings;

    public SyntheticDataGenerator(GeneratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Runs the simulation and writes the five files into {@code outDir} (created if needed). */
    public GenerationSummary generate(Path outDir) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        ReferenceData ref = ReferenceData.load();
        Simulation sim = new Simulation(settings, ref);
        sim.run();
        Files.createDirectories(outDir);
        ClientFiles out = new ClientFiles(sim, settings);
        long indications = out.writeIndications(outDir.resolve(INDICATIONS));
        long allocations = out.writeAllocations(outDir.resolve(ALLOCATIONS));
        long waitlist = out.writeWaitlist(outDir.resolve(WAITLIST));
        long costs = out.writeCosts(outDir.resolve(COSTS));
        long population = writePopulation(ref, settings, outDir.resolve(POPULATION));
        long clients = 0;
        for (int c = 0; c < sim.clients.size; c++) {
            if (!sim.clients.removed[c]) {
                clients++;
            }
        }
        return new GenerationSummary(outDir, indications, allocations, waitlist, costs, population, clients);
    }

    static Writer open(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER);
    }

    static long writePopulation(ReferenceData ref, GeneratorSettings settings, Path file) throws IOException {
        long rows = 0;
        try (Writer w = open(file)) {
            w.write(POPULATION_HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (int year = settings.from().getYear(); year <= settings.to().getYear(); year++) {
                double factor = StrictMath.pow(1 + POPULATION_GROWTH, year - POPULATION_BASE_YEAR);
                for (ReferenceData.Municipality m : ref.municipalities) {
                    if (m.year() != POPULATION_BASE_YEAR) {
                        continue;
                    }
                    line.setLength(0);
                    line.append(year)
                            .append(';')
                            .append(m.code())
                            .append(';')
                            .append(csv(m.name()))
                            .append(';')
                            .append(m.regionCode())
                            .append(';')
                            .append(Math.round(m.inhabitants() * factor))
                            .append(';')
                            .append(Math.round(m.inhabitants18plus() * factor))
                            .append('\n');
                    w.append(line);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static String csv(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * Formats a cost amount with 2 decimals. An amount whose integer part is exactly nine digits and passes the
     * BSN elfproef would make the importer refuse the whole file, so it is raised by whole euros until it no
     * longer does (only possible at large scales, a relative change below 10⁻⁷).
     */
    static String amount(BigDecimal value) {
        BigDecimal v = value.setScale(2, RoundingMode.HALF_UP);
        String s = v.toPlainString();
        while (true) {
            int dot = s.indexOf('.');
            String integer = dot < 0 ? s : s.substring(0, dot);
            if (!SyntheticMath.passesElfproef(integer)) {
                return s;
            }
            v = v.add(BigDecimal.ONE);
            s = v.toPlainString();
        }
    }
}
