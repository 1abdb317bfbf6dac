package nl.regiomonitor.report;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import nl.regiomonitor.common.AdvisoryLock;
import nl.regiomonitor.region.RegionService;

/**
 * Demo mode: with nothing published yet, publishes the regioperspectief 2024 of Haaglanden (ZK10) and of
 * Amstelland en De Meerlanden (ZK01), the two regions with a demo register, so the list of regioperspectieven
 * shows real reports on a first start. A lifecycle step, not a start-up callback: it must come after the demo
 * data, the register and the first publication of the figures (phase DEFAULT_PHASE - 4096), and before the
 * warm-up (DEFAULT_PHASE - 3072) and the web server opens its port (DEFAULT_PHASE - 2048). Published as the
 * system user.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "REGIOMONITOR_DEMO", havingValue = "true", matchIfMissing = true)
class DemoReports implements SmartLifecycle {

    static final int YEAR = 2024;
    static final List<String> REGIONS = List.of("ZK10", "ZK01");
    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3584;

    private final ReportPublications publications;
    private final RegionService regions;
    private final DataSource dataSource;
    private volatile boolean running;

    DemoReports(ReportPublications publications, RegionService regions, DataSource dataSource) {
        this.publications = publications;
        this.regions = regions;
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        running = true;
        try {
            AdvisoryLock.once(
                    dataSource,
                    AdvisoryLock.DEMO_DATA,
                    () -> publications.years().isEmpty(),
                    this::publish);
        } catch (RuntimeException e) {
            // a demo report is a convenience: the application starts without it
            log.warn("Demoregioperspectieven konden niet worden gepubliceerd", e);
        }
    }

    private void publish() {
        long started = System.nanoTime();
        for (String code : REGIONS) {
            long one = System.nanoTime();
            publications.publish(regions.known(code), YEAR);
            log.info(
                    "Demoregioperspectief {} {} gepubliceerd in {} ms",
                    code,
                    YEAR,
                    (System.nanoTime() - one) / 1_000_000);
        }
        log.info("Demoregioperspectieven gepubliceerd in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
