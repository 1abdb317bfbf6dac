package nl.regiomonitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user agent for tests that talks HTTP to the running application as a browser does: a session
 * cookie, the login form, the CSRF token from the page; or as an API client with HTTP Basic.
 * Redirects are not followed, so a test sees them.
 */
public final class WebSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    /** The status, headers and body of an answer. */
    public record Response(int status, String body, HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse("");
        }
    }

    private final String base;
    private final HttpClient client;
    private String authorization;
    private String forwardedFor;

    private WebSession(int port) {
        this(
                port,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    private WebSession(int port, HttpClient client) {
        this.base = "http://localhost:" + port;
        this.client = client;
    }

    /**
     * The same browser, its cookies and credentials included, talking to the instance on {@code port}: as a load
     * balancer sends its next request to another instance.
     */
    public WebSession at(int port) {
        WebSession other = new WebSession(port, client);
        other.authorization = authorization;
        other.forwardedFor = forwardedFor;
        return other;
    }

    /** A visitor who has not logged in. */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** A user logged in through the login form; fails when the login does not succeed. */
    public static WebSession loggedIn(int port, String username, String password) {
        WebSession session = new WebSession(port);
        Response answer = session.login(username, password);
        if (answer.status() != 302 || answer.location().contains("/login")) {
            throw new AssertionError(
                    "Inloggen van " + username + " mislukt: " + answer.status() + " " + answer.location());
        }
        return session;
    }

    /** An API client that sends HTTP Basic credentials with every request and keeps no session. */
    public static WebSession basic(int port, String username, String password) {
        WebSession session = new WebSession(port);
        session.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return session;
    }

    /** An API client that sends a personal API key ({@code Bearer}) with every request and keeps no session. */
    public static WebSession bearer(int port, String key) {
        WebSession session = new WebSession(port);
        session.authorization = "Bearer " + key;
        return session;
    }

    /** Sends every request as a proxy in front of the application forwards it from {@code address}. */
    public WebSession from(String address) {
        this.forwardedFor = address;
        return this;
    }

    /** Posts the login form with a valid CSRF token; the answer is the redirect it gives. */
    public Response login(String username, String password) {
        return postForm("/login", Map.of("username", username, "password", password));
    }

    public Response get(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    /** A download, as a program asks for it: any type. */
    public Response getAny(String path) {
        return send(request(path).header("Accept", "*/*").GET());
    }

    /** A file download (a PDF or XLSX is not text) as a program asks for it; fails unless the answer is 200. */
    public byte[] getBytes(String path) {
        HttpResponse<byte[]> answer =
                exchange(request(path).header("Accept", "*/*").GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + path + " gaf " + answer.statusCode());
        }
        return answer.body();
    }

    public Response getJson(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    /** The CSRF token of this session, as a page carries it. */
    public String csrf() {
        Matcher m = CSRF_META.matcher(get("/login").body());
        if (!m.find()) {
            throw new AssertionError("Geen CSRF-token op de loginpagina");
        }
        return m.group(1);
    }

    /** Posts a form as the browser does, with this session's CSRF token. */
    public Response postForm(String path, Map<String, String> fields) {
        return postForm(path, List.copyOf(fields.entrySet()));
    }

    /** Posts a form whose fields may repeat (several ticked boxes of one name). */
    public Response postForm(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf()));
        return send(path, all);
    }

    public Response postFormWithoutToken(String path, Map<String, String> fields) {
        return send(path, List.copyOf(fields.entrySet()));
    }

    /** Posts exactly these fields (repeating, any order), whatever token they hold or lack. */
    public Response postFormWithoutToken(String path, List<Map.Entry<String, String>> fields) {
        return send(path, fields);
    }

    private Response send(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a multipart form with one file; a session adds its CSRF token (as the page's script
     * does, in the header), a Basic client needs none.
     */
    public Response postFile(String path, Map<String, String> fields, String fileName, String content) {
        String boundary = "----regiomonitor" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization == null) {
            builder.header("X-CSRF-TOKEN", csrf());
        }
        return send(builder);
    }

    /**
     * Sends a JSON body with {@code method} (POST, PUT) and extra headers such as If-Match; a session
     * adds its CSRF token in the header (unless {@code headers} has it), a Basic client needs none.
     */
    public Response sendJson(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        if (authorization == null && !headers.containsKey("X-CSRF-TOKEN")) {
            builder.header("X-CSRF-TOKEN", csrf());
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        HttpResponse<String> answer = exchange(builder, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(answer.statusCode(), answer.body(), answer.headers());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(builder.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
