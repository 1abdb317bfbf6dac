package nl.regiomonitor.cli;

import java.io.PrintWriter;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import nl.regiomonitor.RegiomonitorApplication;

/** The application without web server, as the commands {@code import} and {@code user} need it. */
public final class CommandContext {

    private CommandContext() {}

    /** Starts the application quietly; null, after telling {@code err} why, when the database cannot be reached. */
    public static ConfigurableApplicationContext start(PrintWriter err) {
        try {
            return new SpringApplicationBuilder(RegiomonitorApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    // the PDF renderer's notes on each document would bury a command's own output
                    .properties(
                            "spring.main.banner-mode=off",
                            // no web server, so no publication and no health endpoint: the readiness group names
                            // the publication's health, which is not made here
                            "management.endpoint.health.validate-group-membership=false",
                            "logging.level.root=WARN",
                            "logging.level.com.openhtmltopdf=ERROR")
                    .run();
        } catch (RuntimeException e) {
            err.println("Fout: de database is niet bereikbaar. " + reason(e));
            err.flush();
            return null;
        }
    }

    /** The Dutch explanation the embedded database gives when it cannot start, else the deepest cause. */
    public static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return NestedExceptionUtils.getMostSpecificCause(e).getMessage();
    }
}
