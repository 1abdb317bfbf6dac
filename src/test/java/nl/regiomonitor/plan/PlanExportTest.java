package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/**
 * The plan van aanpak as .docx and PDF, against the demo joint plan of ZK01 and ZK28: every part of
 * the national template, the actions table row for row as the API gives it, and only for readers of the plan.
 */
class PlanExportTest extends IntegrationTest {

    private static final String PASSWORD = "demo-wachtwoord";
    private static final String JOINT_TITLE = "Amstelland en De Meerlanden en Zuid-Holland Noord";
    private static final List<String> PARTS =
            List.of("A. Algemene gegevens", "B. Plan van aanpak omschrijving", "C. Delen van ervaringen");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private WebSession careOffice() {
        return WebSession.basic(port, "zorgkantoor.amstelland", PASSWORD);
    }

    /** The demo plan of ZK01 and ZK28 as the API gives it. */
    private JsonNode jointPlan(WebSession session) throws Exception {
        for (JsonNode summary :
                json.readTree(session.getJson("/api/v1/plans?region=ZK28").body())) {
            if (summary.get("title").asText().endsWith(JOINT_TITLE)) {
                return json.readTree(
                        session.getJson("/api/v1/plans/" + summary.get("id").asLong())
                                .body());
            }
        }
        throw new AssertionError("Geen demoplan van ZK01 en ZK28");
    }

