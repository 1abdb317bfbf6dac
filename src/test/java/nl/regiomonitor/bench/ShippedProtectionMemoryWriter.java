package nl.regiomonitor.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.publication.Publication;
import nl.regiomonitor.publication.PublicationService;

/**
 * tools/demo-protection-memory: starts the application on a fresh database with the demo data and without the
 * shipped memory, so the first publication protects and audits every table anew, and writes what it worked out as
 * the new file of {@code publication.ShippedProtectionMemory} (the argument). Run after a change to the demo data,
 * the published tables, or the protection or audit method.
 */
public final class ShippedProtectionMemoryWriter {

    private ShippedProtectionMemoryWriter() {}

    public static void main(String[] args) throws Exception {
        BenchSupport.workFolder();
        try (ConfigurableApplicationContext context =
                BenchSupport.server("--regiomonitor.publication.shipped-memory=false")) {
            Publication first =
                    context.getBean(PublicationService.class).current().orElseThrow();
            List<String> rows = context.getBean(JdbcTemplate.class)
                    .queryForList(
                            "select kind || chr(9) || key || chr(9) || coalesce(marks, '') from protection_memory "
                                    + "order by kind, key",
                            String.class);
            Files.write(Path.of(args[0]), rows, StandardCharsets.UTF_8);
            System.out.printf(
                    "Publicatie %d: %d tabellen in %d ms; %d rijen geschreven naar %s%n",
                    first.version(), first.tables(), first.buildMillis(), rows.size(), args[0]);
        }
    }
}
