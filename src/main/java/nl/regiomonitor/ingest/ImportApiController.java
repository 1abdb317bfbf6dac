package nl.regiomonitor.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Bestanden met cliënt- en bevolkingsgegevens inlezen")
class ImportApiController {

    private static final String REGION = "Regiocode (zoals ZK02) als het zorgkantoor voor zijn regio importeert; "
            + "leeg voor een landelijk bestand of alle imports (alleen beheerder)";

    private final ImportService imports;

    ImportApiController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Een bestand importeren (CSV of .xlsx); het antwoord geeft het nummer, de status volgt via GET",
            description =
                    "Het bestand wordt in één transactie geladen: één foute regel en er verandert niets. "
                            + "Een bestand met dezelfde soort en naam vervangt de eerdere versie; hetzelfde bestand nog eens verandert niets.")
    @ApiResponse(responseCode = "202", description = "Import gestart")
    @ApiResponse(responseCode = "400", description = "Geen bestand of onbekende soort")
    ResponseEntity<ImportResult> start(
            @Parameter(description = "Het bestand") @RequestPart("file") MultipartFile file,
            @Parameter(
                            description =
                                    "Soort: population, indications, allocations, waitlist of costs; leeg = herkennen aan de kopregel")
                    @RequestParam(value = "type", required = false)
                    String type,
            @Parameter(description = "Naam die het bestand identificeert; standaard de bestandsnaam")
                    @RequestParam(value = "name", required = false)
                    String name,
            @Parameter(description = REGION) @RequestParam(value = "region", required = false) String region)
            throws IOException {
        String requestedType = type == null || type.isBlank() ? null : type.trim();
        String scope = Uploads.region(region);
        imports.checkRequest(requestedType, scope);
        Path kept = Uploads.keep(file);
        long id = imports.submit(kept, Uploads.sourceName(file, name), requestedType, scope);
        String location = "/api/v1/imports/" + id + (scope == null ? "" : "?region=" + scope);
        return ResponseEntity.accepted()
                .location(URI.create(location))
                .body(imports.find(id).orElseThrow());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status en uitkomst van een import, met alle gevonden fouten (regel, kolom, waarde, reden)")
    ImportResult status(
            @PathVariable long id,
            @Parameter(description = REGION) @RequestParam(value = "region", required = false) String region) {
        return imports.find(id, Uploads.region(region))
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "Er is geen import met nummer " + id + "."));
    }

    @GetMapping
    @Operation(summary = "De laatste imports, nieuwste eerst (zonder foutenlijsten)")
    List<ImportResult> history(
            @Parameter(description = "Hoeveel (1 tot 500)") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = REGION) @RequestParam(value = "region", required = false) String region) {
        String scope = Uploads.region(region);
        imports.checkRegion(scope);
        return imports.history(Math.max(1, Math.min(limit, 500)), scope);
    }
}
