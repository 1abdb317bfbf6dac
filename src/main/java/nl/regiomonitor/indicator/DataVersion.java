package nl.regiomonitor.indicator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which state of the client data figures are computed from, so cached figures know when they are stale. */
@Component
class DataVersion {

    private final JdbcTemplate jdbc;

    DataVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Any import that loads rows gets a higher number than all before it, also one that replaces rows. */
    long current() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from import_run where status = 'LOADED'", Long.class);
    }
}
