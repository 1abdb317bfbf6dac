package nl.regiomonitor.publication;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The stored versions of the publication and their tables as published, so a report can name the version it used. */
@RestController
@RequestMapping("/api/v1/publicaties")
@ConditionalOnWebApplication
@Tag(name = "Publicaties", description = "Genummerde, onveranderlijke versies van alle gepubliceerde tabellen")
class PublicationApiController {

    private final PublicationService publications;

    PublicationApiController(PublicationService publications) {
        this.publications = publications;
    }

    @Schema(description = "De huidige publicatie en alle versies, de nieuwste eerst")
    record Overview(
            @Schema(description = "Nummer van de versie die pagina's en API nu tonen")
            Long current,

            List<Publication> versions) {}

    @Schema(description = "Een versie met de namen van haar tabellen")
    record Version(
            Publication publication,

            @Schema(description = "Namen van de tabellen, te lezen onder .../tabellen/{naam}")
            List<String> tables) {}

    @Schema(description = "Een gepubliceerde tabel: per cel het getal, of '<5' of 'x' als de cel verborgen is")
    record Table(long version, String name, Map<String, Object> cells) {}

    @GetMapping
    @Operation(summary = "Alle versies van de publicatie, met de huidige")
    Overview all() {
        return new Overview(publications.current().map(Publication::version).orElse(null), publications.all());
    }

    @GetMapping("/{versie}")
    @Operation(summary = "Eén versie van de publicatie met de namen van haar tabellen")
    Version version(@Parameter(description = "Versienummer") @PathVariable("versie") long version) {
        Publication publication = publications.find(version).orElseThrow(() -> unknown(version));
        return new Version(publication, publications.tableNames(version));
    }

    @GetMapping("/{versie}/tabellen/{naam}")
    @Operation(
            summary = "Eén tabel van een versie, zoals gepubliceerd",
            description = "Sleutels zijn regio|categorie, bijvoorbeeld ZK10|TOTAAL of ZK10|PROFILE|GGZ03W.")
    Table table(
            @Parameter(description = "Versienummer") @PathVariable("versie") long version,
            @Parameter(description = "Naam van de tabel, bijvoorbeeld 'instroom 2024-03'") @PathVariable("naam")
                    String name) {
        Publication publication = publications.find(version).orElseThrow(() -> unknown(version));
        if (publication.status() != Publication.Status.PUBLISHED) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Versie " + version + " is niet gepubliceerd: " + publication.problem());
        }
        return publications
                .table(version, name)
                .map(cells -> new Table(version, name, cells))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "Versie " + version + " heeft geen tabel '" + name
                                + "'. De tabellen staan onder /api/v1/publicaties/" + version + "."));
    }

    static ResponseStatusException unknown(long version) {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND,
                "Er is geen publicatie met versie " + version + ". De versies staan onder /api/v1/publicaties.");
    }
}
