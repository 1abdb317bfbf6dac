/**
 * Small-cell protection of published counts: the primary rule hides 1–4 clients, secondary
 * suppression hides as few extra cells as needed so that no hidden small count can be worked back
 * from totals, labels and whole numbers, and an audit with linear and integer programs proves it
 * for every table. Plain Java: the application keeps its memory of worked-out tables in a
 * database through {@link nl.regiomonitor.disclosure.ProtectionStore}.
 */
package nl.regiomonitor.disclosure;
