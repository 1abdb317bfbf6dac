package nl.regiomonitor.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.regiomonitor.plan.PlanFormRows.ActionRow;
import nl.regiomonitor.plan.PlanFormRows.MilestoneRow;
import nl.regiomonitor.plan.PlanFormRows.ObjectiveRow;
import nl.regiomonitor.plan.PlanFormRows.Row;

/**
 * The edit form of a plan as the browser sends it back: every field of every row, so a refused
 * save shows exactly what the user wrote. Rows ticked "remove" are left out when it becomes a plan.
 * Mutable, because Spring binds the indexed row fields ({@code actions[2].owner}) onto it.
 */
public class PlanForm {

    private int lockVersion;
    private String title;
    private List<String> regions = new ArrayList<>();
    private Map<String, String> sections = new LinkedHashMap<>();
    private List<ObjectiveRow> objectives = new ArrayList<>();
    private List<ActionRow> actions = new ArrayList<>();
    private List<MilestoneRow> milestones = new ArrayList<>();

    /** The form of a stored plan. */
    static PlanForm of(ActionPlan plan) {
        PlanForm form = new PlanForm();
        form.lockVersion = plan.lockVersion();
        form.title = plan.title();
        form.regions = new ArrayList<>(plan.regions());
        plan.sections().forEach((section, value) -> form.sections.put(section.name(), value.text()));
        plan.objectives().forEach(o -> form.objectives.add(new ObjectiveRow(o)));
        plan.actions().forEach(a -> form.actions.add(new ActionRow(a)));
        plan.milestones().forEach(m -> form.milestones.add(new MilestoneRow(m)));
        return form;
    }

    /** The plan to save: rows ticked for removal and rows left wholly empty are dropped. */
    PlanContent toContent() {
        Map<PlanSection, ActionPlan.Section> texts = new EnumMap<>(PlanSection.class);
        for (PlanSection section : PlanSection.values()) {
            texts.put(section, ActionPlan.Section.of(section, sections.getOrDefault(section.name(), "")));
        }
        return new PlanContent(
                title,
                regions.stream().filter(r -> r != null && !r.isBlank()).toList(),
                texts,
                objectives.stream()
                        .filter(Row::kept)
                        .map(ObjectiveRow::toObjective)
                        .toList(),
                actions.stream().filter(Row::kept).map(ActionRow::toAction).toList(),
                milestones.stream()
                        .filter(Row::kept)
                        .map(MilestoneRow::toMilestone)
                        .toList());
    }

    /**
     * Leaves out the rows {@link #toContent} leaves out, so that the rows shown are those the problems
     * of a refused save count ("Actie 3" is then the third row on the form).
     */
    void dropLeftOut() {
        objectives.removeIf(r -> !r.kept());
        actions.removeIf(r -> !r.kept());
        milestones.removeIf(r -> !r.kept());
    }

    /** The HTML id of the field a problem's path names: {@code actions[2].owner} is {@code actions-2-owner}. */
    static String fieldId(String path) {
        return path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    public int getLockVersion() {
        return lockVersion;
    }

    public void setLockVersion(int lockVersion) {
        this.lockVersion = lockVersion;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    public Map<String, String> getSections() {
        return sections;
    }

    public void setSections(Map<String, String> sections) {
        this.sections = sections;
    }

    public List<ObjectiveRow> getObjectives() {
        return objectives;
    }

    public void setObjectives(List<ObjectiveRow> objectives) {
        this.objectives = objectives;
    }

    public List<ActionRow> getActions() {
        return actions;
    }

    public void setActions(List<ActionRow> actions) {
        this.actions = actions;
    }

    public List<MilestoneRow> getMilestones() {
        return milestones;
    }

    public void setMilestones(List<MilestoneRow> milestones) {
        this.milestones = milestones;
    }
}
