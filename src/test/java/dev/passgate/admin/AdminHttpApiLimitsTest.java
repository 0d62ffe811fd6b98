package dev.passgate.admin;

import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.support.MutableClock;
import dev.passgate.testkit.RunningPassGate;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API under slow, oversized, too many and wrongly authenticated requests, on real sockets. */
class AdminHttpApiLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path other;
    private RunningPassGate pg;
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(3);
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of());
        pg.admin("ADDUSER OPER PASSWORD(Secret1) NOEXPIRED",
                "RDEFINE FACILITY PASSGATE.ADMIN.* UACC(NONE)",
                "PERMIT PASSGATE.ADMIN.* CLASS(FACILITY) ID(OPER) ACCESS(CONTROL)");
    }

    @AfterEach
    void stop() throws Exception {
        trickle.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
        pg.close();
    }

    @Test
    void slowClientsDoNotKeepTheOperatorOutAndAreCutOffAtTheDeadline() throws Exception {
        JsonNode credential = JSON.readTree(Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE)));
        int port = credential.get("port").asInt();
        String bearer = "Bearer " + credential.get("token").asText();
        String headers = "POST /commands HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n";
        Instant started = Instant.now();
        Socket slowBody1 = slowClient(port, headers, "{\"command\":\"DISPLAY PROCESS\"}" + " ".repeat(200));
        Socket slowBody2 = slowClient(port, headers, "{\"command\":\"DISPLAY PROCESS\"}" + " ".repeat(200));
        Socket slowHeaders = slowClient(port, "", headers);

        HttpResponse<String> normal = post(port, bearer, "DISPLAY PROCESS", Duration.ofSeconds(2));
        assertEquals(200, normal.statusCode(), normal.body());
        assertEquals(0, JSON.readTree(normal.body()).get("rc").asInt());

        for (Socket slow : List.of(slowBody1, slowBody2, slowHeaders)) {
            String answer = readAll(slow);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        }
        Duration took = Duration.between(started, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0,
                "a trickle of bytes does not extend the 5 s deadline (took " + took + ")");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        JsonNode credential = JSON.readTree(Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE)));
        int port = credential.get("port").asInt();
        String body = "{\"command\":\"DISPLAY PROCESS\",\"padding\":\"" + "x".repeat(70_000) + "\"}";
        HttpRequest announced = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands"))
                .header("Authorization", "Bearer " + credential.get("token").asText())
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(5)).build();
        assertEquals(413, http().send(announced, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands"))
                .header("Authorization", "Bearer " + credential.get("token").asText())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .timeout(Duration.ofSeconds(5)).build();
        assertEquals(413, http().send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "also when the length is not announced");
    }

    @Test
    void whenEveryCommandThreadAndQueueSlotIsTakenTheNextCallerGets503AtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AdminHttpApi.Commands slow = (command, actor) -> {
            running.incrementAndGet();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new CommandResult(0, List.of("done"));
        };
        AdminHttpApi.Limits oneAndOne = new AdminHttpApi.Limits(Duration.ofSeconds(5), 65536, 1, 1, 64, 5,
                Duration.ofMinutes(1));
        try (AdminHttpApi api = new AdminHttpApi(slow, pg.passGate.security().verifier(), pg.passGate.security().access(),
                0, other, oneAndOne, new MutableClock(Instant.now()))) {
            String bearer = bearer(other);
            CompletableFuture<HttpResponse<String>> first = postAsync(api.port(), bearer, "DISPLAY PROCESS");
            waitFor(() -> running.get() == 1);
            CompletableFuture<HttpResponse<String>> second = postAsync(api.port(), bearer, "DISPLAY PROCESS");
            waitFor(() -> api.waitingCommands() == 1);

            HttpResponse<String> third = post(api.port(), bearer, "DISPLAY PROCESS", Duration.ofSeconds(2));
            assertEquals(503, third.statusCode(), third.body());

            release.countDown();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(200, second.get(10, TimeUnit.SECONDS).statusCode(), "a waiting command runs once a thread is free");
        }
    }

    @Test
    void afterFiveFailedBasicLogonsEvenTheRightPasswordGets429UntilTheWindowPasses() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        OperatorCommands operator = pg.context.getRegistry().lookupByName("passGateOperator") instanceof OperatorCommands o
                ? o : null;
        AdminHttpApi.Limits limits = new AdminHttpApi.Limits(Duration.ofSeconds(5), 65536, 4, 16, 64, 5,
                Duration.ofMinutes(1));
        try (AdminHttpApi api = new AdminHttpApi(operator::execute, pg.passGate.security().verifier(),
                pg.passGate.security().access(), 0, other, limits, clock)) {
            int port = api.port();
            assertEquals(200, post(port, basic("OPER", "Secret1"), "DISPLAY PROCESS").statusCode());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, post(port, basic("NOSUCH", "guess" + i), "DISPLAY PROCESS").statusCode());
            }
            HttpResponse<String> limited = post(port, basic("OPER", "Secret1"), "DISPLAY PROCESS");
            assertEquals(429, limited.statusCode(), limited.body());
            assertTrue(limited.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, post(port, bearer(other), "DISPLAY PROCESS").statusCode(),
                    "the operator credential is not limited, so wrong passwords cannot lock the operator out");

            clock.advance(Duration.ofSeconds(61));
            assertEquals(200, post(port, basic("OPER", "Secret1"), "DISPLAY PROCESS").statusCode(), "the window has passed");

            // Ten wrong passwords at once: only five are checked, however they interleave.
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                burst.add(postAsync(port, basic("NOSUCH", "burst" + i), "DISPLAY PROCESS"));
            }
            int refused = 0;
            int limitedCount = 0;
            for (var f : burst) {
                int status = f.get(20, TimeUnit.SECONDS).statusCode();
                refused += status == 401 ? 1 : 0;
                limitedCount += status == 429 ? 1 : 0;
            }
            assertEquals(5, refused, "password checks in the burst");
            assertEquals(5, limitedCount);
        }
    }

    /** Connects, sends {@code first} at once and then {@code rest} one byte every 500 ms. */
    private Socket slowClient(int port, String first, String rest) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        sockets.add(s);
        s.setSoTimeout(15_000);
        OutputStream out = s.getOutputStream();
        out.write(first.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] bytes = rest.getBytes(StandardCharsets.US_ASCII);
        AtomicInteger next = new AtomicInteger();
        trickle.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < bytes.length && !s.isClosed()) {
                try {
                    out.write(bytes[i]);
                    out.flush();
                } catch (java.io.IOException closedByServer) {
                    next.set(bytes.length);
                }
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        return s;
    }

    private static String readAll(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                sb.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            sb.append("[no answer within the socket timeout]");
        } catch (java.net.SocketException reset) {
            sb.append("[reset]");
        }
        return sb.toString();
    }

    private static String bearer(Path dataDir) throws Exception {
        return "Bearer " + JSON.readTree(Files.readString(dataDir.resolve(AdminHttpApi.CREDENTIAL_FILE))).get("token").asText();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpRequest request(int port, String authorization, String command, Duration timeout) throws Exception {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands")).timeout(timeout)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("command", command)))).build();
    }

    private static HttpResponse<String> post(int port, String authorization, String command) throws Exception {
        return post(port, authorization, command, Duration.ofSeconds(10));
    }

    private static HttpResponse<String> post(int port, String authorization, String command, Duration timeout)
            throws Exception {
        return http().send(request(port, authorization, command, timeout), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(int port, String authorization, String command)
            throws Exception {
        return http().sendAsync(request(port, authorization, command, Duration.ofSeconds(20)),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anApiThatStopsLeavesAnotherApisCredentialInPlace() throws Exception {
        AdminHttpApi.Limits limits = new AdminHttpApi.Limits(Duration.ofSeconds(5), 65536, 1, 1, 64, 5,
                Duration.ofMinutes(1));
        Path file = other.resolve(AdminHttpApi.CREDENTIAL_FILE);
        AdminHttpApi first = new AdminHttpApi((c, a) -> null, pg.passGate.security().verifier(),
                pg.passGate.security().access(), 0, other, limits, new MutableClock(Instant.now()));
        try (AdminHttpApi second = new AdminHttpApi((c, a) -> null, pg.passGate.security().verifier(),
                pg.passGate.security().access(), 0, other, limits, new MutableClock(Instant.now()))) {
            String secondCredential = Files.readString(file);
            first.close();
            assertEquals(secondCredential, Files.readString(file), "the running API's operator keeps its way in");
        }
        assertTrue(!Files.exists(file), "each API removes its own credential");
    }
}
