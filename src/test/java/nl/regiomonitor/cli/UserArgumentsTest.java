package nl.regiomonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.ChildCommand;

/**
 * Wrong roles given to {@code user add} are refused before the application starts: checked in this JVM, without
 * it. What only the started application knows (regions, password rules, users) is in {@link UserCommandTest}.
 */
class UserArgumentsTest {

    @Test
    void wrongRolesAreRefusedWithADutchMessage() {
        ChildCommand.Run unknownRole = ChildCommand.here(
                "user", "add", "--username", "cli.fout", "--name", "Fout", "--role", "KONING", "--password-stdin");
        assertThat(unknownRole.exitCode()).isEqualTo(1);
        assertThat(unknownRole.err()).contains("Fout: Onbekende rol 'KONING'");

        ChildCommand.Run nationalWithRegion = ChildCommand.here(
                "user",
                "add",
                "--username",
                "cli.fout",
                "--name",
                "Fout",
                "--role",
                "BEHEERDER:ZK02",
                "--password-stdin");
        assertThat(nationalWithRegion.exitCode()).isEqualTo(1);
        assertThat(nationalWithRegion.err()).contains("De rol Beheerder is landelijk en hoort niet bij een regio.");
    }
}
