package nl.regiomonitor.plan;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The plans van aanpak as JSON. A plan's {@code ETag} is its lock version: a PUT must send it back
 * in {@code If-Match}, so a change made on an old copy is refused (412) instead of overwriting
 * someone else's; submit, accept and return check it when it is sent.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Plannen van aanpak",
        description = "Plannen van aanpak per regio schrijven, indienen, beoordelen en volgen")
class PlanApiController {

    private static final String IF_MATCH = "De ETag van het plan zoals u het ophaalde (de versie waarop u voortbouwt)";

    private final PlanService plans;
    private final Programmes programmes;
    private final PlanComments comments;

    PlanApiController(PlanService plans, Programmes programmes, PlanComments comments) {
        this.plans = plans;
        this.programmes = programmes;
        this.comments = comments;
    }

    /** What a request to submit, accept or return may carry. */
    record Review(String comment) {}

    /** Progress on an action: a new status, a note, or both. */
    record ProgressReport(ActionStatus status, String note) {}

    /** A comment of client representation: on one section, or (no section) on the whole plan. */
    record NewComment(
            @Schema(description = "Het onderdeel; leeg voor een reactie op het hele plan")
            PlanSection section,

            @Schema(description = "De reactie, 1 tot en met " + PlanComments.MAX_LENGTH + " tekens")
            String text) {}

    @GetMapping("/programmes")
    @Operation(
            summary =
                    "De programma's waarvoor regio's een plan van aanpak schrijven, met uiterste datum en landelijk streven")
    List<Programme> programmes() {
        return programmes.list();
    }

    @PostMapping("/programmes")
    @Operation(summary = "Een programma aanmaken (landelijk of beheerder)")
    @ApiResponse(responseCode = "201", description = "Aangemaakt")
    @ApiResponse(
            responseCode = "422",
            description = "Naam, uiterste datum of streven ontbreekt of is ongeldig; per veld een melding")
    ResponseEntity<Programme> createProgramme(@RequestBody Programme programme) {
        Programme created = programmes.create(programme);
        return ResponseEntity.created(URI.create("/api/v1/programmes")).body(created);
    }

    @GetMapping("/plans")
    @Operation(summary = "De plannen die u mag lezen, met status, versie en volledigheid (landelijk: alle regio's)")
    List<PlanSummary> list(
            @Parameter(description = "Alleen de plannen van deze regio (zoals ZK01)")
                    @RequestParam(value = "region", required = false)
                    String region) {
        return plans.list(region == null || region.isBlank() ? null : region.strip());
    }

