package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.FILES;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.allocations;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.base;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.costs;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.indications;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.population;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.rows;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.settings;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.stock;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.summary;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.wProfiles;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.waitlist;
import static nl.regiomonitor.ingest.synthetic.GeneratedFiles.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import nl.regiomonitor.cli.GenerateCommand;

/** Running the generator: the same seed gives the same files, a period selects what is written, and the command line. */
class SyntheticDataGeneratorRunTest {

    @TempDir
    static Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFilesOtherSeedDifferentFiles() throws IOException {
        Path same = tmp.resolve("same");
        Path other = tmp.resolve("other");
        new SyntheticDataGenerator(settings(42, "2021-01", "2024-12")).generate(same);
        new SyntheticDataGenerator(settings(43, "2021-01", "2024-12")).generate(other);
        for (String file : FILES) {
            assertThat(Files.mismatch(base.resolve(file), same.resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
        for (String file : List.of("indications.csv", "allocations.csv", "waitlist.csv", "costs.csv")) {
            assertThat(Files.mismatch(base.resolve(file), other.resolve(file)))
                    .as(file)
                    .isNotEqualTo(-1L);
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
        assertThat(ind)
                .isNotEmpty()
                .allMatch(r -> r[3].isEmpty() || r[3].compareTo("2023-01-01") >= 0)
                .allMatch(r -> r[2].compareTo("2023-12-31") <= 0)
                .allMatch(r -> r[3].isEmpty() || r[3].compareTo("2023-12-31") <= 0);
        assertThat(al)
                .isNotEmpty()
                .allMatch(r -> r[5].isEmpty() || r[5].compareTo("2023-01-01") >= 0)
                .allMatch(r -> r[4].compareTo("2023-12-31") <= 0);
        assertThat(pop).isNotEmpty().allMatch(r -> r[0].equals("2023"));
        // the same world: the 2023 slice of the full run has the same waitlist and costs
        assertThat(lines(window, "waitlist.csv"))
                .containsExactlyElementsOf(lines(base, "waitlist.csv").stream()
                        .filter(l -> l.startsWith("2023-"))
                        .toList());
        assertThat(lines(window, "costs.csv"))
                .containsExactlyElementsOf(lines(base, "costs.csv").stream()
                        .filter(l -> l.startsWith("2023-"))
                        .toList());
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

    private static List<String> lines(Path dir, String file) throws IOException {
        List<String> all = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        return all.subList(1, all.size());
    }
}
