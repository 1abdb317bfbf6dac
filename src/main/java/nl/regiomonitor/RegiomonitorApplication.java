package nl.regiomonitor;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application: its package is the root every capability is scanned from. The jar
 * starts at the command line in {@code cli.Regiomonitor}, which starts this application for
 * {@code serve} and for the commands that need the database; keeping the command line out of
 * this class keeps the root free of a dependency on the commands.
 */
@SpringBootApplication
public class RegiomonitorApplication {}
