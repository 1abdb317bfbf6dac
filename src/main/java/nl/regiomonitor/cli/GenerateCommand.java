package nl.regiomonitor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.ingest.synthetic.GenerationSummary;
import nl.regiomonitor.ingest.synthetic.GeneratorSettings;
import nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator;

/**
 * {@code generate}: writes the five synthetic import files. All option values are parsed here (not by picocli)
 * so that a bad value gives a Dutch message; exit code 0 on success, 2 on bad arguments, 1 on a write error.
 */
@Command(
        name = "generate",
        description = "Schrijft synthetische importbestanden (deterministisch per seed).",
        mixinStandardHelpOptions = true)
public class GenerateCommand implements Callable<Integer> {

    static final int BAD_ARGUMENTS = 2;
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed van de toevalsgenerator (standaard: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--out", paramLabel = "MAP", description = "Map waarin de bestanden komen (verplicht).")
    Path out;

    @Option(
            names = "--from",
            paramLabel = "JJJJ-MM",
            defaultValue = "2021-01",
            description = "Eerste maand die wordt geschreven (standaard: ${DEFAULT-VALUE}).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "JJJJ-MM",
            defaultValue = "2024-12",
            description = "Laatste maand die wordt geschreven (standaard: ${DEFAULT-VALUE}).")
    String to;

    @Option(
            names = "--scale",
            paramLabel = "F",
            defaultValue = "1.0",
            description = "Vermenigvuldigt alle aantallen (standaard: ${DEFAULT-VALUE}).")
    String scale;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand())
                .setParameterExceptionHandler(new DutchParameterErrors())
                .execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        GeneratorSettings settings;
        try {
            if (out == null) {
                throw new IllegalArgumentException("Geef met --out de map op waarin de bestanden moeten komen.");
            }
            settings = new GeneratorSettings(
                    parseSeed(seed), parseMonth("--from", from), parseMonth("--to", to), parseScale(scale));
        } catch (IllegalArgumentException e) {
            err.println("Fout: " + e.getMessage());
            err.println("Gebruik 'generate --help' voor de opties.");
            err.flush();
            return BAD_ARGUMENTS;
        }
        long started = System.nanoTime();
        GenerationSummary summary;
        try {
            summary = new SyntheticDataGenerator(settings).generate(out);
        } catch (Exception e) {
            err.println("Fout bij het genereren: " + e.getMessage());
            err.flush();
            return FAILED;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        NumberFormat nf = NumberFormat.getIntegerInstance(Dutch.LOCALE);
        outWriter.printf(
                Locale.ROOT,
                "Synthetische gegevens geschreven naar %s%n",
                summary.outDir().toAbsolutePath());
        outWriter.printf(
                Locale.ROOT,
                "(seed %d, %s t/m %s, schaal %s, %s cliënten, %.1f s)%n",
                settings.seed(),
                settings.from(),
                settings.to(),
                scale.trim(),
                nf.format(summary.clients()),
                seconds);
        for (Map.Entry<String, Long> e : summary.rowsPerFile().entrySet()) {
            outWriter.printf(Locale.ROOT, "  %-16s %12s regels%n", e.getKey(), nf.format(e.getValue()));
        }
        outWriter.flush();
        return 0;
    }

    private static long parseSeed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed moet een geheel getal zijn (gekregen: '" + value + "').");
        }
    }

    private static YearMonth parseMonth(String option, String value) {
        String v = value.trim();
        if (!v.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException(option + " moet een maand zijn in de vorm jjjj-mm, bijvoorbeeld 2023-01"
                    + " (gekregen: '" + value + "').");
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " is geen geldige maand (gekregen: '" + value + "').");
        }
    }

    private static double parseScale(String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--scale moet een getal zijn, met een punt als decimaalteken" + " (gekregen: '" + value + "').");
        }
    }
}
