package nl.regiomonitor.publication;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The {@code publication} component of {@code /actuator/health}: the version the figures are served
 * from. Without one the instance has nothing to show, so it answers OUT_OF_SERVICE (503), which keeps
 * it out of the load balancer's readiness until its first publication; liveness ignores it, so an
 * instance still building is not restarted.
 */
@Component
@ConditionalOnWebApplication
class PublicationHealthIndicator implements HealthIndicator {

    private final PublicationService publications;

    PublicationHealthIndicator(PublicationService publications) {
        this.publications = publications;
    }

    @Override
    public Health health() {
        return publications
                .current()
                .map(current ->
                        Health.up().withDetail("version", current.version()).build())
                .orElseGet(() -> Health.outOfService().build());
    }
}
