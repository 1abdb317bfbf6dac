package nl.regiomonitor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar: a picocli command line whose default subcommand is {@code serve}.
 */
@Command(
        name = "regiomonitor",
        mixinStandardHelpOptions = true,
        version = "Regiomonitor Wlz-ggz 0.1",
        description = "Regiomonitor Wlz-ggz: cijfers, regioperspectief en plan van aanpak per zorgkantoorregio.",
        subcommands = {
            ServeCommand.class,
            GenerateCommand.class,
            ImportCommand.class,
            UserCommand.class,
            AuditCommand.class,
            ReportCommand.class
        })
public final class Regiomonitor {

    private static final Set<String> OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private Regiomonitor() {}

    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != ServeCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }

    /** Runs the command line; {@code serve} is implied when the first word is not a known one. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        List<String> effective = new ArrayList<>(List.of(args));
        if (effective.isEmpty()
                || !(commandLine.getSubcommands().containsKey(effective.get(0))
                        || OPTIONS.contains(effective.get(0)))) {
            effective.add(0, "serve");
        }
        return commandLine.execute(effective.toArray(String[]::new));
    }

    /** The command line with its Dutch error messages, without the implied {@code serve}. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Regiomonitor());
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.setParameterExceptionHandler(new DutchParameterErrors());
        return commandLine;
    }
}
