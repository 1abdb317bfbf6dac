package nl.regiomonitor.region;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data kept as CSV files in {@code src/main/resources/reference/} (their origin
 * and vintage are in the README). Spring Boot hands this bean to Flyway, so it runs once per database.
 */
@Component
public class V2__Reference_data extends BaseJavaMigration {

    /** A reference file and the insert that takes its columns in order, plus the row's position last. */
    private record ReferenceFile(String file, String insert, boolean withPosition) {}

    private static final List<ReferenceFile> FILES = List.of(
            new ReferenceFile("regions.csv", "insert into region (code, name) values (?, ?)", false),
            new ReferenceFile(
                    "care_profiles.csv",
                    "insert into care_profile (code, name, sector, series, sort_order) values (?, ?, ?, ?, cast(? as int))",
                    true),
            new ReferenceFile(
                    "delivery_forms.csv",
                    "insert into delivery_form (code, name, in_kind, sort_order) values (?, ?, cast(? as boolean), cast(? as int))",
                    true),
            new ReferenceFile(
                    "origins.csv", "insert into origin (code, name, sort_order) values (?, ?, cast(? as int))", true),
            new ReferenceFile(
                    "wait_statuses.csv",
                    "insert into wait_status (code, name, sort_order) values (?, ?, cast(? as int))",
                    true),
            new ReferenceFile(
                    "age_bands.csv",
                    "insert into age_band (code, name, min_age, max_age, sort_order) "
                            + "values (?, ?, cast(? as int), cast(nullif(?, '') as int), cast(? as int))",
                    true),
            new ReferenceFile(
                    "population.csv",
                    "insert into population (year, municipality_code, municipality_name, region_code, inhabitants, inhabitants_18plus) "
                            + "values (cast(? as int), ?, ?, ?, cast(? as int), cast(? as int))",
                    false));

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (ReferenceFile file : FILES) {
            load(connection, file);
        }
    }

    private static void load(Connection connection, ReferenceFile file) throws Exception {
        try (Reader reader = new InputStreamReader(
                        new ClassPathResource("reference/" + file.file()).getInputStream(), StandardCharsets.UTF_8);
                PreparedStatement insert = connection.prepareStatement(file.insert())) {
            int position = 0;
            for (CSVRecord row : referenceFormat().parse(reader)) {
                int column = 1;
                for (String value : row) {
                    insert.setString(column++, value);
                }
                if (file.withPosition()) {
                    insert.setString(column, Integer.toString(++position));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (IOException e) {
            throw new IllegalStateException("Referentiebestand " + file.file() + " ontbreekt of is onleesbaar", e);
        }
    }

    private static CSVFormat referenceFormat() {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
    }
}
