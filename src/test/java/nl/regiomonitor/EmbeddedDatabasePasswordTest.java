package nl.regiomonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL takes only its own password, kept in the data directory for the owner's
 * eyes only; a data directory from before (which let every local user in) is switched at its next start.
 */
class EmbeddedDatabasePasswordTest {

    @TempDir
    Path data;

    @Test
    void aDataDirectoryOfAnOlderVersionGetsAPasswordAndKeepsItsData() throws Exception {
        // as older versions made it: initdb with trust, no password
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("pg"))
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
            c.createStatement().execute("create table bewaard (n int); insert into bewaard values (42)");
        }
        assertThat(data.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE)).doesNotExist();

        String url;
        try (EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(data)) {
            url = postgres.getJdbcUrl("postgres", "postgres");
            Path file = data.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            assertRefused(url, "");
            assertRefused(url, "postgres");
            try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
                var rs = c.createStatement().executeQuery("select n from bewaard");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        // the next start finds the password and the switched cluster, and works as before
        try (EmbeddedPostgres again = EmbeddedDatabaseConfiguration.start(data);
                Connection c = DriverManager.getConnection(
                        again.getJdbcUrl("postgres", "postgres"),
                        "postgres",
                        Files.readString(data.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE))
                                .strip())) {
            assertThat(c.isValid(5)).isTrue();
            assertRefused(again.getJdbcUrl("postgres", "postgres"), "");
        }
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "postgres", password).close())
                .isInstanceOf(SQLException.class);
    }
}
