/**
 * What every package may use and which belongs to none: the Dutch locale and time zone. Plain
 * Java, at the bottom of the architecture (below {@code web}); it uses no other package.
 */
package nl.regiomonitor.common;
