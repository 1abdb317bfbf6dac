package nl.regiomonitor.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Asks the busiest pages once before the public port opens, so the first visitor after a restart
 * does not wait while templates are parsed and code is compiled: the pages are requested over a
 * short-lived connector on the loopback address, after the publication is ready (its phase comes
 * earlier) and before the web server opens its port. A page that fails here is only logged.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnClass(Tomcat.class)
class WarmUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    /** After the publication (DEFAULT_PHASE - 4096), before the web server opens its port (DEFAULT_PHASE - 2048). */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

    private final ServletWebServerApplicationContext context;
    private final List<String> paths;
    private final Map<String, Integer> answers = new LinkedHashMap<>();
    private volatile boolean running;

    WarmUp(ServletWebServerApplicationContext context, @Value("${regiomonitor.warm-up.paths:}") List<String> paths) {
        this.context = context;
        this.paths = paths;
    }

    /** The status each page answered during the warm-up (for the test and the log). */
    synchronized Map<String, Integer> answers() {
        return Map.copyOf(answers);
    }

    @Override
    public void start() {
        running = true;
        if (paths.isEmpty() || !(context.getWebServer() instanceof TomcatWebServer server)) {
            return;
        }
        long started = System.nanoTime();
        Tomcat tomcat = server.getTomcat();
        Connector loopback = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        loopback.setPort(0);
        loopback.setProperty("address", "127.0.0.1");
        try {
            tomcat.getService().addConnector(loopback);
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (String path : paths) {
                ask(client, "http://127.0.0.1:" + loopback.getLocalPort() + path.trim(), path.trim());
            }
        } catch (RuntimeException e) {
            log.warn("Opwarmen van de pagina's mislukt; de eerste bezoeker wacht wat langer", e);
        } finally {
            tomcat.getService().removeConnector(loopback);
            try {
                loopback.destroy();
            } catch (Exception e) {
                log.debug("Opwarmverbinding niet opgeruimd", e);
            }
        }
        log.info("Pagina's opgewarmd in {} ms: {}", (System.nanoTime() - started) / 1_000_000, answers());
    }

    private void ask(HttpClient client, String url, String path) {
        try {
            HttpResponse<Void> answer = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            synchronized (this) {
                answers.put(path, answer.statusCode());
            }
        } catch (IOException e) {
            log.warn("Opwarmen van {} mislukt", path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
