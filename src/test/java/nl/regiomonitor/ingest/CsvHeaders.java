package nl.regiomonitor.ingest;

/**
 * The header lines of the CSV files the tests write, as SPEC.md §3 and the README give them to users: written
 * out here, not taken from the formats in the code, so a changed format fails the tests that use them.
 */
public final class CsvHeaders {

    public static final String INDICATIONS =
            "client_id;decision_date;valid_from;valid_to;region_code;profile_code;origin;birth_year\n";
    public static final String WAITLIST = "snapshot_date;client_id;region_code;profile_code;wait_status\n";

    private CsvHeaders() {}
}
