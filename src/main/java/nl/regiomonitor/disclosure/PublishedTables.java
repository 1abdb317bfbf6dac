package nl.regiomonitor.disclosure;

import java.util.Map;

/** A capability that publishes counts of clients, so the audit can check every pattern it publishes. */
public interface PublishedTables {

    /** Every protected table this capability would publish with the data as they are now, by a name a person can read. */
    Map<String, ProtectionPattern> published();
}
