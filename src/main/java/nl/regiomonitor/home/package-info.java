/**
 * The start page {@code /}, one per role: the national influx against the aim and the ways in for a visitor; the
 * region, its influx, plans, what falls due, register and imports for the people of a region; every region's plan
 * status and verdict for the national programme; imports, users and publications for the administrator. It only
 * reads the capabilities' public services, and nothing depends on it.
 */
package nl.regiomonitor.home;
