package nl.regiomonitor.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.security.Role;
import nl.regiomonitor.web.Problem;
import nl.regiomonitor.web.Refusal;

/**
 * The comments of client representatives on a plan van aanpak (SPEC §2): written by the client
 * representation of the plan's regions, read by everyone who may read the plan. A comment is not a
 * change of the plan: it starts no version and leaves the lock version alone, so an editor working
 * on the plan meanwhile can still save. Every comment is written to the audit trail.
 */
@Service
public class PlanComments {

    /** The most a comment may hold: enough for a considered reaction, short enough to read in a plan's annex. */
    static final int MAX_LENGTH = 2_000;

    private final JdbcTemplate jdbc;
    private final PlanService plans;
    private final AccessRules rules;
    private final AuditService audit;

    PlanComments(JdbcTemplate jdbc, PlanService plans, AccessRules rules, AuditService audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.rules = rules;
        this.audit = audit;
    }

    /** The comments on a plan the current user may read, oldest first. */
    public List<PlanComment> of(long planId) {
        return on(plans.get(planId)); // refuses a plan that is not there or not the user's, as reading the plan would
    }

    /** The comments on a plan the caller already read through {@link PlanService#get}, oldest first. */
    List<PlanComment> on(ActionPlan plan) {
        return jdbc.query("select * from plan_comment where plan_id = ? order by written_at, id", this::map, plan.id());
    }

    /** Whether the current user may comment on a plan of these regions. */
    public boolean mayComment(List<String> regions) {
        return rules.permits(AccessRules.COMMENT_PLAN, regions);
    }

    /**
     * Adds a comment of the current user on the plan, on {@code section} or (null) on the whole plan.
     * Refused with a message at the field {@code text} when empty or too long.
     */
    @Transactional
    public PlanComment add(long planId, PlanSection section, String text) {
        Set<String> regions = plans.of(planId);
        if (regions.isEmpty()) {
            throw new PlanRefused(Refusal.Kind.NOT_FOUND, "Er is geen plan van aanpak met nummer " + planId + ".");
        }
        if (!rules.permits(AccessRules.COMMENT_PLAN, regions)) {
            throw new PlanRefused(
                    Refusal.Kind.FORBIDDEN,
                    "Alleen de cliëntvertegenwoordiging van de regio('s) van dit plan " + "kan erop reageren.");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            throw new InvalidPlan(
                    "Uw reactie is niet geplaatst.",
                    List.of(new Problem(
                            "text",
                            body.isEmpty()
                                    ? "Schrijf uw reactie in het tekstvak."
                                    : "Uw reactie is " + body.length() + " tekens; dat mogen er hoogstens " + MAX_LENGTH
                                            + " zijn. Kort haar in.")));
        }
        ActionPlan plan = plans.get(planId);
        AppUser user = CurrentUser.get().orElseThrow();
        String organisation = user.organisation() != null ? user.organisation() : Role.CLIENTVERTEGENWOORDIGING.dutch();
        long id = jdbc.queryForObject(
                """
                insert into plan_comment (plan_id, section, body, organisation, plan_version, written_by)
                values (?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                planId,
                section == null ? null : section.name(),
                body,
                organisation,
                plan.versionNumber(),
                user.getUsername());
        PlanComment comment = jdbc.query("select * from plan_comment where id = ?", this::map, id)
                .get(0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("onderdeel", comment.sectionTitle());
        after.put("reactie", body);
        after.put("organisatie", organisation);
        after.put("versie van het plan", plan.versionNumber());
        audit.record(
                AuditAction.CREATE,
                "reactie op plan van aanpak",
                planId,
                String.join(",", new TreeSet<>(regions)),
                "Reactie van " + organisation + " op '" + plan.title() + "', "
                        + (section == null ? "op het hele plan" : "bij onderdeel " + section.title()),
                null,
                after);
        return comment;
    }

    private PlanComment map(ResultSet rs, int row) throws SQLException {
        PlanSection section = rs.getString("section") == null ? null : PlanSection.valueOf(rs.getString("section"));
        return new PlanComment(
                rs.getLong("id"),
                section,
                section == null ? PlanComment.WHOLE_PLAN : section.title(),
                rs.getString("body"),
                rs.getString("organisation"),
                rs.getObject("written_at", OffsetDateTime.class)
                        .atZoneSameInstant(Dutch.ZONE)
                        .toOffsetDateTime(),
                rs.getInt("plan_version"));
    }
}
