package nl.regiomonitor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import nl.regiomonitor.RegiomonitorApplication;

/** Starts the web application (the default subcommand). Spring options such as --server.port=9090 pass through. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start de webapplicatie (standaard). Bij een lege database worden demogegevens geladen "
                + "(uit te zetten met REGIOMONITOR_DEMO=false). Opties als --server.port=9090 worden doorgegeven.")
class ServeCommand implements Callable<Integer> {

    /** Exit code that tells {@code main} not to exit: the web server's threads keep the JVM alive. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        SpringApplication.run(RegiomonitorApplication.class, springArguments.toArray(String[]::new));
        return KEEP_RUNNING;
    }
}
