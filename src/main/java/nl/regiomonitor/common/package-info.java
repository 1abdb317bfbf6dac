/**
 * What every package may use and which belongs to none: the Dutch locale and time zone, the
 * advisory lock that lets several instances share one database, and the SHA-256 key of a text.
 * Plain Java and JDBC, at the bottom of the architecture (below {@code web}); it uses no other package.
 */
package nl.regiomonitor.common;
