package nl.regiomonitor.publication;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.ProtectionStore;

/**
 * The protection of published tables as the application runs it: the threshold from the settings,
 * and what protection and audit worked out kept in {@code protection_memory}, so a restart does
 * not solve every table again; what the demo data need comes with the application ({@link ShippedProtectionMemory}).
 * A failing database only costs that shortcut, never a publication.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);

    @Bean
    CellSuppression cellSuppression(
            @Value("${regiomonitor.disclosure.threshold:5}") int threshold,
            @Value("${regiomonitor.publication.shipped-memory}") boolean shippedMemory,
            @Value("${REGIOMONITOR_DEMO:true}") boolean demo,
            JdbcTemplate jdbc) {
        // the shipped rows match the demo data's tables only: without the demo data they would never be used
        if (shippedMemory && demo) {
            ShippedProtectionMemory.load(jdbc);
        }
        return new CellSuppression(threshold, new ProtectionStore() {
            @Override
            public Optional<String> find(String kind, String key) {
                try {
                    List<String> stored = jdbc.queryForList(
                            "select coalesce(marks, '') from protection_memory where kind = ? and key = ?",
                            String.class,
                            kind,
                            key);
                    return stored.stream().findFirst();
                } catch (DataAccessException e) {
                    log.warn("Eerdere bescherming niet te lezen; de tabel wordt opnieuw beschermd", e);
                    return Optional.empty();
                }
            }

            @Override
            public void remember(String kind, String key, String value) {
                try {
                    jdbc.update(
                            "insert into protection_memory (kind, key, marks) values (?, ?, ?) on conflict do nothing",
                            kind,
                            key,
                            value);
                } catch (DataAccessException e) {
                    log.warn("Bescherming niet bewaard voor een volgende start", e);
                }
            }
        });
    }
}
