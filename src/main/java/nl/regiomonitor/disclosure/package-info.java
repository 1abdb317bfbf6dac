/**
 * Small-cell protection of published counts: the primary rule hides 1–4 clients, secondary
 * suppression hides as few extra cells as needed so that no hidden cell can be worked back from
 * totals, and an audit with linear programs proves it for every table.
 */
package nl.regiomonitor.disclosure;
