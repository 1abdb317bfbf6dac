package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.RegiomonitorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code user} as an administrator runs it: a separate JVM, on the database of the running test
 * application, with the password on standard input.
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

    private record Run(int exitCode, String out, String err) {
    }

    private Run user(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegiomonitorApplication.class.getName(), "user"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        ProcessBuilder child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        child.environment().put("SPRING_DATASOURCE_URL", dataSource.getJdbcUrl());
        child.environment().put("SPRING_DATASOURCE_USERNAME", dataSource.getUsername());
        child.environment().put("SPRING_DATASOURCE_PASSWORD", dataSource.getPassword() == null ? "" : dataSource.getPassword());
        Process process = child.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("user %s finished", List.of(args)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void addListDisableList() throws Exception {
        Run add = user("cli-wachtwoord-1\n", "add", "--username", "cli.jansen", "--name", "Jan Jansen (cli)",
                "--role", "ZORGKANTOOR:ZK02", "--role", "BEHEERDER", "--password-stdin");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Gebruiker cli.jansen is toegevoegd");

        Run list = user(null, "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("gebruikersnaam\tnaam\trollen\tstatus")
                .contains("cli.jansen\tJan Jansen (cli)\tBEHEERDER,ZORGKANTOOR:ZK02\tactief");

        Run disable = user(null, "disable", "cli.jansen");
        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(disable.out()).contains("Gebruiker cli.jansen is uitgeschakeld");

        assertThat(user(null, "list").out()).contains("cli.jansen\tJan Jansen (cli)\tBEHEERDER,ZORGKANTOOR:ZK02\tuitgeschakeld");

        AppUser stored = users.find("cli.jansen").orElseThrow();
        assertThat(passwords.matches("cli-wachtwoord-1", stored.passwordHash())).as("the line read from stdin").isTrue();
        List<AuditEvent> trail = audit.search(AuditFilter.all(), 100).stream()
                .filter(e -> "cli.jansen".equals(e.subjectId())).toList();
        assertThat(trail).extracting(AuditEvent::action).containsExactly(AuditAction.CHANGE, AuditAction.CREATE);
        assertThat(trail).extracting(AuditEvent::actor).containsOnly(CurrentUser.SYSTEM);
        assertThat(trail.get(0).before().get("actief").asBoolean()).isTrue();
        assertThat(trail.get(0).after().get("actief").asBoolean()).isFalse();
    }

    @Test
    void invalidInputIsRefusedWithADutchMessage() throws Exception {
        Run unknownRegion = user("cli-wachtwoord-1\n", "add", "--username", "cli.fout", "--name", "Fout", "--role",
                "ZORGKANTOOR:ZK99", "--password-stdin");
        assertThat(unknownRegion.exitCode()).isEqualTo(1);
        assertThat(unknownRegion.err()).contains("Fout: Onbekende regio 'ZK99'.");

        Run unknownRole = user("cli-wachtwoord-1\n", "add", "--username", "cli.fout", "--name", "Fout", "--role", "KONING",
                "--password-stdin");
        assertThat(unknownRole.exitCode()).isEqualTo(1);
        assertThat(unknownRole.err()).contains("Fout: Onbekende rol 'KONING'");

        Run nationalWithRegion = user("cli-wachtwoord-1\n", "add", "--username", "cli.fout", "--name", "Fout", "--role",
                "BEHEERDER:ZK02", "--password-stdin");
        assertThat(nationalWithRegion.exitCode()).isEqualTo(1);
        assertThat(nationalWithRegion.err()).contains("De rol Beheerder is landelijk en hoort niet bij een regio.");

        Run shortPassword = user("kort\n", "add", "--username", "cli.fout", "--name", "Fout", "--role", "LANDELIJK",
                "--password-stdin");
        assertThat(shortPassword.exitCode()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("Een wachtwoord heeft minstens 12 tekens.");

        Run unknownUser = user(null, "disable", "cli.niemand");
        assertThat(unknownUser.exitCode()).isEqualTo(1);
        assertThat(unknownUser.err()).contains("Er is geen gebruiker 'cli.niemand'.");

        assertThat(users.find("cli.fout")).isEmpty();
    }
}
