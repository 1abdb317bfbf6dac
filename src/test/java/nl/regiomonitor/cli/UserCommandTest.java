package nl.regiomonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import nl.regiomonitor.ChildCommand;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditEvent;
import nl.regiomonitor.security.AuditFilter;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.UserService;

/**
 * {@code user} as an administrator runs it, on the database of the running test application, with the password
 * on standard input: the first run in a separate JVM, the others in this one (the same command line and context).
 */
class UserCommandTest extends IntegrationTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    UserService users;

    @Autowired
    AuditService audit;

    @Autowired
    PasswordEncoder passwords;

    @TempDir
    Path folder;

    /** In a JVM of its own, as the README shows it: once, for the first step of {@link #addListDisableList}. */
    private ChildCommand.Run userInNewJvm(String stdin, String... args) throws Exception {
        return ChildCommand.run(dataSource, folder, stdin, command(args));
    }

    private ChildCommand.Run user(String stdin, String... args) {
        return ChildCommand.inProcess(dataSource, stdin, command(args));
    }

    private static String[] command(String... args) {
        List<String> command = new ArrayList<>(List.of("user"));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    @Test
    void addListDisableList() throws Exception {
        ChildCommand.Run add = userInNewJvm(
                "cli-wachtwoord-1\n",
                "add",
                "--username",
                "cli.jansen",
                "--name",
                "Jan Jansen (cli)",
                "--role",
                "ZORGKANTOOR:ZK02",
                "--role",
                "BEHEERDER",
                "--password-stdin");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Gebruiker cli.jansen is toegevoegd");

        ChildCommand.Run list = user(null, "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("gebruikersnaam\tnaam\trollen\tstatus")
                .contains("cli.jansen\tJan Jansen (cli)\tBEHEERDER,ZORGKANTOOR:ZK02\tactief");

        ChildCommand.Run disable = user(null, "disable", "cli.jansen");
        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(disable.out()).contains("Gebruiker cli.jansen is uitgeschakeld");

        assertThat(user(null, "list").out())
                .contains("cli.jansen\tJan Jansen (cli)\tBEHEERDER,ZORGKANTOOR:ZK02\tuitgeschakeld");

        AppUser stored = users.find("cli.jansen").orElseThrow();
        assertThat(passwords.matches("cli-wachtwoord-1", stored.passwordHash()))
                .as("the line read from stdin")
                .isTrue();
        List<AuditEvent> trail = audit.search(AuditFilter.all(), 100).stream()
                .filter(e -> "cli.jansen".equals(e.subjectId()))
                .toList();
        assertThat(trail).extracting(AuditEvent::action).containsExactly(AuditAction.CHANGE, AuditAction.CREATE);
        assertThat(trail).extracting(AuditEvent::actor).containsOnly(CurrentUser.SYSTEM);
        assertThat(trail.get(0).before().get("actief").asBoolean()).isTrue();
        assertThat(trail.get(0).after().get("actief").asBoolean()).isFalse();
    }

    @Test
    void invalidInputIsRefusedWithADutchMessage() throws Exception {
        // wrong roles are refused before the application starts: UserArgumentsTest
        // the rest is known only to the started application: real runs of the command
        ChildCommand.Run unknownRegion = user(
                "cli-wachtwoord-1\n",
                "add",
                "--username",
                "cli.fout",
                "--name",
                "Fout",
                "--role",
                "ZORGKANTOOR:ZK99",
                "--password-stdin");
        assertThat(unknownRegion.exitCode()).isEqualTo(1);
        assertThat(unknownRegion.err()).contains("Fout: Onbekende regio 'ZK99'.");

        ChildCommand.Run shortPassword = user(
                "kort\n", "add", "--username", "cli.fout", "--name", "Fout", "--role", "LANDELIJK", "--password-stdin");
        assertThat(shortPassword.exitCode()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("Een wachtwoord heeft minstens 12 tekens.");

        ChildCommand.Run spaces = user(
                " ".repeat(12) + "\n",
                "add",
                "--username",
                "cli.fout",
                "--name",
                "Fout",
                "--role",
                "LANDELIJK",
                "--password-stdin");
        assertThat(spaces.exitCode()).isEqualTo(1);
        assertThat(spaces.err()).contains("Een wachtwoord mag niet alleen uit spaties bestaan.");

        ChildCommand.Run common = user(
                "Welkom123456!\n",
                "add",
                "--username",
                "cli.fout",
                "--name",
                "Fout",
                "--role",
                "LANDELIJK",
                "--password-stdin");
        assertThat(common.exitCode()).isEqualTo(1);
        assertThat(common.err()).contains("veelgebruikte of gelekte wachtwoorden");

        ChildCommand.Run unknownUser = user(null, "disable", "cli.niemand");
        assertThat(unknownUser.exitCode()).isEqualTo(1);
        assertThat(unknownUser.err()).contains("Er is geen gebruiker 'cli.niemand'.");

        assertThat(users.find("cli.fout")).isEmpty();
    }
}
