package nl.regiomonitor.trend;

/** The judgement of a series in words; see {@link TrendAnalysis} for the rule behind each value. */
public enum Verdict {
    /** The level went down and the chart shows it is not chance. */
    DALEND,
    /** The level went up and the chart shows it is not chance. */
    STIJGEND,
    /** No sign of change: the series varies by chance around one level. */
    STABIEL,
    /** Too few months, or something unusual without a clear direction: no judgement either way. */
    GEEN_SIGNAAL
}
