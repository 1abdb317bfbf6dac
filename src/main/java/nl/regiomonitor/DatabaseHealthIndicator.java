package nl.regiomonitor;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health}, which anyone may read: Boot's own check of the
 * database, but only its status, not which database product answers. Its bean name makes Boot's
 * indicator step aside.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSourceHealthIndicator check;

    DatabaseHealthIndicator(DataSource dataSource) {
        this.check = new DataSourceHealthIndicator(dataSource);
    }

    @Override
    public Health health() {
        return Health.status(check.health().getStatus()).build();
    }
}
