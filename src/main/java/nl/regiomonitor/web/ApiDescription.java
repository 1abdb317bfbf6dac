package nl.regiomonitor.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
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
class ApiDescription {}
