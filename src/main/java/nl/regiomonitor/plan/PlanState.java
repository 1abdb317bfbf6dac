package nl.regiomonitor.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the system keeps of a plan beside what people write in it ({@link PlanContent}): its programme, where it is in
 * the workflow, its lock and version number, and who submitted, reviewed and last changed it when.
 */
public record PlanState(
        long id,
        long programmeId,
        String programme,
        LocalDate deadline,
        PlanStatus status,
        int lockVersion,
        int versionNumber,
        OffsetDateTime submittedAt,
        String submittedBy,
        Boolean late,
        String reviewComment,
        OffsetDateTime reviewedAt,
        String reviewedBy,
        OffsetDateTime changedAt,
        String changedBy) {

    /** A state built field by field, for a plan that was never stored (a document made from a plan, a test). */
    public static Builder builder(long id, long programmeId, String programme) {
        return new Builder(id, programmeId, programme);
    }

    /** Sets what is known; the rest stays empty, a draft of version 1. */
    public static final class Builder {
        private final long id;
        private final long programmeId;
        private final String programme;
        private LocalDate deadline;
        private PlanStatus status = PlanStatus.DRAFT;
        private int lockVersion;
        private int versionNumber = 1;
        private OffsetDateTime submittedAt;
        private String submittedBy;
        private Boolean late = false;
        private String reviewComment;
        private OffsetDateTime reviewedAt;
        private String reviewedBy;
        private OffsetDateTime changedAt;
        private String changedBy;

        private Builder(long id, long programmeId, String programme) {
            this.id = id;
            this.programmeId = programmeId;
            this.programme = programme;
        }

        public Builder deadline(LocalDate deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder status(PlanStatus status) {
            this.status = status;
            return this;
        }

        public Builder versions(int lockVersion, int versionNumber) {
            this.lockVersion = lockVersion;
            this.versionNumber = versionNumber;
            return this;
        }

        public Builder submitted(OffsetDateTime at, String by, boolean late) {
            this.submittedAt = at;
            this.submittedBy = by;
            this.late = late;
            return this;
        }

        public Builder reviewed(String comment, OffsetDateTime at, String by) {
            this.reviewComment = comment;
            this.reviewedAt = at;
            this.reviewedBy = by;
            return this;
        }

        public Builder changed(OffsetDateTime at, String by) {
            this.changedAt = at;
            this.changedBy = by;
            return this;
        }

        public PlanState build() {
            return new PlanState(
                    id,
                    programmeId,
                    programme,
                    deadline,
                    status,
                    lockVersion,
                    versionNumber,
                    submittedAt,
                    submittedBy,
                    late,
                    reviewComment,
                    reviewedAt,
                    reviewedBy,
                    changedAt,
                    changedBy);
        }
    }
}
