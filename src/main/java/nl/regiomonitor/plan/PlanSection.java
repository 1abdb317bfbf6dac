package nl.regiomonitor.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The written parts of the national fill-in template (seed 000), in its order: part A (general),
 * B (the plan) and C (experiences), each with the template's title and its guidance verbatim.
 * Objectives, actions and planning also have structured rows; their text here is the free text
 * beside them and is not required.
 */
public enum PlanSection {
    MUNICIPALITIES(
            'A',
            "Betrokken gemeente(s)",
            "Vul hieronder in de naam van het zorgkantoorregio, de betrokken gemeente(s) en aangesloten partijen",
            true),
    PARTIES('A', "Aangesloten partijen", "(bijvoorbeeld zorgaanbieders, zorgverzekeraars)", true),
    BACKGROUND(
            'B',
            "Achtergrond en probleemstelling",
            "Licht de speer- en/of knelpunten toe waar dit plan van aanpak zich op richt.",
            true),
    CURRENT_SITUATION(
            'B',
            "Huidige situatie",
            "Licht de huidige stand van zaken toe met betrekking tot de speer- en/of knelpunten in de zorgkantoorregio.",
            true),
    OBJECTIVES(
            'B',
            "Doelstelling(en)",
            "Formuleer SMART-doelstelling(en) die betrekking hebben op speer- en/of knelpunten in de zorgkantoorregio.",
            false),
    TARGET_GROUP(
            'B',
            "Doelgroep",
            "Licht de specifieke doelgroep toe waarop de nadruk ligt bij het behalen van de "
                    + "doelstelling(en) binnen de zorgkantoorregio.",
            true),
    ACTIONS(
            'B',
            "Acties",
            "Beschrijf de concrete acties die genomen moeten worden om de doelstelling(en) te realiseren.",
            false),
    PRECONDITIONS(
            'B',
            "Randvoorwaarden en uitgangspunten",
            "Beschrijf eventuele randvoorwaarden die van toepassing zijn "
                    + "binnen de zorgkantoorregio en de uitgangspunten voor het realiseren van de doelstelling(en).",
            true),
    PROJECT_STRUCTURE(
            'B',
            "Projectstructuur",
            "Beschrijf de samenwerkingsstructuur en de wijze waarop "
                    + "samenwerkingsafspraken worden geborgd. Het kan gaan om het implementeren van een nieuwe structuur of het "
                    + "aansluiten bij een bestaande structuur.",
            true),
    MONITORING(
            'B',
            "Monitoring en aandachtspunten",
            "Beschrijf de voornaamste aandachtspunten, de benodigde maatregelen "
                    + "voor het borgen van de voortgang en de wijze waarop monitoring plaatsvindt.",
            true),
    PLANNING(
            'B',
            "Planning",
            "Beschrijf de tijdslijnen van de belangrijkste activiteiten en mijlpalen voor het realiseren "
                    + "van de doelstelling(en).",
            false),
    EXPERIENCES(
            'C',
            "Ervaringen uit de regio",
            "Licht de ervaringen uit de regio met betrekking tot de samenwerking toe "
                    + "en beschrijf wat de andere regio’s hiervan kunnen leren.",
            true);

    private final char part;
    private final String title;
    private final String guidance;
    private final boolean required;

    PlanSection(char part, String title, String guidance, boolean required) {
        this.part = part;
        this.title = title;
        this.guidance = guidance;
        this.required = required;
    }

    public char part() {
        return part;
    }

    public String title() {
        return title;
    }

    public String guidance() {
        return guidance;
    }

    /** The sections per part of the template (A, B, C), in its order. */
    public static Map<String, List<PlanSection>> byPart() {
        Map<String, List<PlanSection>> parts = new LinkedHashMap<>();
        for (PlanSection section : values()) {
            parts.computeIfAbsent(String.valueOf(section.part()), p -> new ArrayList<>())
                    .add(section);
        }
        return parts;
    }

    /** Whether a plan can be submitted without this text. */
    public boolean required() {
        return required;
    }
}