    @PostMapping("/plans")
    @Operation(
            summary = "Een plan van aanpak aanmaken als concept; het mag nog onvolledig zijn",
            description = "Nodig: programmeId, titel en regio's (u moet in elk ervan zorgkantoor of gemeente zijn). "
                    + "De rest van het plan mag al meekomen, in dezelfde vorm als GET het geeft.")
    @ApiResponse(responseCode = "201", description = "Aangemaakt; ETag is de versie voor de volgende PUT")
    @ApiResponse(
            responseCode = "422",
            description = "Programma, titel of regio ontbreekt of is ongeldig; per veld een melding")
    ResponseEntity<ActionPlan> create(@RequestBody ActionPlan plan) {
        ActionPlan created = plans.create(plan.programmeId(), plan.content());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id()))
                .eTag(etag(created))
                .body(created);
    }

    @GetMapping("/plans/{plan}")
    @Operation(summary = "Een heel plan van aanpak; de ETag is de versie die een PUT in If-Match terugstuurt")
    ResponseEntity<ActionPlan> get(@PathVariable("plan") long id) {
        ActionPlan plan = plans.get(id);
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @PutMapping("/plans/{plan}")
    @Operation(
            summary = "Een heel plan opslaan, zoals GET het gaf met uw wijzigingen; een concept mag onvolledig zijn",
            description =
                    "Een ingediend, geaccepteerd of teruggestuurd plan blijft zoals het was; de wijziging wordt de "
                            + "volgende versie, als concept. Zonder If-Match: 428; op een verouderde versie: 412 en er verandert niets.")
    @ApiResponse(responseCode = "200", description = "Opgeslagen; de nieuwe ETag staat in het antwoord")
    @ApiResponse(
            responseCode = "412",
            description = "Iemand anders heeft het plan intussen gewijzigd; niets opgeslagen")
    @ApiResponse(responseCode = "428", description = "If-Match ontbreekt")
    ResponseEntity<ActionPlan> save(
            @PathVariable("plan") long id,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody ActionPlan plan) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ResponseStatusException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Stuur de ETag van het plan mee in de kop If-Match, "
                            + "zodat een wijziging van een ander niet ongemerkt wordt overschreven. Haal het plan op met GET om die te krijgen.");
        }
        ActionPlan saved = plans.save(id, lockVersion(ifMatch), plan.content());
        return ResponseEntity.ok().eTag(etag(saved)).body(saved);
    }

    @PostMapping("/plans/{plan}/submit")
    @Operation(
            summary = "Een compleet concept indienen; daarna ligt deze versie vast",
            description =
                    "Een onvolledig plan wordt geweigerd met 422 en alle ontbrekende onderdelen, elk bij zijn veld. "
                            + "Na de uiterste datum van het programma staat het plan als te laat ingediend.")
    @ApiResponse(
            responseCode = "422",
            description = "Het plan is nog niet compleet; de meldingen wijzen naar de velden")
    @ApiResponse(responseCode = "409", description = "Het plan is geen concept")
    ResponseEntity<ActionPlan> submit(
            @PathVariable("plan") long id,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        ActionPlan plan = plans.submit(id, optionalLockVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @PostMapping("/plans/{plan}/accept")
    @Operation(summary = "Een ingediend plan accepteren (landelijk)")
    @ApiResponse(responseCode = "409", description = "Het plan is niet ingediend")
    ResponseEntity<ActionPlan> accept(
            @PathVariable("plan") long id,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        ActionPlan plan = plans.accept(id, optionalLockVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @PostMapping("/plans/{plan}/return")
    @Operation(summary = "Een ingediend plan terugsturen naar de regio, met een toelichting (landelijk)")
    @ApiResponse(responseCode = "422", description = "De toelichting ontbreekt")
    @ApiResponse(responseCode = "409", description = "Het plan is niet ingediend")
    ResponseEntity<ActionPlan> sendBack(
            @PathVariable("plan") long id,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody(required = false) Review review) {
        ActionPlan plan = plans.sendBack(id, optionalLockVersion(ifMatch), review == null ? null : review.comment());
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @GetMapping("/plans/{plan}/versions")
    @Operation(summary = "De versies van een plan (nummer, status, wanneer en door wie opgeslagen)")
    List<PlanVersion> versions(@PathVariable("plan") long id) {
        return plans.versions(id);
    }

    @GetMapping("/plans/{plan}/versions/{number}")
    @Operation(summary = "Eén versie van een plan, met het hele plan zoals het toen was")
    PlanVersion version(@PathVariable("plan") long id, @PathVariable("number") int number) {
        return plans.version(id, number);
    }

    @PostMapping("/plans/{plan}/actions/{action}/progress")
    @Operation(
            summary =
                    "Voortgang van een actie melden: een nieuwe status en/of een notitie (ook na indienen; geen nieuwe versie)",
            description =
                    "Zorgkantoor en gemeenten van de regio melden voortgang op alle acties; een zorgaanbieder alleen op de "
                            + "acties waarvan de eigen organisatie eigenaar is (de eigenaar is gelijk aan de organisatie van de gebruiker, "
                            + "zonder verschil tussen hoofd- en kleine letters).")
    @ApiResponse(
            responseCode = "403",
            description = "U mag geen voortgang melden op dit plan, of de actie is niet van uw organisatie")
    @ApiResponse(responseCode = "422", description = "Geen status en geen notitie, of een te lange notitie")
    ResponseEntity<ActionPlan> progress(
            @PathVariable("plan") long id, @PathVariable("action") long action, @RequestBody ProgressReport report) {
        ActionPlan plan = plans.reportProgress(id, action, report.status(), report.note());
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @GetMapping("/plans/{plan}/comments")
    @Operation(summary = "De reacties van cliëntvertegenwoordiging op een plan, oudste eerst")
    @ApiResponse(responseCode = "403", description = "U mag dit plan niet lezen")
    @ApiResponse(responseCode = "404", description = "Er is geen plan met dit nummer")
    List<PlanComment> comments(@PathVariable("plan") long id) {
        return comments.of(id);
    }

    @PostMapping("/plans/{plan}/comments")
    @Operation(
            summary = "Reageren op een plan of op één onderdeel ervan (cliëntvertegenwoordiging van de regio)",
            description =
                    "Een reactie is geen wijziging van het plan: er komt geen nieuwe versie en de ETag van het plan blijft gelijk.")
    @ApiResponse(responseCode = "201", description = "Geplaatst")
    @ApiResponse(responseCode = "403", description = "U bent geen cliëntvertegenwoordiging in een regio van dit plan")
    @ApiResponse(responseCode = "422", description = "De reactie is leeg of te lang")
    ResponseEntity<PlanComment> comment(@PathVariable("plan") long id, @RequestBody NewComment comment) {
        PlanComment added =
                comments.add(id, comment == null ? null : comment.section(), comment == null ? null : comment.text());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "/comments"))
                .body(added);
    }

    private static String etag(ActionPlan plan) {
        return "\"" + plan.lockVersion() + "\"";
    }

    private static Integer optionalLockVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : lockVersion(ifMatch);
    }

    /** The lock version of an If-Match value: {@code "3"}, {@code W/"3"} or {@code 3}. */
    private static int lockVersion(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(
                    HttpStatus.PRECONDITION_FAILED,
                    "De If-Match '" + ifMatch + "' is geen versie van dit "
                            + "plan. Haal het plan opnieuw op met GET en stuur de ETag daarvan mee.");
        }
    }
}
