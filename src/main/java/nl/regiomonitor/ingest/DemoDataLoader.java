package nl.regiomonitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import nl.regiomonitor.common.AdvisoryLock;
import nl.regiomonitor.ingest.synthetic.GeneratorSettings;
import nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator;

/**
 * On an empty database, {@code serve} generates demo data (seed 42) and imports it before the
 * web server opens, so the first page already shows figures. {@code REGIOMONITOR_DEMO=false} turns it off.
 * Instances that start together on one empty database import them once: each asks under one advisory
 * lock whether the database is still empty, and the ones after the first find the data there.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "REGIOMONITOR_DEMO", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements SmartInitializingSingleton {

    static final long DEMO_SEED = 42;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final HoldingsService holdings;
    private final ImportService imports;
    private final DataSource dataSource;

    DemoDataLoader(HoldingsService holdings, ImportService imports, DataSource dataSource) {
        this.holdings = holdings;
        this.imports = imports;
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        AdvisoryLock.once(dataSource, AdvisoryLock.DEMO_DATA, holdings::isEmpty, this::importDemoData);
    }

    private void importDemoData() {
        log.info("Lege database: demogegevens (seed {}) worden gemaakt en geïmporteerd", DEMO_SEED);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("regiomonitor-demo-");
            GeneratorSettings defaults = GeneratorSettings.defaults();
            new SyntheticDataGenerator(new GeneratorSettings(DEMO_SEED, defaults.from(), defaults.to(), 1.0))
                    .generate(folder);
            List<ImportResult> results = imports.importFolder(folder, "demo-");
            results.forEach(r -> log.info("Demo {}: {}", r.source(), r.message()));
        } catch (IOException e) {
            throw new IllegalStateException("De demogegevens konden niet worden gemaakt", e);
        } finally {
            if (folder != null) {
                try {
                    PathUtils.deleteDirectory(folder);
                } catch (IOException e) {
                    log.warn("Tijdelijke map {} kon niet worden verwijderd", folder, e);
                }
            }
        }
    }
}