    @Test
    void theWordDocumentHasEveryPartOfTheTemplateAndEveryActionOfThePlan() throws Exception {
        WebSession office = careOffice();
        JsonNode plan = jointPlan(office);
        String path = "/api/v1/plans/" + plan.get("id").asLong() + ".docx";
        Response head = office.getAny(path);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith(PlanDocx.CONTENT_TYPE);
        assertThat(head.headers().firstValue("Content-Disposition").orElse(""))
                .contains(
                        "attachment",
                        "plan-van-aanpak-ZK01-ZK28-v"
                                + plan.get("versionNumber").asInt() + ".docx");

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(office.getBytes(path)))) {
            List<String> headings = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (p.getStyle() != null && p.getStyle().startsWith("Heading")) {
                    headings.add(p.getText());
                }
            }
            assertThat(headings).containsAll(PARTS);
            for (PlanSection section : PlanSection.values()) {
                assertThat(headings).as(section.name()).contains(section.title());
            }
            // Word's own heading names, so its navigation pane lists them
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");

            XWPFTable actions = table(doc, "Actie");
            JsonNode expected = plan.get("actions");
            assertThat(expected.size()).isGreaterThan(5);
            assertThat(actions.getNumberOfRows()).isEqualTo(1 + expected.size());
            assertThat(actions.getRow(0).isRepeatHeader()).isTrue();
            assertThat(actions.getRow(0).getTableCells())
                    .extracting(c -> c.getText())
                    .containsExactly(
                            "Actie",
                            "Paragraaf in PvA",
                            "Verantwoordelijk / trekker (partij, rol)",
                            "Tijdslijn",
                            "Status");
            for (int i = 0; i < expected.size(); i++) {
                XWPFTableRow row = actions.getRow(i + 1);
                assertThat(row.getCell(0).getText())
                        .isEqualTo(expected.get(i).get("description").asText());
                assertThat(row.getCell(3).getText())
                        .isEqualTo(expected.get(i).get("timeline").asText());
            }
            assertThat(rowWith(actions, "Factsheet zorgtrajecten ontwikkelen"))
                    .containsExactly(
                            "Factsheet zorgtrajecten ontwikkelen",
                            "5b. Toegang/bemiddeling/coördinatie",
                            "Zorgkantoor Amstelland en De Meerlanden (coördinator zorgkantoren AM en ZHN)",
                            "Eind Q1 2024",
                            "Niet gestart, over de datum");
            assertThat(table(doc, "Activiteit").getNumberOfRows())
                    .isEqualTo(1 + plan.get("milestones").size());
            assertThat(table(doc, "Doelstelling").getRow(1).getCell(3).getText())
                    .isEqualTo("31-03-2024");

            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text)
                    .contains("Landelijk Invulformat: Plan van aanpak – Regioaanpak instroom Wlz-ggz-W", JOINT_TITLE);
            // the background's "- " lines are a Word list, not paragraphs that start with a dash
            assertThat(doc.getParagraphs())
                    .filteredOn(p -> p.getText().startsWith("Zodat CIZ en wetgever"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.getNumID()).isNotNull());
            List<String> facts = rowWith(table(doc, "Programma"), "Ingediend op");
            assertThat(facts.get(1)).isEqualTo("21-12-2023");
        }
    }

    @Test
    void thePdfHasEveryPartOfTheTemplateAnActionAndNumberedPages() throws Exception {
        WebSession office = careOffice();
        JsonNode plan = jointPlan(office);
        String path = "/api/v1/plans/" + plan.get("id").asLong() + ".pdf";
        Response head = office.getAny(path);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(head.headers().firstValue("Content-Disposition").orElse(""))
                .contains("plan-van-aanpak-ZK01-ZK28-v"
                        + plan.get("versionNumber").asInt() + ".pdf");

        try (PDDocument pdf = Loader.loadPDF(office.getBytes(path))) {
            assertThat(PublishedOutputs.pdfListProblems(pdf))
                    .as("lists of list items (PDF/UA)")
                    .isEmpty();
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            for (String part : PARTS) {
                assertThat(text).contains(part);
            }
            for (PlanSection section : PlanSection.values()) {
                assertThat(text).as(section.name()).contains(section.title());
            }
            assertThat(text)
                    .contains(
                            "Factsheet zorgtrajecten ontwikkelen",
                            "Eind Q1 2024",
                            "Amstelland en De Meerlanden (ZK01)",
                            "Zuid-Holland Noord (ZK28)",
                            "21-12-2023");
            Matcher first = Pattern.compile("pagina 1 van (\\d+)").matcher(text);
            assertThat(first.find()).as("paginanummer op de eerste bladzijde").isTrue();
            int pages = pdf.getNumberOfPages();
            assertThat(Integer.parseInt(first.group(1))).isEqualTo(pages);
            assertThat(text).contains("pagina " + pages + " van " + pages);
            // an outline, as Word's navigation pane: the parts, each with its titles
            List<String> outline = new ArrayList<>();
            pdf.getDocumentCatalog().getDocumentOutline().children().forEach(part -> {
                outline.add(part.getTitle());
                part.children().forEach(entry -> outline.add(entry.getTitle()));
            });
            assertThat(outline)
                    .startsWith(PARTS.get(0), "Naam zorgkantoorregio('s)")
                    .contains(PARTS.get(2), PlanSection.EXPERIENCES.title())
                    .hasSize(PARTS.size() + 1 + PlanSection.values().length);
        }
    }

    @Test
    void someoneOfAnotherRegionGetsNeitherDocument() throws Exception {
        long id = jointPlan(careOffice()).get("id").asLong();
        WebSession stranger = WebSession.basic(port, "gemeente.haaglanden", PASSWORD);
        for (String extension : List.of(".docx", ".pdf")) {
            Response answer = stranger.getAny("/api/v1/plans/" + id + extension);
            assertThat(answer.status()).as(extension).isIn(403, 404);
            assertThat(answer.body()).doesNotContain("Factsheet", "ZK28");
        }
        Response missing = WebSession.basic(port, "landelijk", PASSWORD).getAny("/api/v1/plans/987654321.pdf");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("plan");
    }

    @Test
    void theMarkupBecomesWordListsAndAnEmptyPartSaysSo() throws Exception {
        Map<PlanSection, ActionPlan.Section> sections = new EnumMap<>(PlanSection.class);
        String background =
                "Eerst **vet** en *schuin*, zie [de site](https://example.org/pva).\n\n1. een\n2. twee\n   - diep\n\nSlot";
        sections.put(PlanSection.BACKGROUND, ActionPlan.Section.of(PlanSection.BACKGROUND, background));
        sections.put(PlanSection.CURRENT_SITUATION, ActionPlan.Section.of(PlanSection.CURRENT_SITUATION, "1. opnieuw"));
        PlanState state = PlanState.builder(1, 1, "Regioaanpak instroom Wlz-ggz-W")
                .deadline(LocalDate.of(2023, 12, 31))
                .status(PlanStatus.SUBMITTED)
                .versions(1, 2)
                .submitted(
                        LocalDate.of(2024, 1, 5)
                                .atStartOfDay(ZoneOffset.ofHours(1))
                                .toOffsetDateTime(),
                        "x",
                        true)
                .build();
        ActionPlan plan = ActionPlan.of(
                state, PlanContent.titled("Proef", List.of("ZK10")).withSections(sections));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanDocx.write(PlanLayout.of(plan, code -> "Haaglanden", List.of()), out);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            XWPFParagraph first = paragraphs.stream()
                    .filter(p -> p.getText().startsWith("Eerst"))
                    .findFirst()
                    .orElseThrow();
            assertThat(first.getText()).isEqualTo("Eerst vet en schuin, zie de site (https://example.org/pva).");
            assertThat(first.getRuns())
                    .filteredOn(r -> r.text().equals("vet"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.isBold()).isTrue());
            assertThat(first.getRuns())
                    .filteredOn(r -> r.text().equals("schuin"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.isItalic()).isTrue());
            XWPFParagraph one = paragraph(paragraphs, "een");
            XWPFParagraph two = paragraph(paragraphs, "twee");
            XWPFParagraph deep = paragraph(paragraphs, "diep");
            XWPFParagraph again = paragraph(paragraphs, "opnieuw");
            assertThat(one.getNumID()).isNotNull().isEqualTo(two.getNumID());
            assertThat(one.getNumFmt()).isEqualTo("decimal");
            assertThat(deep.getNumIlvl().intValue()).isEqualTo(1);
            assertThat(deep.getNumFmt()).isEqualTo("bullet");
            // a second numbered list starts again at 1: a numbering of its own
            assertThat(again.getNumID()).isNotNull().isNotEqualTo(one.getNumID());
            assertThat(paragraph(paragraphs, "Slot").getNumID()).isNull();
            // every part without text says so, under its own heading
            long empty = paragraphs.stream()
                    .filter(p -> p.getText().equals(PlanLayout.EMPTY))
                    .count();
            long withText = 2;
            long withoutText = PlanSection.values().length - withText;
            assertThat(empty).isEqualTo(withoutText);
            String facts = table(doc, "Programma").getText();
            assertThat(facts).contains("05-01-2024 – te laat ingediend", "Haaglanden (ZK10)", "31-12-2023");
        }
    }

    @Test
    void aLongPartContinuesOnTheNextPageInsteadOfBeingCutOff() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            text.append("Alinea ")
                    .append(i)
                    .append(": de regio werkt samen aan passende zorg voor mensen met een langdurige "
                            + "intensieve zorgvraag, over de domeinen heen.\n\n");
        }
        Map<PlanSection, ActionPlan.Section> sections = new EnumMap<>(PlanSection.class);
        sections.put(PlanSection.BACKGROUND, ActionPlan.Section.of(PlanSection.BACKGROUND, text.toString()));
        ActionPlan plan = ActionPlan.of(
                PlanState.builder(1, 1, "Regioaanpak instroom Wlz-ggz-W")
                        .deadline(LocalDate.of(2023, 12, 31))
                        .build(),
                PlanContent.titled("Lang", List.of("ZK10")).withSections(sections));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanPdf.write(PlanLayout.of(plan, code -> "Haaglanden", List.of()), out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            List<Integer> pagesOfParagraphs = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                Matcher m = Pattern.compile("Alinea (\\d+):").matcher(stripper.getText(pdf));
                while (m.find()) {
                    pagesOfParagraphs.add(Integer.parseInt(m.group(1)));
                }
            }
            // every paragraph once, in order: none drawn off the bottom of a page
            assertThat(pagesOfParagraphs).hasSize(60).isSorted();
        }
    }

    private static XWPFParagraph paragraph(List<XWPFParagraph> paragraphs, String text) {
        return paragraphs.stream()
                .filter(p -> p.getText().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text));
    }

    /** The table whose first cell is {@code firstCell}. */
    /** The demo draft of Haaglanden: its objective's target value with its unit, in both documents. */
    @Test
    void anObjectivesTargetValueCarriesItsUnit() throws Exception {
        WebSession office = WebSession.basic(port, "zorgkantoor.haaglanden", PASSWORD);
        long id = -1;
        for (JsonNode summary :
                json.readTree(office.getJson("/api/v1/plans?region=ZK10").body())) {
            if (summary.get("title").asText().equals("Plan van aanpak instroom Wlz-ggz-W Haaglanden")) {
                id = summary.get("id").asLong();
            }
        }
        try (XWPFDocument doc =
                new XWPFDocument(new ByteArrayInputStream(office.getBytes("/api/v1/plans/" + id + ".docx")))) {
            assertThat(table(doc, "Doelstelling").getRow(1).getCell(2).getText())
                    .isEqualTo("Dalen naar 8% van de instroom GGZ-W");
        }
        try (PDDocument pdf = Loader.loadPDF(office.getBytes("/api/v1/plans/" + id + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Dalen naar 8% van de instroom GGZ-W");
        }
    }

    private static XWPFTable table(XWPFDocument doc, String firstCell) {
        return doc.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals(firstCell))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Geen tabel die begint met " + firstCell));
    }

    private static List<String> rowWith(XWPFTable table, String firstCell) {
        return table.getRows().stream()
                .filter(r -> r.getCell(0).getText().equals(firstCell))
                .findFirst()
                .map(r -> r.getTableCells().stream().map(c -> c.getText()).toList())
                .orElseThrow(() -> new AssertionError("Geen rij " + firstCell));
    }
}
