package nl.regiomonitor.publication;

import java.util.Map;

/**
 * Statistics a capability derives from its published tables (a trend's verdict, phases and run
 * counts): worked out once per publication and stored with it, so a version can be read back by
 * number with the judgements it showed.
 */
public interface PublishedStatistics {

    /** Every statistic, by a name a person can read, as JSON; worked out from published cells only. */
    Map<String, String> statistics();
}
