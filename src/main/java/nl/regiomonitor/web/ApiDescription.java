package nl.regiomonitor.web;

import java.util.List;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI description, and how to log in to the API (the same users as the pages). */
@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Regiomonitor Wlz-ggz",
                        version = "1",
                        description =
                                "Cijfers, imports en beheer per zorgkantoorregio. Gepubliceerde cijfers zijn zonder inloggen "
                                        + "te lezen; de rest vraagt HTTP Basic met een gebruikersnaam en wachtwoord van de Regiomonitor, "
                                        + "of de sessie van de webpagina's (dan met CSRF-token)."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(
        name = "basic",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "Gebruikersnaam en wachtwoord van de Regiomonitor")
class ApiDescription {

    private static final String HEALTH_TAG = "Gezondheid";

    /**
     * springdoc describes the actuator's health ({@code springdoc.show-actuator}) in English under "Actuator";
     * this says in Dutch what it answers, and that it needs no login. The probes below it springdoc leaves out.
     */
    @Bean
    OpenApiCustomizer healthInDutch() {
        return api -> {
            PathItem health = api.getPaths().get("/actuator/health");
            if (health != null) {
                health.readOperations().forEach(operation -> {
                    operation.setTags(List.of(HEALTH_TAG));
                    operation.setSummary("Gezondheid voor een load balancer: de status van de database (db) "
                            + "en het versienummer van de huidige publicatie (publication)");
                    operation.setDescription("Zonder inloggen. 200 met UP; 503 met DOWN, of OUT_OF_SERVICE zolang er "
                            + "nog geen publicatie is. De probes: /actuator/health/liveness (draait de applicatie) "
                            + "en /actuator/health/readiness (database en publicatie).");
                    operation.setSecurity(List.of());
                });
            }
            if (api.getTags() != null) {
                api.getTags().removeIf(tag -> "Actuator".equals(tag.getName()));
            }
            api.addTagsItem(new Tag().name(HEALTH_TAG).description("Voor load balancers, zonder inloggen"));
        };
    }
}
