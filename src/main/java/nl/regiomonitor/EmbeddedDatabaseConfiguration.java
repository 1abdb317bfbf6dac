package nl.regiomonitor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts PostgreSQL inside the application when no external database is configured
 * ({@code SPRING_DATASOURCE_URL} unset), with its files in {@code $REGIOMONITOR_DATA_DIR/pg}
 * so that data survive a restart.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${REGIOMONITOR_DATA_DIR:./data}") String dataDir) throws IOException {
        Path pgDir = Path.of(dataDir).toAbsolutePath().normalize().resolve("pg");
        Files.createDirectories(pgDir);
        stopOrphanedServer(pgDir);
        log.info("Ingebouwde PostgreSQL start met gegevens in {}", pgDir);
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "50")
                    .start();
        } catch (IllegalStateException | IOException e) {
            throw new IllegalStateException("De ingebouwde database in " + pgDir + " kon niet starten. "
                    + "Draait er al een Regiomonitor met dezelfde gegevensmap? Stop die eerst, of gebruik "
                    + "de webpagina of de API om te importeren.", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("regiomonitor");
        return dataSource;
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
        try (FileChannel channel = FileChannel.open(pgDir.resolve("epg-lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // a live Regiomonitor owns it; the start below reports that clearly
            }
            Optional<ProcessHandle> server = Files.readAllLines(pidFile).stream().findFirst()
                    .map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
            if (server.isPresent() && server.get().info().command().orElse("").contains("postgres")) {
                log.warn("Achtergebleven PostgreSQL-proces {} van een afgebroken start wordt gestopt", server.get().pid());
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
