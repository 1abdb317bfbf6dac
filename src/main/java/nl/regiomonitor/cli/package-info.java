/**
 * The command line of the jar ({@code Regiomonitor}, picocli): {@code serve} (the default), and
 * {@code generate}, {@code import}, {@code user}, {@code audit} and {@code report}, which start the
 * application without web server where they need its database. Nothing else depends on this
 * package; it uses the capabilities through their public services.
 */
package nl.regiomonitor.cli;
