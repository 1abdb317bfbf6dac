/**
 * The figures of SPEC.md §4, computed from the imported client-level data, per region and for
 * {@code NL}: influx per month (a client's first GGZ-W indication, by the month of its
 * {@code valid_from}), stock on a reference date with the change against a year before. Every
 * published number leaves as a {@link nl.regiomonitor.indicator.Cell}.
 */
package nl.regiomonitor.indicator;
