package nl.regiomonitor.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.web.Attachment;

/**
 * A plan van aanpak as Word and PDF document in the layout of the national template, for whoever may
 * read the plan. The file is made whole before it is sent, so a failure is an error answer, not half a file.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plannen van aanpak")
class PlanExportController {

    private final PlanService plans;
    private final PlanComments comments;
    private final RegionService regions;

    PlanExportController(PlanService plans, PlanComments comments, RegionService regions) {
        this.plans = plans;
        this.comments = comments;
        this.regions = regions;
    }

    @GetMapping("/plans/{plan}.docx")
    @Operation(
            summary = "Een plan van aanpak als Word-document (.docx) in de opmaak van het landelijk invulformat",
            description = "Met de reacties van cliëntvertegenwoordiging als bijlage, als die er zijn.")
    @ApiResponse(
            responseCode = "200",
            description = "Het document",
            content = @Content(mediaType = PlanDocx.CONTENT_TYPE))
    @ApiResponse(responseCode = "403", description = "U mag dit plan niet lezen")
    @ApiResponse(responseCode = "404", description = "Er is geen plan met dit nummer")
    ResponseEntity<byte[]> docx(@Parameter(description = "Het nummer van het plan") @PathVariable("plan") long id)
            throws IOException {
        ActionPlan plan = plans.get(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanDocx.write(layout(plan), out);
        return file(out, MediaType.parseMediaType(PlanDocx.CONTENT_TYPE), fileStem(plan) + ".docx");
    }

    @GetMapping("/plans/{plan}.pdf")
    @Operation(
            summary = "Een plan van aanpak als PDF in de opmaak van het landelijk invulformat",
            description = "Met de reacties van cliëntvertegenwoordiging als bijlage, als die er zijn.")
    @ApiResponse(
            responseCode = "200",
            description = "Het document",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @ApiResponse(responseCode = "403", description = "U mag dit plan niet lezen")
    @ApiResponse(responseCode = "404", description = "Er is geen plan met dit nummer")
    ResponseEntity<byte[]> pdf(@Parameter(description = "Het nummer van het plan") @PathVariable("plan") long id)
            throws IOException {
        ActionPlan plan = plans.get(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanPdf.write(layout(plan), out);
        return file(out, MediaType.APPLICATION_PDF, fileStem(plan) + ".pdf");
    }

    private PlanLayout layout(ActionPlan plan) {
        return PlanLayout.of(plan, code -> regions.find(code).map(Region::name).orElse(code), comments.on(plan));
    }

    private static ResponseEntity<byte[]> file(ByteArrayOutputStream out, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, Attachment.disposition(fileName))
                .body(out.toByteArray());
    }

    /** Such as {@code plan-van-aanpak-ZK01-ZK28-v1}: the regions and the version, so two downloads are told apart. */
    static String fileStem(ActionPlan plan) {
        return "plan-van-aanpak-" + plan.regions().stream().sorted().collect(Collectors.joining("-")) + "-v"
                + plan.versionNumber();
    }
}
