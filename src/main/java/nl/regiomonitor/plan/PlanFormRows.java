package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The repeated rows of a {@link PlanForm} (objectives, actions, milestones), each with its remove box.
 * Mutable, because Spring binds the indexed row fields ({@code actions[2].owner}) onto them.
 */
public final class PlanFormRows {

    private PlanFormRows() {}

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

        public ObjectiveRow() {}

        ObjectiveRow(ActionPlan.Objective o) {
            description = o.description();
            figure = o.figure();
            profileCode = o.profileCode();
            direction = o.direction();
            targetValue = o.targetValue();
            targetDate = o.targetDate();
        }

        ActionPlan.Objective toObjective() {
            return ActionPlan.Objective.written(
                    description,
                    figure,
                    blank(profileCode) ? null : profileCode.strip(),
                    direction,
                    targetValue,
                    targetDate);
        }

        @Override
        boolean empty() {
            return blank(description)
                    && figure == null
                    && blank(profileCode)
                    && direction == null
                    && targetValue == null
                    && targetDate == null;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public PlanFigure getFigure() {
            return figure;
        }

        public void setFigure(PlanFigure figure) {
            this.figure = figure;
        }

        public String getProfileCode() {
            return profileCode;
        }

        public void setProfileCode(String profileCode) {
            this.profileCode = profileCode;
        }

        public Direction getDirection() {
            return direction;
        }

        public void setDirection(Direction direction) {
            this.direction = direction;
        }

        public BigDecimal getTargetValue() {
            return targetValue;
        }

        public void setTargetValue(BigDecimal targetValue) {
            this.targetValue = targetValue;
        }

        public LocalDate getTargetDate() {
            return targetDate;
        }

        public void setTargetDate(LocalDate targetDate) {
            this.targetDate = targetDate;
        }
    }

    public static class ActionRow extends Row {
        private Long id;
        private String paragraph;
        private String description;
        private String owner;
        private String ownerRole;
        private String timeline;
        private ActionStatus status = ActionStatus.NOT_STARTED;

        public ActionRow() {}

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
            return ActionPlan.Action.of(paragraph, description, owner, ownerRole, timeline)
                    .withId(id)
                    .withStatus(status == null ? ActionStatus.NOT_STARTED : status);
        }

        @Override
        boolean empty() {
            return id == null
                    && blank(paragraph)
                    && blank(description)
                    && blank(owner)
                    && blank(ownerRole)
                    && blank(timeline);
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getParagraph() {
            return paragraph;
        }

        public void setParagraph(String paragraph) {
            this.paragraph = paragraph;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public String getOwnerRole() {
            return ownerRole;
        }

        public void setOwnerRole(String ownerRole) {
            this.ownerRole = ownerRole;
        }

        public String getTimeline() {
            return timeline;
        }

        public void setTimeline(String timeline) {
            this.timeline = timeline;
        }

        public ActionStatus getStatus() {
            return status;
        }

        public void setStatus(ActionStatus status) {
            this.status = status;
        }
    }

    public static class MilestoneRow extends Row {
        private String activity;
        private String milestone;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        private boolean done;

        public MilestoneRow() {}

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

        public String getActivity() {
            return activity;
        }

        public void setActivity(String activity) {
            this.activity = activity;
        }

        public String getMilestone() {
            return milestone;
        }

        public void setMilestone(String milestone) {
            this.milestone = milestone;
        }

        public LocalDate getDueDate() {
            return dueDate;
        }

        public void setDueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
        }

        public boolean isDone() {
            return done;
        }

        public void setDone(boolean done) {
            this.done = done;
        }
    }
}
