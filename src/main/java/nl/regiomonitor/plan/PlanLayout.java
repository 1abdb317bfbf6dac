package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.web.RichText;

/**
 * A plan laid out as the national fill-in template (seed 000): title, facts, then parts A, B and C
 * with each part's title, guidance and text, and the objectives, actions and planning as tables.
 * The .docx and the PDF both render this, so they show the same content in the same order.
 */
public record PlanLayout(
        String templateTitle, String title, String intro, List<Fact> facts, List<Part> parts, Table comments) {

    static final String EMPTY = "(nog niet ingevuld)";
    /** The heading of the annex with the comments of client representation. */
    public static final String COMMENTS = "Bijlage: reacties van cliëntvertegenwoordiging";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** A line of the cover: label and value. */
    public record Fact(String label, String value) {}

    /** Part A, B or C of the template with its entries. */
    public record Part(String heading, List<Entry> entries) {}

    /**
     * One part of the plan: its title and guidance (the template's left column), its text as safe
     * XHTML or null when not filled in, and the tables that belong to it.
     */
    public record Entry(String title, String guidance, String html, List<Table> tables) {

        /** A part the template gives no guidance for, such as the names of the regions. */
        static Entry unguided(String title, String html, List<Table> tables) {
            return new Entry(title, null, html, tables);
        }

        /** Nothing written and no rows: the exports say "(nog niet ingevuld)". */
        public boolean empty() {
            return html == null && tables.isEmpty();
        }
    }

    /** A table with its column headings; {@code widths} are relative column widths, summing to 100. */
    public record Table(List<String> headings, List<Integer> widths, List<List<String>> rows) {
        /** Few enough rows to keep on one page: a table of two rows split over two pages reads badly. */
        public boolean fitsOnePage() {
            return rows.size() <= 8;
        }
    }

    /**
     * The layout of {@code plan}; {@code regionName} gives the name of a region code. The comments of
     * client representation follow as an annex, which is left out when there are none.
     */
    public static PlanLayout of(ActionPlan plan, Function<String, String> regionName, List<PlanComment> comments) {
        List<String> regions = plan.regions().stream()
                .sorted()
                .map(code -> regionName.apply(code) + " (" + code + ")")
                .toList();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Programma", plan.programme()));
        facts.add(new Fact("Uiterste datum van indienen", date(plan.deadline())));
        facts.add(
                new Fact(regions.size() == 1 ? "Zorgkantoorregio" : "Zorgkantoorregio's", String.join(", ", regions)));
        facts.add(new Fact("Status", plan.statusLabel()));
        facts.add(new Fact("Versie", String.valueOf(plan.versionNumber())));
        if (plan.submittedAt() != null) {
            facts.add(new Fact(
                    "Ingediend op",
                    date(plan.submittedAt().atZoneSameInstant(Dutch.ZONE).toLocalDate())
                            + (Boolean.TRUE.equals(plan.late()) ? " – te laat ingediend" : "")));
        }
        if (plan.reviewComment() != null && !plan.reviewComment().isBlank()) {
            facts.add(new Fact("Toelichting beoordeling", plan.reviewComment()));
        }
        String intro = "Plan van aanpak van de zorgkantoorregio voor het programma " + plan.programme()
                + ", ingevuld volgens het landelijk invulformat.";

        List<Entry> general = new ArrayList<>();
        general.add(Entry.unguided(
                "Naam zorgkantoorregio('s)",
                RichText.toHtml(
                        String.join("\n", regions.stream().map(r -> "- " + r).toList())),
                List.of()));
        Map<Character, List<Entry>> byPart = Map.of('A', general, 'B', new ArrayList<>(), 'C', new ArrayList<>());
        for (PlanSection section : PlanSection.values()) {
            ActionPlan.Section written = plan.sections().get(section);
            String html =
                    written == null || written.text() == null || written.text().isBlank() ? null : written.html();
            byPart.get(section.part()).add(new Entry(section.title(), section.guidance(), html, tables(section, plan)));
        }
        return new PlanLayout(
                "Landelijk Invulformat: Plan van aanpak – " + plan.programme(),
                plan.title(),
                intro,
                facts,
                List.of(
                        new Part("A. Algemene gegevens", byPart.get('A')),
                        new Part("B. Plan van aanpak omschrijving", byPart.get('B')),
                        new Part("C. Delen van ervaringen", byPart.get('C'))),
                comments.isEmpty()
                        ? null
                        : new Table(
                                List.of("Datum", "Organisatie", "Onderdeel", "Reactie"),
                                List.of(12, 20, 20, 48),
                                comments.stream().map(PlanLayout::row).toList()));
    }

    /** The rows the template keeps beside a part's text; none when the plan has none. */
    private static List<Table> tables(PlanSection section, ActionPlan plan) {
        Table table = switch (section) {
            case OBJECTIVES ->
                plan.objectives().isEmpty()
                        ? null
                        : new Table(
                                List.of("Doelstelling", "Cijfer", "Streefwaarde of richting", "Datum"),
                                List.of(40, 28, 18, 14),
                                plan.objectives().stream().map(PlanLayout::row).toList());
            case ACTIONS ->
                plan.actions().isEmpty()
                        ? null
                        : new Table(
                                List.of(
                                        "Actie",
                                        "Paragraaf in PvA",
                                        "Verantwoordelijk / trekker (partij, rol)",
                                        "Tijdslijn",
                                        "Status"),
                                List.of(27, 20, 23, 15, 15),
                                plan.actions().stream().map(PlanLayout::row).toList());
            case PLANNING ->
                plan.milestones().isEmpty()
                        ? null
                        : new Table(
                                List.of("Activiteit", "Mijlpaal", "Datum gereed"),
                                List.of(38, 46, 16),
                                plan.milestones().stream().map(PlanLayout::row).toList());
            default -> null;
        };
        return table == null ? List.of() : List.of(table);
    }

    private static List<String> row(Objective o) {
        String figure = text(o.figureLabel()) + (o.profileCode() == null ? "" : " (" + o.profileCode() + ")");
        String value = o.targetValue() == null
                ? null
                : o.figure() == null ? number(o.targetValue()) : o.figure().amount(o.targetValue());
        String target = value == null
                ? text(o.directionLabel())
                : o.directionLabel() == null ? value : o.directionLabel() + " naar " + value;
        return List.of(text(o.description()), figure, target, date(o.targetDate()));
    }

    private static List<String> row(Action a) {
        String owner =
                text(a.owner()) + (a.ownerRole() == null || a.ownerRole().isBlank() ? "" : " (" + a.ownerRole() + ")");
        String status = text(a.statusLabel()) + (Boolean.TRUE.equals(a.overdue()) ? ", over de datum" : "");
        return List.of(text(a.description()), text(a.paragraph()), owner, text(a.timeline()), status);
    }

    private static List<String> row(PlanComment c) {
        return List.of(
                date(c.writtenAt().toLocalDate()),
                text(c.organisation()),
                c.sectionTitle() + " (versie " + c.planVersion() + ")",
                c.text());
    }

    private static List<String> row(Milestone m) {
        return List.of(
                text(m.activity()),
                text(m.milestone()) + (Boolean.TRUE.equals(m.done()) ? " (gereed)" : ""),
                date(m.dueDate()));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Dutch date, as every date the application shows: 31-12-2023. */
    private static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    private static String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Dutch.LOCALE));
        return format.format(value);
    }
}
