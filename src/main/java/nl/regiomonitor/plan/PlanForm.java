package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

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
        return new PlanContent(title, regions.stream().filter(r -> r != null && !r.isBlank()).toList(), texts,
                objectives.stream().filter(Row::kept).map(ObjectiveRow::toObjective).toList(),
                actions.stream().filter(Row::kept).map(ActionRow::toAction).toList(),
                milestones.stream().filter(Row::kept).map(MilestoneRow::toMilestone).toList());
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

    /** A repeated row of the form, with its remove box. */
    abstract static class Row {
        private boolean remove;

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }

        abstract boolean empty();

        boolean kept() {
            return !remove && !empty();
        }

        static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public static class ObjectiveRow extends Row {
        private String description;
        private PlanFigure figure;
        private String profileCode;
        private Direction direction;
        private BigDecimal targetValue;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate targetDate;

        public ObjectiveRow() {
        }

        ObjectiveRow(ActionPlan.Objective o) {
            description = o.description();
            figure = o.figure();
            profileCode = o.profileCode();
            direction = o.direction();
            targetValue = o.targetValue();
            targetDate = o.targetDate();
        }

        ActionPlan.Objective toObjective() {
            return ActionPlan.Objective.written(description, figure, blank(profileCode) ? null : profileCode.strip(),
                    direction,
                    targetValue, targetDate);
        }

        @Override
        boolean empty() {
            return blank(description) && figure == null && blank(profileCode) && direction == null && targetValue == null && targetDate == null;
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public PlanFigure getFigure() { return figure; }
        public void setFigure(PlanFigure figure) { this.figure = figure; }
        public String getProfileCode() { return profileCode; }
        public void setProfileCode(String profileCode) { this.profileCode = profileCode; }
        public Direction getDirection() { return direction; }
        public void setDirection(Direction direction) { this.direction = direction; }
        public BigDecimal getTargetValue() { return targetValue; }
        public void setTargetValue(BigDecimal targetValue) { this.targetValue = targetValue; }
        public LocalDate getTargetDate() { return targetDate; }
        public void setTargetDate(LocalDate targetDate) { this.targetDate = targetDate; }
    }

    public static class ActionRow extends Row {
        private Long id;
        private String paragraph;
        private String description;
        private String owner;
        private String ownerRole;
        private String timeline;
        private ActionStatus status = ActionStatus.NOT_STARTED;

        public ActionRow() {
        }

        ActionRow(ActionPlan.Action a) {
            id = a.id();
            paragraph = a.paragraph();
            description = a.description();
            owner = a.owner();
            ownerRole = a.ownerRole();
            timeline = a.timeline();
            status = a.status();
        }

        ActionPlan.Action toAction() {
            return ActionPlan.Action.of(paragraph, description, owner, ownerRole, timeline).withId(id)
                    .withStatus(status == null ? ActionStatus.NOT_STARTED : status);
        }

        @Override
        boolean empty() {
            return id == null && blank(paragraph) && blank(description) && blank(owner) && blank(ownerRole) && blank(timeline);
        }

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getParagraph() { return paragraph; }
        public void setParagraph(String paragraph) { this.paragraph = paragraph; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getOwner() { return owner; }
        public void setOwner(String owner) { this.owner = owner; }
        public String getOwnerRole() { return ownerRole; }
        public void setOwnerRole(String ownerRole) { this.ownerRole = ownerRole; }
        public String getTimeline() { return timeline; }
        public void setTimeline(String timeline) { this.timeline = timeline; }
        public ActionStatus getStatus() { return status; }
        public void setStatus(ActionStatus status) { this.status = status; }
    }

    public static class MilestoneRow extends Row {
        private String activity;
        private String milestone;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;
        private boolean done;

        public MilestoneRow() {
        }

        MilestoneRow(ActionPlan.Milestone m) {
            activity = m.activity();
            milestone = m.milestone();
            dueDate = m.dueDate();
            done = Boolean.TRUE.equals(m.done());
        }

        ActionPlan.Milestone toMilestone() {
            return ActionPlan.Milestone.of(activity, milestone, dueDate, done);
        }

        @Override
        boolean empty() {
            return blank(activity) && blank(milestone) && dueDate == null;
        }

        public String getActivity() { return activity; }
        public void setActivity(String activity) { this.activity = activity; }
        public String getMilestone() { return milestone; }
        public void setMilestone(String milestone) { this.milestone = milestone; }
        public LocalDate getDueDate() { return dueDate; }
        public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
        public boolean isDone() { return done; }
        public void setDone(boolean done) { this.done = done; }
    }

    public int getLockVersion() { return lockVersion; }
    public void setLockVersion(int lockVersion) { this.lockVersion = lockVersion; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public List<String> getRegions() { return regions; }
    public void setRegions(List<String> regions) { this.regions = regions; }
    public Map<String, String> getSections() { return sections; }
    public void setSections(Map<String, String> sections) { this.sections = sections; }
    public List<ObjectiveRow> getObjectives() { return objectives; }
    public void setObjectives(List<ObjectiveRow> objectives) { this.objectives = objectives; }
    public List<ActionRow> getActions() { return actions; }
    public void setActions(List<ActionRow> actions) { this.actions = actions; }
    public List<MilestoneRow> getMilestones() { return milestones; }
    public void setMilestones(List<MilestoneRow> milestones) { this.milestones = milestones; }
}
