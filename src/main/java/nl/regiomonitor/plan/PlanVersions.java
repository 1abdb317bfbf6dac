package nl.regiomonitor.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.security.CurrentUser;

/**
 * The kept versions of the plans: per version number the plan as it was last saved under it, as the API gives it
 * ({@link ActionPlan} as JSON), so versions written long ago read as they were written.
 */
@Repository
class PlanVersions {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlanVersions(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the plan as it now is as the snapshot of its version number. */
    void keep(ActionPlan plan) {
        String snapshot;
        try {
            snapshot = json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("""
                insert into plan_version (plan_id, number, status, saved_at, saved_by, snapshot)
                values (?, ?, ?, now(), ?, cast(? as jsonb))
                on conflict (plan_id, number) do update set status = excluded.status, saved_at = excluded.saved_at,
                    saved_by = excluded.saved_by, snapshot = excluded.snapshot""", plan.id(), plan.versionNumber(), plan.status().name(), CurrentUser.name(), snapshot);
    }

    /** The versions of a plan without their snapshots, oldest first. */
    List<PlanVersion> of(long planId) {
        return jdbc.query(
                "select number, status, saved_at, saved_by from plan_version where plan_id = ? " + "order by number",
                (rs, n) -> version(rs, false),
                planId);
    }

    /** One version of a plan, with the whole plan as it was. */
    Optional<PlanVersion> find(long planId, int number) {
        return jdbc
                .query(
                        "select number, status, saved_at, saved_by, snapshot from plan_version "
                                + "where plan_id = ? and number = ?",
                        (rs, n) -> version(rs, true),
                        planId,
                        number)
                .stream()
                .findFirst();
    }

    private PlanVersion version(ResultSet rs, boolean withPlan) throws SQLException {
        PlanStatus status = PlanStatus.valueOf(rs.getString("status"));
        try {
            return new PlanVersion(
                    rs.getInt("number"),
                    status,
                    status.dutch(),
                    rs.getObject("saved_at", OffsetDateTime.class)
                            .atZoneSameInstant(Dutch.ZONE)
                            .toOffsetDateTime(),
                    rs.getString("saved_by"),
                    withPlan ? json.readTree(rs.getString("snapshot")) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
