package nl.regiomonitor.ingest.synthetic;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param outDir          directory the files were written to
 * @param indicationRows  data rows in {@code indications.csv} (header not counted)
 * @param allocationRows  data rows in {@code allocations.csv}
 * @param waitlistRows    data rows in {@code waitlist.csv}
 * @param costRows        data rows in {@code costs.csv}
 * @param populationRows  data rows in {@code population.csv}
 * @param clients         simulated clients (over the whole model timeline, also outside the written period)
 */
public record GenerationSummary(
        Path outDir,
        long indicationRows,
        long allocationRows,
        long waitlistRows,
        long costRows,
        long populationRows,
        long clients) {

    /** File name → number of data rows, in the order the files are written. */
    public Map<String, Long> rowsPerFile() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(SyntheticDataGenerator.INDICATIONS, indicationRows);
        rows.put(SyntheticDataGenerator.ALLOCATIONS, allocationRows);
        rows.put(SyntheticDataGenerator.WAITLIST, waitlistRows);
        rows.put(SyntheticDataGenerator.COSTS, costRows);
        rows.put(SyntheticDataGenerator.POPULATION, populationRows);
        return rows;
    }
}
