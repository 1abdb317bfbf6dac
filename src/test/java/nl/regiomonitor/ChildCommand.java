package nl.regiomonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.logging.LoggingSystem;

import nl.regiomonitor.cli.Regiomonitor;

/**
 * A command of the jar as an administrator runs it: a separate JVM on the database of the running
 * test application, with its exit code and what it printed.
 */
public final class ChildCommand {

    private ChildCommand() {}

    public record Run(int exitCode, String out, String err) {}

    /**
     * Runs {@code args} (the command and its arguments) with {@code stdin} (null for none) on standard
     * input; its output is kept in {@code folder}.
     */
    public static Run run(HikariDataSource dataSource, Path folder, String stdin, String... args) throws Exception {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = command(dataSource, args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as("%s finished", List.of(args))
                .isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A new JVM running the jar's command {@code args} on the database of the running test application. */
    public static ProcessBuilder command(HikariDataSource dataSource, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a child lives for seconds: the optimising compiler's work would not pay back, its start costs less
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Regiomonitor.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command);
        child.environment().put("SPRING_DATASOURCE_URL", dataSource.getJdbcUrl());
        child.environment().put("SPRING_DATASOURCE_USERNAME", dataSource.getUsername());
        child.environment()
                .put("SPRING_DATASOURCE_PASSWORD", dataSource.getPassword() == null ? "" : dataSource.getPassword());
        return child;
    }

    /**
     * Runs {@code args} in this JVM as {@link #run} runs them in a new one: the command starts its own application
     * context on the database of the running test application, reads {@code stdin} (null for none) and answers
     * with the same exit code and output, without the seconds a new JVM takes to start. {@link #run} stays the
     * check that the jar's command line works as the README shows it, once per command.
     */
    public static synchronized Run inProcess(HikariDataSource dataSource, String stdin, String... args) {
        Map<String, String> properties = Map.of(
                "spring.datasource.url",
                dataSource.getJdbcUrl(),
                "spring.datasource.username",
                dataSource.getUsername(),
                "spring.datasource.password",
                dataSource.getPassword() == null ? "" : dataSource.getPassword(),
                // the command's context must leave the logging of the test application as it is
                LoggingSystem.SYSTEM_PROPERTY,
                LoggingSystem.NONE);
        Map<String, String> before = new HashMap<>();
        properties.keySet().forEach(key -> before.put(key, System.getProperty(key)));
        InputStream in = System.in;
        try {
            properties.forEach(System::setProperty);
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
            return here(args);
        } finally {
            System.setIn(in);
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /**
     * Runs {@code args} in this JVM, only for what a command answers before it starts the
     * application (picocli's parsing, help, the command's own argument checks): the same exit code
     * and output as {@link #run}, without the seconds a new JVM takes.
     */
    public static Run here(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Regiomonitor.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
