package nl.regiomonitor.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/**
 * The malformed requests of {@link FormAndApiFuzzTest}, all drawn from one random: wrong JSON types, huge strings,
 * control and odd unicode characters, missing fields, wrong content types, impossible and extreme dates.
 */
final class FuzzRequests {

    /** One request of the fuzz: what was sent, for the message when it goes wrong, and the field it broke (or null). */
    record Sent(String what, String field, Response answer, boolean json) {}

    private static final String[] ODD = {
        "\u0000",
        "\u202E",
        "\uFEFF",
        "\uD83D\uDE00",
        "\u0007",
        "\r\n",
        "\t",
        "'; drop table app_user; --",
        "<script>alert(1)</script>",
        "${7*7}",
        "%00",
        "\\",
        "\"",
        "\uFFFF",
        "\u00e9\u0301",
        "ZK10\u0000"
    };
    private static final String[] IF_MATCH = {
        "\"0\"", "W/\"abc\"", "*", "\"99999999999999999999\"", "abc", "\"-1\"", "\"\""
    };
    private static final String[] DATES = {
        "9999-12-31",
        "1800-01-01",
        "2024-02-30",
        "0000-00-00",
        "morgen",
        "31-12-2024",
        "2024-13-01",
        "+999999999-12-31",
        "",
        " ",
        "2024-1-1"
    };

    private final int port;
    private final Random random;
    private final HttpClient http = HttpClient.newHttpClient();

    FuzzRequests(int port, long seed) {
        this.port = port;
        this.random = new Random(seed);
    }

    /** An If-Match header for a save: right, stale or not a version at all. */
    String ifMatch() {
        return IF_MATCH[random.nextInt(IF_MATCH.length)];
    }

    ObjectNode mutate(ObjectNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(9)) {
            case 0 -> node.put(field, random.nextInt());
            case 1 -> node.put(field, "x".repeat(random.nextBoolean() ? 100_001 : 5_001));
            case 2 -> node.put(field, ODD[random.nextInt(ODD.length)] + "tekst" + ODD[random.nextInt(ODD.length)]);
            case 3 -> node.remove(field);
            case 4 -> node.putArray(field).add(1).add("twee");
            case 5 -> node.putObject(field).put("nested", true);
            case 6 -> node.put(field, DATES[random.nextInt(DATES.length)]);
            case 7 -> node.putNull(field);
            default -> node.put(field, random.nextBoolean());
        }
        node.put("__field", field);
        return node;
    }

    String junk() {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"title\": ";
            case 1 -> "[".repeat(5000);
            case 2 -> "W/\"abc\"";
            case 3 -> new String(Base64.getDecoder().decode("//79/A=="), StandardCharsets.ISO_8859_1);
            case 4 -> "null";
            default -> ODD[random.nextInt(ODD.length)].repeat(100);
        };
    }

    String randomContentType() {
        String[] types = {
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=latin1",
            "application/octet-stream",
            "",
            "*/*"
        };
        return types[random.nextInt(types.length)];
    }

    Sent apiJson(WebSession client, String method, String path, ObjectNode body) {
        return apiJson(client, method, path, body, Map.of());
    }

    Sent apiJson(WebSession client, String method, String path, ObjectNode body, Map<String, String> headers) {
        String field = body.remove("__field").asText();
        String text = body.toString();
        if (random.nextInt(10) == 0) {
            text = text.substring(0, random.nextInt(text.length()));
            field = null;
        }
        return new Sent(
                method + " " + path + " " + abbreviate(text),
                field,
                client.sendJson(method, path, text, headers),
                true);
    }

    Sent apiRaw(String key, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> answer =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Sent(
                    "POST " + path + " als " + contentType,
                    null,
                    new Response(answer.statusCode(), answer.body(), answer.headers()),
                    true);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Sent form(WebSession session, String token, String path, Map<String, String> valid) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(valid.keySet());
        String broken = names.get(random.nextInt(names.size()));
        for (Map.Entry<String, String> f : valid.entrySet()) {
            if (!f.getKey().equals(broken)) {
                fields.add(f);
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> {} // missing
                case 1 -> fields.add(Map.entry(broken, "x".repeat(50_000)));
                case 2 -> fields.add(Map.entry(broken, ODD[random.nextInt(ODD.length)] + f.getValue()));
                case 3 -> fields.add(Map.entry(broken, DATES[random.nextInt(DATES.length)]));
                case 4 -> {
                    fields.add(Map.entry(broken, f.getValue()));
                    fields.add(Map.entry(broken, "tweede waarde"));
                }
                default -> fields.add(Map.entry(broken, String.valueOf(random.nextLong())));
            }
        }
        fields.add(Map.entry("_csrf", token));
        return new Sent("POST " + path + " " + broken, broken, session.postFormWithoutToken(path, fields), false);
    }

    Sent login() {
        String address = "192.0.2." + random.nextInt(250);
        String name = random.nextBoolean()
                ? "fuzz" + random.nextInt(1000)
                : ODD[random.nextInt(ODD.length)] + "x".repeat(random.nextInt(300));
        WebSession visitor = WebSession.anonymous(port).from(address);
        return new Sent("login " + abbreviate(name), null, visitor.login(name, junk()), false);
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
