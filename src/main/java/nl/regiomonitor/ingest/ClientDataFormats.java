package nl.regiomonitor.ingest;

import static nl.regiomonitor.ingest.Field.code;
import static nl.regiomonitor.ingest.Field.date;
import static nl.regiomonitor.ingest.Field.optionalDate;
import static nl.regiomonitor.ingest.Field.pastDate;
import static nl.regiomonitor.ingest.Field.text;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.regiomonitor.region.CodeList;

/** The four formats of pseudonymised client data (SPEC.md §3), loaded into this package's tables. */
@Configuration(proxyBeanMethods = false)
class ClientDataFormats {

    @Bean
    ImportFormat indications() {
        return new TableFormat(
                "indications",
                "Indicatiebesluiten",
                List.of(
                        text("client_id"),
                        pastDate("decision_date"),
                        date("valid_from"),
                        optionalDate("valid_to"),
                        code("region_code", CodeList.REGION),
                        code("profile_code", CodeList.PROFILE),
                        code("origin", CodeList.ORIGIN),
                        Field.of("birth_year", FieldKind.YEAR)),
                "indication",
                List.of("client_id", "profile_code", "valid_from"),
                List.of(new RowRule("valid_to", "valid_from")),
                ImportFormat.Replacement.SOURCE);
    }

    @Bean
    ImportFormat allocations() {
        return new TableFormat(
                "allocations",
                "Zorgtoewijzingen",
                List.of(
                        text("client_id"),
                        text("provider_code"),
                        code("region_code", CodeList.REGION),
                        code("delivery_form", CodeList.DELIVERY_FORM),
                        date("start_date"),
                        optionalDate("end_date")),
                "care_allocation",
                List.of("client_id", "provider_code", "start_date"),
                List.of(new RowRule("end_date", "start_date")),
                ImportFormat.Replacement.SOURCE);
    }

    @Bean
    ImportFormat waitlist() {
        return new TableFormat(
                "waitlist",
                "Wachtlijst",
                List.of(
                        date("snapshot_date"),
                        text("client_id"),
                        code("region_code", CodeList.REGION),
                        code("profile_code", CodeList.PROFILE),
                        code("wait_status", CodeList.WAIT_STATUS)),
                "waitlist_entry",
                List.of("snapshot_date", "client_id", "profile_code"),
                List.of(),
                ImportFormat.Replacement.SOURCE);
    }

    @Bean
    ImportFormat costs() {
        return new TableFormat(
                "costs",
                "Kosten",
                List.of(
                        Field.of("month", FieldKind.MONTH), code("region_code", CodeList.REGION),
                        code("profile_code", CodeList.PROFILE), code("delivery_form", CodeList.DELIVERY_FORM),
                        Field.of("client_days", FieldKind.COUNT), Field.of("amount_eur", FieldKind.AMOUNT)),
                "cost_line",
                List.of("month", "region_code", "profile_code", "delivery_form"),
                List.of(),
                ImportFormat.Replacement.SOURCE);
    }
}
