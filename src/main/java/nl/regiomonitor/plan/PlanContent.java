package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.plan.ActionPlan.Section;
import nl.regiomonitor.web.Problem;

/**
 * What people write in a plan van aanpak: title, regions, the template's sections, objectives, actions and milestones.
 * What the system keeps beside it (status, versions, who and when) is {@link PlanState}. Missing lists are empty.
 * Knows what a plan must have before it is submitted ({@link #problems}), how much of it is there
 * ({@link #completeness}), and what no plan may have at all ({@link #inputProblems}).
 */
public record PlanContent(
        String title,
        List<String> regions,
        Map<PlanSection, Section> sections,
        List<Objective> objectives,
        List<Action> actions,
        List<Milestone> milestones) {

    static final int MAX_SECTION = 20_000;
    static final int MAX_TEXT = 2_000;
    static final int MAX_SHORT = 200;
    static final int MAX_ROWS = 200;

    public PlanContent {
        regions = regions == null ? List.of() : regions;
        sections = sections == null ? Map.of() : sections;
        objectives = objectives == null ? List.of() : objectives;
        actions = actions == null ? List.of() : actions;
        milestones = milestones == null ? List.of() : milestones;
    }

    /** A plan with only a title and regions, as a new plan starts. */
    public static PlanContent titled(String title, List<String> regions) {
        return new PlanContent(title, regions, new EnumMap<>(PlanSection.class), List.of(), List.of(), List.of());
    }

    public PlanContent withSections(Map<PlanSection, Section> sections) {
        return new PlanContent(title, regions, sections, objectives, actions, milestones);
    }

    public PlanContent withObjectives(List<Objective> objectives) {
        return new PlanContent(title, regions, sections, objectives, actions, milestones);
    }

    public PlanContent withActions(List<Action> actions) {
        return new PlanContent(title, regions, sections, objectives, actions, milestones);
    }

    public PlanContent withMilestones(List<Milestone> milestones) {
        return new PlanContent(title, regions, sections, objectives, actions, milestones);
    }

    /** The text of a section, or null when it has none. */
    public String text(PlanSection section) {
        Section value = sections.get(section);
        return value == null ? null : value.text();
    }

    /**
     * How much of what a plan must have is there, in whole percents: each required section, the
     * objectives, the actions and the planning count as one part, filled when it has no problem.
     */
    public int completeness() {
        int parts = 3;
        int filled = 0;
        for (PlanSection section : PlanSection.values()) {
            if (section.required()) {
                parts++;
                filled += blank(text(section)) ? 0 : 1;
            }
        }
        filled += objectiveProblems().isEmpty() ? 1 : 0;
        filled += actionProblems().isEmpty() ? 1 : 0;
        filled += milestoneProblems().isEmpty() ? 1 : 0;
        return filled * 100 / parts;
    }

    /**
     * What the plan still lacks before it can be submitted, each problem at its field. A draft may be
     * saved with all of these; {@link #inputProblems} holds what no plan may have at all.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (PlanSection section : PlanSection.values()) {
            if (section.required() && blank(text(section))) {
                problems.add(new Problem(
                        "sections." + section.name(),
                        "Vul het onderdeel '" + section.title() + "' in (deel " + section.part() + ")."));
            }
        }
        problems.addAll(objectiveProblems());
        problems.addAll(actionProblems());
        problems.addAll(milestoneProblems());
        return problems;
    }

    private List<Problem> objectiveProblems() {
        List<Problem> problems = new ArrayList<>();
        if (objectives.isEmpty()) {
            problems.add(new Problem(
                    "objectives",
                    "Formuleer minstens één SMART-doelstelling: het cijfer dat u wilt "
                            + "bewegen, een streefwaarde of richting en een datum."));
        }
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            String at = "objectives[" + i + "].";
            String name = "Doelstelling " + (i + 1);
            if (blank(o.description())) {
                problems.add(new Problem(at + "description", name + " heeft geen omschrijving."));
            }
            if (o.figure() == null) {
                problems.add(new Problem(at + "figure", name + " noemt geen cijfer om te volgen; kies een cijfer."));
            } else if (o.figure().needsProfile() && blank(o.profileCode())) {
                problems.add(
                        new Problem(at + "profileCode", name + " volgt de stand van één profiel; kies het profiel."));
            }
            if (o.direction() == null && o.targetValue() == null) {
                problems.add(new Problem(
                        at + "direction", name + " heeft geen streefwaarde of richting (dalen, stijgen of stabiel)."));
            }
            if (o.targetDate() == null) {
                problems.add(
                        new Problem(at + "targetDate", name + " heeft geen datum waarop het doel bereikt moet zijn."));
            }
        }
        return problems;
    }

    private List<Problem> actionProblems() {
        List<Problem> problems = new ArrayList<>();
        if (actions.isEmpty()) {
            problems.add(new Problem("actions", "Beschrijf minstens één actie, met eigenaar en tijdslijn."));
        }
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            String at = "actions[" + i + "].";
            String name = "Actie " + (i + 1);
            if (blank(a.paragraph())) {
                problems.add(new Problem(
                        at + "paragraph",
                        name
                                + " hoort bij geen paragraaf van het plan; vul de paragraaf in "
                                + "(bijvoorbeeld '5b. Toegang/bemiddeling/coördinatie')."));
            }
            if (blank(a.description())) {
                problems.add(new Problem(at + "description", name + " heeft geen omschrijving."));
            }
            if (blank(a.owner())) {
                problems.add(new Problem(at + "owner", name + " heeft geen eigenaar."));
            }
            if (blank(a.timeline())) {
                problems.add(new Problem(at + "timeline", name + " heeft geen tijdslijn."));
            } else if (Timeline.parse(a.timeline()).isEmpty()) {
                problems.add(new Problem(
                        at + "timeline",
                        "De tijdslijn '" + a.timeline().strip() + "' van "
                                + name.toLowerCase()
                                + " is niet te lezen; schrijf een datum (31-03-2024), een kwartaal (Eind Q1 2024), een jaar "
                                + "(Begin 2024, In de loop van 2024) of Continu."));
            }
        }
        return problems;
    }

    private List<Problem> milestoneProblems() {
        List<Problem> problems = new ArrayList<>();
        if (milestones.isEmpty() && blank(text(PlanSection.PLANNING))) {
            problems.add(new Problem(
                    "milestones",
                    "Vul de planning in: minstens één mijlpaal met datum, of een toelichting " + "bij de planning."));
        }
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            String at = "milestones[" + i + "].";
            if (blank(m.activity()) && blank(m.milestone())) {
                problems.add(new Problem(
                        at + "milestone", "Mijlpaal " + (i + 1) + " heeft geen activiteit of omschrijving."));
            }
            if (m.dueDate() == null) {
                problems.add(new Problem(at + "dueDate", "Mijlpaal " + (i + 1) + " heeft geen datum gereed."));
            }
        }
        return problems;
    }

    /**
     * What no plan may have, not even a draft: no title or region, codes not among {@code regionCodes} and
     * {@code profileCodes}, texts too long, too many rows.
     */
    List<Problem> inputProblems(Set<String> regionCodes, Set<String> profileCodes) {
        List<Problem> problems = new ArrayList<>();
        if (blank(title)) {
            problems.add(new Problem("title", "Geef het plan een titel."));
        } else if (title.strip().length() > MAX_SHORT) {
            problems.add(new Problem("title", "De titel is hoogstens " + MAX_SHORT + " tekens."));
        }
        if (regions.isEmpty()) {
            problems.add(new Problem("regions", "Kies minstens één zorgkantoorregio."));
        }
        for (int i = 0; i < regions.size(); i++) {
            if (!regionCodes.contains(regions.get(i))) {
                problems.add(new Problem(
                        "regions[" + i + "]",
                        "'" + regions.get(i) + "' is geen zorgkantoorregio; gebruik een code " + "als ZK01."));
            }
        }
        sections.forEach((section, value) -> {
            String text = value == null ? null : value.text();
            if (text != null && text.length() > MAX_SECTION) {
                problems.add(new Problem(
                        "sections." + section.name(),
                        "De tekst van '" + section.title() + "' is " + text.length()
                                + " tekens; dat mogen er hoogstens " + MAX_SECTION + " zijn."));
            }
        });
        rows(problems, "objectives", "doelstellingen", objectives.size());
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            length(
                    problems,
                    "objectives[" + i + "].description",
                    "De omschrijving van doelstelling " + (i + 1),
                    o.description(),
                    MAX_TEXT);
            if (!blank(o.profileCode())
                    && !profileCodes.contains(o.profileCode().strip())) {
                problems.add(new Problem(
                        "objectives[" + i + "].profileCode",
                        "'" + o.profileCode()
                                + "' van doelstelling " + (i + 1)
                                + " is geen zorgprofiel; gebruik een code als GGZ03W."));
            }
            if (o.targetValue() != null && o.targetValue().abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
                problems.add(new Problem(
                        "objectives[" + i + "].targetValue",
                        "De streefwaarde van doelstelling " + (i + 1) + " is te groot."));
            }
        }
        rows(problems, "actions", "acties", actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            String at = "actions[" + i + "].";
            String name = "actie " + (i + 1);
            length(problems, at + "paragraph", "De paragraaf van " + name, a.paragraph(), MAX_SHORT);
            length(problems, at + "description", "De omschrijving van " + name, a.description(), MAX_TEXT);
            length(problems, at + "owner", "De eigenaar van " + name, a.owner(), MAX_SHORT);
            length(problems, at + "ownerRole", "De rol van de eigenaar van " + name, a.ownerRole(), MAX_SHORT);
            length(problems, at + "timeline", "De tijdslijn van " + name, a.timeline(), 100);
        }
        rows(problems, "milestones", "mijlpalen", milestones.size());
        for (int i = 0; i < milestones.size(); i++) {
            length(
                    problems,
                    "milestones[" + i + "].activity",
                    "De activiteit van mijlpaal " + (i + 1),
                    milestones.get(i).activity(),
                    500);
            length(
                    problems,
                    "milestones[" + i + "].milestone",
                    "De mijlpaal " + (i + 1),
                    milestones.get(i).milestone(),
                    500);
        }
        return problems;
    }

    private static void rows(List<Problem> problems, String field, String what, int count) {
        if (count > MAX_ROWS) {
            problems.add(new Problem(field, "Een plan heeft hoogstens " + MAX_ROWS + " " + what + "."));
        }
    }

    private static void length(List<Problem> problems, String field, String what, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new Problem(field, what + " is hoogstens " + max + " tekens."));
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
