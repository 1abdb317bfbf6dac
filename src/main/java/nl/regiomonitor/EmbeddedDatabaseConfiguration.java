package nl.regiomonitor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts PostgreSQL inside the application when no external database is configured
 * ({@code SPRING_DATASOURCE_URL} unset), with its files in {@code $REGIOMONITOR_DATA_DIR/pg}
 * so that data survive a restart. It listens on the local machine only, and every connection
 * needs the password in {@code $REGIOMONITOR_DATA_DIR/pg-wachtwoord} (readable by the owner only,
 * made on the first start); a data directory of an older version, which let any local user in, is
 * switched over at its next start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Who may connect: password (SCRAM) only, also over the local socket. */
    static final String PASSWORD_ONLY = """
            # Written by Regiomonitor: every connection needs the password in ../pg-wachtwoord.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    static final String PASSWORD_FILE = "pg-wachtwoord";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${REGIOMONITOR_DATA_DIR:./data}") String dataDir) throws IOException {
        return start(Path.of(dataDir));
    }

    static EmbeddedPostgres start(Path dataDir) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        Path pgDir = data.resolve("pg");
        Files.createDirectories(pgDir);
        stopOrphanedServer(pgDir);
        String password = password(data);
        log.info("Ingebouwde PostgreSQL start met gegevens in {}", pgDir);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("listen_addresses", "localhost")
                    .setConnectConfig("password", password)
                    // stopped as a bean (close), after everything that uses it: its own JVM shutdown hook would
                    // stop it beside the application's, while an import still gives its job back to the queue
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IllegalStateException | IOException e) {
            throw new IllegalStateException(
                    "De ingebouwde database in " + pgDir + " kon niet starten. "
                            + "Draait er al een Regiomonitor met dezelfde gegevensmap? Stop die eerst, of gebruik "
                            + "de webpagina of de API om te importeren. Is " + data.resolve(PASSWORD_FILE)
                            + " weg of gewijzigd, "
                            + "zet dan het wachtwoord terug dat de database kent.",
                    e);
        }
        try {
            requirePassword(postgres, pgDir, password);
        } catch (SQLException | IOException e) {
            postgres.close();
            throw new IllegalStateException(
                    "De ingebouwde database in " + pgDir + " kon niet op een wachtwoord worden gezet.", e);
        }
        return postgres;
    }

    /** Binds spring.datasource.hikari.* (pool size, timeouts), as Spring Boot does for a database it makes itself. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${REGIOMONITOR_DATA_DIR:./data}") String dataDir)
            throws IOException {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword(password(Path.of(dataDir).toAbsolutePath().normalize()));
        dataSource.setPoolName("regiomonitor");
        return dataSource;
    }

    /** The database password, made on the first start: 256 random bits, in a file only its owner can read. */
    static String password(Path data) throws IOException {
        Path file = data.resolve(PASSWORD_FILE);
        boolean posix = data.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(data);
            if (posix) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
        if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        String password = Files.readString(file).strip();
        if (!password.matches("[A-Za-z0-9_-]{20,200}")) {
            throw new IllegalStateException(
                    "Het databasewachtwoord in " + file + " is onleesbaar; herstel het bestand.");
        }
        return password;
    }

    /**
     * Gives the superuser the password and lets only password logins in, when the cluster does not
     * yet: a new one (initdb trusts every local user) or one made by an older version.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path pgDir, String password)
            throws SQLException, IOException {
        Path hba = pgDir.resolve("pg_hba.conf");
        if (Files.readString(hba).equals(PASSWORD_ONLY)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            // the password is base64url: no quote can end the literal
            statement.execute("alter role postgres with password '" + password + "'");
            Files.writeString(hba, PASSWORD_ONLY);
            statement.execute("select pg_reload_conf()");
        }
        log.info("Ingebouwde PostgreSQL vraagt voortaan het wachtwoord uit {}", pgDir.resolveSibling(PASSWORD_FILE));
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running; it would block the next start.
     * Only when nobody holds the data directory's lock (so the owning JVM is gone) is it stopped.
     */
    private static void stopOrphanedServer(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                        pgDir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // a live Regiomonitor owns it; the start below reports that clearly
            }
            Optional<ProcessHandle> server = Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .map(String::trim)
                    .map(Long::parseLong)
                    .flatMap(ProcessHandle::of);
            if (server.isPresent() && server.get().info().command().orElse("").contains("postgres")) {
                log.warn(
                        "Achtergebleven PostgreSQL-proces {} van een afgebroken start wordt gestopt",
                        server.get().pid());
                server.get().destroy();
                server.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (OverlappingFileLockException e) {
            // this JVM already holds it: nothing is orphaned
        } catch (Exception e) {
            log.warn("Kon een achtergebleven PostgreSQL-proces niet stoppen", e);
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
