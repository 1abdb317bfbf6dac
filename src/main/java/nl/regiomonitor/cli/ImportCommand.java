package nl.regiomonitor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import nl.regiomonitor.ingest.ImportError;
import nl.regiomonitor.ingest.ImportResult;
import nl.regiomonitor.ingest.ImportService;

/** {@code import}: loads a file, or every file of a folder, into the database; exit code 1 if any is refused. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Importeer een bestand (CSV of .xlsx) of alle bestanden van een map, elk in één transactie.")
public class ImportCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int BAD_ARGUMENTS = 2;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--type",
            paramLabel = "SOORT",
            description =
                    "population, indications, allocations, waitlist of costs (standaard: herkennen aan de kopregel).")
    String type;

    @Option(
            names = "--name",
            paramLabel = "NAAM",
            description = "Naam die het bestand identificeert (standaard: de bestandsnaam).")
    String name;

    @Parameters(paramLabel = "BESTAND_OF_MAP", description = "Het bestand, of een map zoals 'generate' die schrijft.")
    Path path;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(path)) {
            err.println("Fout: " + path + " bestaat niet.");
            return BAD_ARGUMENTS;
        }
        ConfigurableApplicationContext context = CommandContext.start(err);
        if (context == null) {
            return REFUSED;
        }
        try (context) {
            ImportService imports = context.getBean(ImportService.class);
            List<ImportResult> results = Files.isDirectory(path)
                    ? imports.importFolder(path, name == null ? "" : name + "/")
                    : List.of(imports.importFile(
                            path, name == null ? path.getFileName().toString() : name, type));
            results.forEach(result -> print(out, result));
            return results.stream().allMatch(ImportResult::succeeded) ? 0 : REFUSED;
        } catch (ImportService.InvalidImportRequest e) {
            err.println("Fout: " + e.getMessage());
            return BAD_ARGUMENTS;
        } catch (Exception e) {
            err.println("Fout: " + CommandContext.reason(e));
            return REFUSED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void print(PrintWriter out, ImportResult result) {
        out.printf("%s (%s): %s — %s%n", result.source(), result.type(), result.statusText(), result.message());
        for (ImportError error : result.errors()) {
            out.println("  " + error.text());
        }
    }
}
