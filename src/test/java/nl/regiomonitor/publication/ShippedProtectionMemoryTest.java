package nl.regiomonitor.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;

/**
 * The demo data's first publication takes every protection and audit from the memory shipped with the application:
 * it works out nothing anew. Fails after a change to the demo data, a published table or the method until
 * {@code tools/demo-protection-memory} has written the file again.
 */
class ShippedProtectionMemoryTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstPublicationOfTheDemoDataWorksOutNothingAnew() {
        int shipped = ShippedProtectionMemory.rows().size();
        assertThat(shipped).as("rows shipped").isGreaterThan(50);
        // what the first publication worked out was remembered while it was built, before it was stored
        Long rememberedByThen = jdbc.queryForObject("""
                select count(*) from protection_memory
                where created_at <= (select built_at from publication where status = 'PUBLISHED' order by version limit 1)""", Long.class);
        assertThat(rememberedByThen)
                .as(
                        "tables the demo data's first publication protected or audited anew: run tools/demo-protection-memory")
                .isEqualTo(shipped);
    }
}
