package nl.regiomonitor.ingest;

import static nl.regiomonitor.ingest.Field.code;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.regiomonitor.region.CodeList;

/** The population import: municipalities, their region and inhabitants; a national file, replacing the years it holds. */
@Configuration(proxyBeanMethods = false)
class PopulationFormat {

    @Bean
    ImportFormat population() {
        return new TableFormat(
                "population",
                "Bevolking per gemeente",
                List.of(
                        Field.of("year", FieldKind.YEAR), Field.of("municipality_code", FieldKind.MUNICIPALITY_CODE),
                        Field.of("municipality_name", FieldKind.NAME), code("region_code", CodeList.REGION),
                        Field.of("inhabitants", FieldKind.COUNT), Field.of("inhabitants_18plus", FieldKind.COUNT)),
                "population",
                List.of("year", "municipality_code"),
                List.of(new RowRule("inhabitants_18plus", "inhabitants")),
                ImportFormat.Replacement.byField("year"),
                true);
    }
}
