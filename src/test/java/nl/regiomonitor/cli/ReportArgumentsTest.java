package nl.regiomonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.ChildCommand;

/**
 * Wrong arguments of {@code report} are refused before the application starts: checked in this JVM, without it.
 * What only the started application knows (an unknown region) is in {@link ReportCommandTest}.
 */
class ReportArgumentsTest {

    @Test
    void wrongArgumentsAreExitCode2WithADutchMessage() {
        assertWrong(here("--year", "2024"), "Fout: geef precies één van --region REGIO en --all.");
        assertWrong(
                here("--region", "ZK10", "--all", "--year", "2024"),
                "Fout: geef precies één van --region REGIO en --all.");
        assertWrong(here("--region", "ZK10"), "Fout: geef het jaar met --year");
        assertWrong(here("--region", "ZK10", "--year", "1999"), "Fout: het jaar 1999 ligt niet tussen 2000 en 2100.");
        // picocli's own complaints are in Dutch too
        assertWrong(here("--regio", "ZK10", "--year", "2024"), "Fout: onbekende optie of waarde: --regio ZK10.");
        assertWrong(here("--region", "ZK10", "--year", "twee"), "Fout: 'twee' is geen geldige waarde voor --year.");
    }

    @Test
    void helpIsInDutch() {
        ChildCommand.Run help = here("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Gebruik: regiomonitor report")
                .contains("Maak het regioperspectief als PDF")
                .contains("Toon deze hulp");
    }

    private static ChildCommand.Run here(String... args) {
        return ChildCommand.here(
                Stream.concat(Stream.of("report"), Stream.of(args)).toArray(String[]::new));
    }

    static void assertWrong(ChildCommand.Run run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ReportCommand.BAD_ARGUMENTS);
        assertThat(run.err()).contains(message);
    }
}
