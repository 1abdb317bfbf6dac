package nl.regiomonitor.signal;

/** A main category of client and OCO signals (reference data in table {@code signal_category}). */
public record SignalCategory(String code, String name) {}
