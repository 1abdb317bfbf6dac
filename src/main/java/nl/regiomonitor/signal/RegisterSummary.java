package nl.regiomonitor.signal;

import java.util.List;
import java.util.Map;

/**
 * What the register holds for a region in a year, as the regioperspectief counts it: entries per
 * kind (every kind, also 0) and client and OCO signals per category (every category, also 0).
 */
public record RegisterSummary(
        String region, int year, Map<RegisterKind, Integer> perKind, List<CategoryCount> signals) {

    /** Signals of one category. */
    public record CategoryCount(SignalCategory category, int clientSignals, int ocoSignals) {}

    public int count(RegisterKind kind) {
        return perKind.getOrDefault(kind, 0);
    }
}
