/**
 * What every package may use and which belongs to none: the Dutch locale and time zone, and the
 * advisory lock that lets several instances share one database. Plain Java and JDBC, at the bottom
 * of the architecture (below {@code web}); it uses no other package.
 */
package nl.regiomonitor.common;
