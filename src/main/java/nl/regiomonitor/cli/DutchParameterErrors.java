package nl.regiomonitor.cli;

import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's own complaints about a command line (an unknown option, a missing value) in Dutch, as
 * the commands' own checks are, with exit code 2 like theirs.
 */
public final class DutchParameterErrors implements CommandLine.IParameterExceptionHandler {

    static final int BAD_ARGUMENTS = 2;

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        command.getErr().println("Fout: " + message(ex));
        command.getErr()
                .println("Zie '" + command.getCommandSpec().qualifiedName() + " --help' voor de mogelijkheden.");
        return BAD_ARGUMENTS;
    }

    static String message(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "onbekende optie of waarde: " + String.join(" ", unmatched.getUnmatched()) + ".";
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return "dit ontbreekt nog: "
                    + missing.getMissing().stream()
                            .map(DutchParameterErrors::name)
                            .collect(Collectors.joining(", ")) + ".";
        }
        if (ex instanceof CommandLine.OverwrittenOptionException overwritten) {
            return name(overwritten.getOverwritten()) + " staat er meer dan eens.";
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return "'" + ex.getValue() + "' is geen geldige waarde voor " + name(ex.getArgSpec()) + ".";
        }
        return "de opdracht is niet te lezen (" + ex.getMessage() + ").";
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg instanceof PositionalParamSpec positional ? positional.paramLabel() : String.valueOf(arg);
    }
}
