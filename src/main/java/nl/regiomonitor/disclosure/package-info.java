/**
 * Small-cell protection of published counts: the primary rule hides 1–4 clients, secondary
 * suppression hides as few extra cells as needed so that no hidden small count can be worked back
 * from totals, labels and whole numbers, and an audit with linear and integer programs proves it
 * for every table.
 */
package nl.regiomonitor.disclosure;
