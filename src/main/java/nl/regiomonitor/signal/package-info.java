/**
 * The register of qualitative input per region (SPEC §3, §5): client and OCO signals by category,
 * location visits, quality dialogues, experts by experience, regional meetings, contracted
 * providers and projects. The care office of a region keeps it through forms and CSV import;
 * {@link nl.regiomonitor.signal.SignalRegister#summary} gives the counts the regioperspectief shows.
 */
package nl.regiomonitor.signal;
