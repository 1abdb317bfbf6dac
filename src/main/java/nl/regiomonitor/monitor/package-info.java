/**
 * The Instroommonitor: the influx per month, quarter or year of the country and of each region,
 * judged by the statistics of {@code trend} on the counts {@code publication} protects, as the
 * page, the API, the chart (SVG drawn here, the same on the page and in the PDF) and the headline
 * of the start page show it. The statistics stay plain Java in {@code trend}; this package holds
 * what needs Spring, the published figures and the web.
 */
package nl.regiomonitor.monitor;
