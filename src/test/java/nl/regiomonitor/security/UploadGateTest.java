package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;

/**
 * An upload is refused before its body is read when the sender may not import or it is too large
 * (issue 14.6): the answer comes while the client is still sending, and no part reaches the disk.
 */
class UploadGateTest extends IntegrationTest {

    /** Larger than the limit of 200 MB. */
    private static final long HUGE = 300L * 1024 * 1024;
    /** Within the limit, and still far too much to store for someone who may not import. */
    private static final long LARGE = 150L * 1024 * 1024;

    private static final String BOUNDARY = "----gate";

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    private record Early(int status, String answer, boolean partStored) {}

    /**
     * Announces a 300 MB multipart body, sends its first megabyte and waits: the server must answer
     * without the rest. Meanwhile nothing of it may be stored in the server's upload folder.
     */
    private Early send(String path, long length, String... headers) throws Exception {
        File uploads = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + length
                    + "\r\nAccept: application/json\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"groot.csv\"\r\n"
                            + "Content-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try {
                for (int i = 0; i < 16; i++) {
                    out.write(chunk);
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server may already have answered and closed
            }
            Thread.sleep(300);
            boolean stored = storedParts(uploads);
            String answer = readAnswer(socket);
            Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(answer);
            assertThat(status.find())
                    .as("an answer before the body was sent: " + answer)
                    .isTrue();
            return new Early(Integer.parseInt(status.group(1)), answer, stored);
        }
    }

    /** What the server sent, up to the moment it stops sending for half a second. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
                socket.setSoTimeout(500);
            }
        } catch (SocketTimeoutException | SocketException end) {
            // the answer is complete, or the server closed the connection after it
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean storedParts(File folder) {
        String[] names = folder == null ? null : folder.list((dir, name) -> name.startsWith("upload_"));
        return names != null && names.length > 0;
    }

    private static String basic(String user) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":demo-wachtwoord").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        Early api = send("/api/v1/imports?type=waitlist", LARGE);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.answer()).contains("niet ingelogd");
        assertThat(api.partStored()).isFalse();

        Early page = send("/imports", LARGE);
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.partStored()).isFalse();

        Early register = send("/regions/ZK10/register/import", LARGE);
        assertThat(register.status()).isIn(302, 401);
        assertThat(register.partStored()).isFalse();
    }

    @Test
    void anUploadWithoutTheRightIsRefusedBeforeItsBodyIsRead() throws Exception {
        // Basic: the care office of ZK01 for region ZK10
        Early basic = send("/api/v1/imports?region=ZK10&type=waitlist", LARGE, basic("zorgkantoor.amstelland"));
        assertThat(basic.status()).isEqualTo(403);
        assertThat(basic.partStored()).isFalse();

        // a session of the same office, on the page and the API
        String cookie = sessionCookie("zorgkantoor.amstelland");
        Early page = send("/imports?region=ZK10", LARGE, "Cookie: " + cookie);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.partStored()).isFalse();
        Early national = send("/api/v1/imports?type=waitlist", LARGE, "Cookie: " + cookie);
        assertThat(national.status()).isEqualTo(403);
        assertThat(national.answer()).contains("geen toegang");
        assertThat(national.partStored()).isFalse();
    }

    @Test
    void anOversizedUploadIsRefusedWithADutchMessageBeforeItsBodyIsRead() throws Exception {
        Early api = send("/api/v1/imports?type=waitlist", HUGE, basic("beheerder"));
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.answer()).contains("te groot").contains("200 MB");
        assertThat(api.partStored()).isFalse();

        Early page = send("/imports", HUGE, "Cookie: " + sessionCookie("beheerder"));
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.answer()).contains("te groot");
        assertThat(page.partStored()).isFalse();
    }

    @Test
    void anAuthorisedUploadStillWorksOnThePageAndTheApi() {
        String csv =
                "snapshot_date;client_id;region_code;profile_code;wait_status\n2024-01-31;TESTGATE0001;ZK10;GGZ03W;ACTIEF\n";
        WebSession.Response api = WebSession.basic(port, "zorgkantoor.haaglanden", "demo-wachtwoord")
                .postFile("/api/v1/imports?region=ZK10", Map.of("type", "waitlist"), "gate-api.csv", csv);
        assertThat(api.status()).isEqualTo(202);

        WebSession session = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        WebSession.Response page = session.postFile(
                "/imports?region=ZK10",
                Map.of("type", "waitlist"),
                "gate-page.csv",
                csv.replace("TESTGATE0001", "TESTGATE0002"));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).matches(".*/imports/\\d+\\?region=ZK10");
        WebSession.Response script = session.postFile(
                "/api/v1/imports?region=ZK10",
                Map.of("type", "waitlist"),
                "gate-script.csv",
                csv.replace("TESTGATE0001", "TESTGATE0003"));
        assertThat(script.status()).isEqualTo(202);
    }

    /** Logs in through the form and returns the session cookie ("JSESSIONID=…"). */
    private String sessionCookie(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + user + "&password=demo-wachtwoord&_csrf=" + csrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue())
                .findFirst()
                .orElseThrow();
    }
}
