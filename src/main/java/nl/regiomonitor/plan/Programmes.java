package nl.regiomonitor.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.web.Problem;

/** The programmes plans are written for; created by the national roles (the rule is in AccessRules). */
@Service
public class Programmes {

    private static final RowMapper<Programme> MAP = (rs, n) -> new Programme(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getObject("deadline", LocalDate.class),
            rs.getInt("monthly_aim"));

    private final JdbcTemplate jdbc;
    private final AuditService audit;

    Programmes(JdbcTemplate jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Programme> list() {
        return jdbc.query("select * from programme order by deadline, id", MAP);
    }

    public Optional<Programme> find(long id) {
        return jdbc.query("select * from programme where id = ?", MAP, id).stream()
                .findFirst();
    }

    @Transactional
    public Programme create(Programme input) {
        List<Problem> problems = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            problems.add(new Problem("name", "Geef het programma een naam."));
        } else if (name.length() > 200) {
            problems.add(new Problem("name", "De naam is hoogstens 200 tekens."));
        } else if (Boolean.TRUE.equals(
                jdbc.queryForObject("select exists(select 1 from programme where name = ?)", Boolean.class, name))) {
            problems.add(new Problem("name", "Er is al een programma met de naam '" + name + "'."));
        }
        if (input.deadline() == null) {
            problems.add(new Problem("deadline", "Vul de uiterste datum van indienen in (jjjj-mm-dd)."));
        }
        if (input.monthlyAim() == null || input.monthlyAim() < 0) {
            problems.add(new Problem("monthlyAim", "Vul het landelijk streven in: de instroom per maand (0 of meer)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlan(
                    "Het programma is niet aangemaakt: " + problems.get(0).message(), problems);
        }
        long id = jdbc.queryForObject(
                "insert into programme (name, deadline, monthly_aim, created_by) values (?, ?, ?, ?) returning id",
                Long.class,
                name,
                input.deadline(),
                input.monthlyAim(),
                CurrentUser.name());
        Programme created = find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("naam", created.name());
        after.put("uiterste datum", created.deadline().toString());
        after.put("streven per maand", created.monthlyAim());
        audit.record(
                AuditAction.CREATE, "programma", id, null, "Programma " + created.name() + " aangemaakt", null, after);
        return created;
    }
}
