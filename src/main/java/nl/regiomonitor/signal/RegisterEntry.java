package nl.regiomonitor.signal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One stored register entry; {@code category} and {@code locationKind} are null for kinds that
 * have none. {@code version} guards against overwriting someone else's change.
 */
public record RegisterEntry(
        long id,
        String region,
        RegisterKind kind,
        LocalDate date,
        int year,
        SignalCategory category,
        String name,
        LocationKind locationKind,
        String description,
        int version,
        String createdBy,
        OffsetDateTime createdAt,
        String changedBy,
        OffsetDateTime changedAt) {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** How messages and the audit trail name the entry: "Klantsignaal van 17-05-2024". */
    public String label() {
        return kind.dutch() + " van " + DUTCH_DATE.format(date);
    }
}
