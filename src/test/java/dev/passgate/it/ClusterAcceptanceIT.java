package dev.passgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passgate.support.ServeProcess;
import dev.passgate.support.TestPostgres;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.TestPassGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code serve} processes on one PostgreSQL, started together on an empty database, used the
 * way users and an operator use a cluster: real logons over real sockets, operator commands through
 * {@code bin/passgate admin} against one node, and at the end the audit trail of every node checked
 * against everything the clients were told. The nodes live for the whole class; the methods run in
 * order, the ones that kill a node last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterAcceptanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Secret1";
    private static final String APPLID = "FEKAPPL";
    /** The key of the replay-protected PTKTDATA profile of user TIX (the APPLID's own has no replay protection). */
    private static final String TIX_KEY = "0123456789ABCDEF";
    /** Failed logons per address and minute that the nodes allow. */
    private static final int FAILURE_LIMIT = 6;
    /** B's idle timeout, short enough to wait for; A and C keep the default. */
    private static final int B_IDLE_SECONDS = 8;
    private static final int KILLED_SESSIONS = 50;
    /** What README promises for a change made on one node to be seen by the others ("within a second"), with slack for a loaded machine. */
    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final String ALL_AUDIT = "AUDIT LIMIT=10000";

    @TempDir
    static Path work;

    private Node a;
    private Node b;
    private Node c;
    private List<Node> nodes;
    private long startedAt;

    /** Every logon a client was told succeeded: node, user, method. */
    private final List<Ack> acknowledged = new CopyOnWriteArrayList<>();
    /** Every session end the client saw (its logout reply, or the event before the close), by session ID. */
    private final Map<String, Ended> ended = new ConcurrentHashMap<>();
    /** Probe logons that are meant to fail come each from an address of its own, so none hits the failure limit. */
    private final AtomicInteger probeAddresses = new AtomicInteger();

    private record Ack(String node, String user, String method) {
    }

    private record Ended(String node, String user, String reason) {
    }

    private static final class Node {
        final String name;
        final Path home;
        final Path data;
        final int port;
        final int management;
        final Map<String, String> env;
        ServeProcess process;
        boolean alive;

        Node(String name, Path home, int port, int management, Map<String, String> env) {
            this.name = name;
            this.home = home;
            this.data = home.resolve("data");
            this.port = port;
            this.management = management;
            this.env = env;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void startThreeNodesTogetherOnAnEmptyDatabase() throws Exception {
        String store = TestPostgres.newDatabase();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = HexFormat.of().formatHex(key);
        a = node("PGA", store, masterKey, 900);
        b = node("PGB", store, masterKey, B_IDLE_SECONDS);
        c = node("PGC", store, masterKey, 900);
        nodes = List.of(a, b, c);
        startedAt = System.nanoTime();
        for (Node n : nodes) {
            n.process = ServeProcess.start(n.home, n.env, "serve", "--data", n.data.toString());
        }
        for (Node n : nodes) {
            n.process.await("PassGate started", 180);
            n.alive = true;
        }
        Path definitions = work.resolve("cluster.racf");
        List<String> racf = new ArrayList<>();
        // The replay burst's 29 refusals would otherwise revoke TIX at the fifth: a bad PassTicket
        // counts as a failed logon, as in RACF.
        racf.add("SETROPTS PASSWORD(NOREVOKE)");
        // TIX's tickets are refused a second time; its qualified profile has the same key as the
        // APPLID's because the logon builds the session environment from a ticket of the APPLID's
        // profile and evaluates it against the qualified one.
        racf.add("RALTER PTKTDATA " + APPLID + " SSIGNON(KEYMASKED(" + TIX_KEY + "))");
        racf.add("RDEFINE PTKTDATA " + APPLID + ".TIX SSIGNON(KEYMASKED(" + TIX_KEY + "))");
        for (String user : List.of("JOE", "ANN", "TIX", "PERM", "MSG", "MSG2", "IDLE", "DISPA", "DISPB", "DISPC",
                "PROBE", "LIVA", "LIVB")) {
            racf.add(addUser(user));
        }
        IntStream.rangeClosed(1, KILLED_SESSIONS).forEach(i -> racf.add(addUser(orphan(i))));
        Files.write(definitions, racf);
        admin(a, "--file", definitions.toString());
    }

    private static String addUser(String user) {
        return "ADDUSER " + user + " PASSWORD(" + PASSWORD + ") NOEXPIRED";
    }

    private static String orphan(int i) {
        return String.format("ORPH%02d", i);
    }

    private static Node node(String name, String store, String masterKey, int idleSeconds) throws IOException {
        Path home = Files.createDirectories(work.resolve(name.toLowerCase()));
        int port = TestPassGate.freePort();
        int management = TestPassGate.freePort();
        Map<String, String> env = ServeProcess.environment(home, port, management);
        env.remove("PASSGATE_SECURITY_MASTER_KEY_FILE");
        // The same key on every node from the start: nodes starting together cannot copy each other's file.
        env.put("PASSGATE_SECURITY_MASTER_KEY", masterKey);
        env.put("PASSGATE_SYSTEM_NAME", name);
        env.put("PASSGATE_STORE_URL", store);
        env.put("PASSGATE_STORE_USER", TestPostgres.USER);
        env.put("PASSGATE_STORE_PASSWORD", "unused");
        env.put("PASSGATE_SESSION_SINGLE_LOGON", "true");
        env.put("PASSGATE_SESSION_IDLE_TIMEOUT", Integer.toString(idleSeconds));
        env.put("PASSGATE_LOGON_MAX_FAILURES_PER_MINUTE", Integer.toString(FAILURE_LIMIT));
        env.put("PASSGATE_AUDIT_PURGE_CRON", "0/2 * * * * ?");
        return new Node(name, home, port, management, env);
    }

    @AfterAll
    void stopTheNodes() throws Exception {
        if (nodes == null) {
            return;
        }
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.process.destroy();
            }
        }
        for (Node n : nodes) {
            if (n.process != null && !n.process.process.waitFor(30, TimeUnit.SECONDS)) {
                n.process.close();
                n.process.process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- the scenarios

    @Test
    @Order(1)
    void allThreeCameUpWithOneAdministratorAndEachTakesLogons() throws Exception {
        List<Node> created = nodes.stream().filter(n -> n.process.output().contains("PassGate created administrator PGADMIN"))
                .toList();
        assertEquals(1, created.size(), "exactly one node bootstraps PGADMIN: " + created);
        assertEquals(1, nodes.stream().filter(n -> Files.exists(n.data.resolve("pgadmin.password"))).count(),
                "one one-time password file, on " + created);
        for (Node n : nodes) {
            assertFalse(n.process.output().contains("\tat "), n + " printed a stack trace:\n" + n.process.output());
            Session s = session(n, "127.0.0.1", "DISP" + n.name.charAt(2));
            assertEquals("DISP" + n.name.charAt(2), s.request("{\"op\":\"whoami\"}").path("user").asText());
            s.logout();
        }
    }

    @Test
    @Order(2)
    void displayClientsOnAnyNodeListsEveryNodesSessionsWithTheirNode() throws Exception {
        List<Session> open = new ArrayList<>();
        for (Node n : nodes) {
            open.add(session(n, "127.0.0.1", "DISP" + n.name.charAt(2)));
        }
        for (Node asked : nodes) {
            // passgate admin on A; the same command through B's and C's HTTP API, which is quicker
            List<String> display = whileBusy(open, () -> asked == a ? admin(a, "DISPLAY CLIENTS")
                    : api(asked, "DISPLAY CLIENTS"));
            for (Session s : open) {
                String row = display.stream().filter(l -> l.startsWith(s.id + " ")).findFirst()
                        .orElseThrow(() -> new AssertionError("DISPLAY CLIENTS on " + asked + " lacks " + s + ":\n"
                                + String.join("\n", display)));
                String[] columns = row.trim().split("\\s+");
                assertEquals(s.user, columns[1], row);
                assertEquals(s.node.name, columns[2], "NODE column on " + asked + ": " + row);
            }
            assertTrue(display.get(0).matches("SESSION\\s+USER\\s+NODE\\s.*"), display.get(0));
        }
        open.forEach(Session::logout);
    }

    @Test
    @Order(3)
    void onePassTicketSentToThreeNodesThirtyTimesAtOnceLogsOnOnce() throws Exception {
        long generatedAt = System.currentTimeMillis() / 1000 - 60; // not this second: the logon makes its own ticket now
        var generated = ServeProcess.run(a.home, a.env, "passticket", "generate", "--user", "TIX", "--applid", APPLID,
                "--key", TIX_KEY, "--time", Long.toString(generatedAt));
        assertEquals(0, generated.getKey(), generated.getValue());
        String ticket = generated.getValue().strip();
        assertEquals(8, ticket.length(), generated.getValue());

        int logons = 30;
        ExecutorService pool = Executors.newFixedThreadPool(logons);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> codes = new ArrayList<>();
        try {
            for (int i = 0; i < logons; i++) {
                Node n = nodes.get(i % 3);
                String from = "127.0.2." + (i + 1);
                codes.add(pool.submit(() -> {
                    start.await();
                    JsonNode reply = logon(n, from, JSON.createObjectNode().put("op", "logon").put("user", "tix")
                            .put("passticket", ticket));
                    String code = LineClient.code(reply);
                    if (code.equals("OK")) {
                        acknowledged.add(new Ack(n.name, "TIX", "PASSTICKET"));
                    }
                    return n.name + " " + code;
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : codes) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            Map<String, Long> byCode = results.stream().collect(Collectors.groupingBy(r -> r.split(" ")[1],
                    Collectors.counting()));
            assertEquals(Map.of("OK", 1L, "AUTH_FAILED", 29L), byCode, results.toString());
        } finally {
            pool.shutdownNow();
        }
        // Refused as replays on every node, not only on the one that took it first.
        List<String> replays = api(a, ALL_AUDIT).stream().filter(l -> l.contains(" VERIFY TIX AUTH_FAILED ")
                && l.contains("already used")).toList();
        assertEquals(29, replays.size(), String.join("\n", replays));
        assertEquals(3, replays.stream().map(l -> l.split(" ")[1]).distinct().count(), String.join("\n", replays));
    }

    @Test
    @Order(4)
    void aRevokeOnOneNodeRefusesTheNextLogonOnAnotherAndAResumeLetsItIn() throws Exception {
        assertEquals("OK", probe(c, "ANN")); // C has read ANN before the change
        admin(a, "ALTUSER ANN REVOKE");
        within(PROPAGATION, "ANN refused on C after the revoke on A", () -> probe(c, "ANN").equals("USER_REVOKED"));
        admin(a, "ALTUSER ANN RESUME");
        within(PROPAGATION, "ANN let in on C after the resume on A", () -> probe(c, "ANN").equals("OK"));
    }

    @Test
    @Order(5)
    void anAccessChangeOnOneNodeDecidesOnTheOthersWithinASecond() throws Exception {
        assertTrue(miners(c, "PERM").contains("jobs"));
        assertTrue(miners(a, "PERM").contains("jobs"));
        try {
            admin(a, "RDEFINE FACILITY PASSGATE.MINER.JOBS UACC(NONE)");
            within(PROPAGATION, "no jobs miner for PERM on C after RDEFINE on A", () -> !miners(c, "PERM").contains("jobs"));
            admin(b, "PERMIT PASSGATE.MINER.JOBS CLASS(FACILITY) ID(PERM) ACCESS(READ)");
            within(PROPAGATION, "the jobs miner for PERM on A after PERMIT on B", () -> miners(a, "PERM").contains("jobs"));
            within(PROPAGATION, "the jobs miner for PERM on C after PERMIT on B", () -> miners(c, "PERM").contains("jobs"));
        } finally {
            api(a, "RDELETE FACILITY PASSGATE.MINER.JOBS");
        }
    }

    @Test
    @Order(6)
    void sendAndCancelIssuedOnOneNodeReachASessionOnAnother() throws Exception {
        Session msg = session(b, "127.0.0.1", "MSG");
        List<String> sent = whileBusy(List.of(msg), () -> admin(a, "SEND 'maintenance at 18:00' USER=MSG"));
        assertTrue(String.join("\n", sent).contains("1 on other nodes"), sent.toString());
        JsonNode message = msg.next();
        assertNotNull(message, "MSG on B was closed instead of getting the message");
        assertEquals("message", message.path("event").asText(), message.toString());
        assertEquals("maintenance at 18:00", message.path("text").asText(), message.toString());
        assertTrue(msg.request("{\"op\":\"whoami\"}").path("ok").asBoolean(), "the session stays after SEND");

        whileBusy(List.of(msg), () -> admin(a, "CANCEL ID=" + msg.id));
        msg.expectEnd("cancelled", "CANCELLED");

        Session msg2 = session(b, "127.0.0.1", "MSG2");
        whileBusy(List.of(msg2), () -> admin(c, "CANCEL USER=MSG2"));
        msg2.expectEnd("cancelled", "CANCELLED");
    }

    @Test
    @Order(7)
    void aLogonOnOneNodeReplacesTheUsersSessionOnAnother() throws Exception {
        Session onA = session(a, "127.0.0.1", "JOE");
        Session onC = session(c, "127.0.0.1", "JOE");
        onA.expectEnd("replaced", "REPLACED");
        assertTrue(onC.request("{\"op\":\"whoami\"}").path("ok").asBoolean(), "the newer session stays");
        onC.logout();
    }

    @Test
    @Order(8)
    void anIdleSessionOnBTimesOutAndIsToldSo() throws Exception {
        Session idle = session(b, "127.0.0.1", "IDLE");
        assertEquals(B_IDLE_SECONDS, idle.connected.path("idleTimeout").asInt(), idle.connected.toString());
        idle.expectEnd("timeout", "TIMEOUT");
    }

    @Test
    @Order(9)
    void failedLogonsFromOneAddressSpreadOverTheNodesAreLimitedOnEveryNode() throws Exception {
        String from = "127.0.1.77";
        for (int i = 0; i < FAILURE_LIMIT; i++) {
            JsonNode reply = logon(nodes.get(i % 3), from, JSON.createObjectNode().put("op", "logon").put("user", "PROBE")
                    .put("password", "Wrong" + i));
            assertEquals("AUTH_FAILED", LineClient.code(reply), reply.toString());
        }
        // A correct password: only the limit can refuse it.
        for (Node n : nodes) {
            within(PROPAGATION, "RATE_LIMITED on " + n + " for " + from, () -> tryLogon(n, from, "PROBE").equals("RATE_LIMITED"));
        }
    }

    @Test
    @Order(10)
    void aKilledNodesFiftySessionsAreLoggedOutOnceByTheSurvivors() throws Exception {
        List<Session> onC = new ArrayList<>();
        for (int i = 1; i <= KILLED_SESSIONS; i++) {
            onC.add(session(c, "127.0.0.1", orphan(i)));
        }
        Set<String> orphans = onC.stream().map(s -> s.id).collect(Collectors.toSet());
        within(Duration.ofSeconds(10), "A lists C's sessions", () -> rowsOf(api(a, "DISPLAY CLIENTS"), "PGC").size() >= KILLED_SESSIONS);

        // Logons on the survivors go on while C is dead and while its sessions are cleared.
        AtomicBoolean stop = new AtomicBoolean();
        List<String> survivorFailures = new CopyOnWriteArrayList<>();
        AtomicInteger survivorLogons = new AtomicInteger();
        ExecutorService traffic = Executors.newFixedThreadPool(2);
        for (Node n : List.of(a, b)) {
            String user = n == a ? "LIVA" : "LIVB";
            traffic.submit(() -> {
                while (!stop.get()) {
                    try {
                        session(n, "127.0.0.1", user).logout();
                        survivorLogons.incrementAndGet();
                    } catch (RuntimeException | AssertionError | IOException e) {
                        survivorFailures.add(n + ": " + e);
                    }
                }
                return null;
            });
        }
        long killedAt = System.nanoTime();
        try {
            c.process.crash();
            c.alive = false;
            within(Duration.ofSeconds(30), "DISPLAY CLIENTS on A without C's sessions", () -> rowsOf(api(a, "DISPLAY CLIENTS"), "PGC").isEmpty());
            within(Duration.ofSeconds(30).minusNanos(System.nanoTime() - killedAt), KILLED_SESSIONS
                    + " LOGOUT records saying the node was lost", () -> nodeLostLogouts(api(a, ALL_AUDIT), orphans).size() == KILLED_SESSIONS);
            // The figure for the closing note: an upper bound (it includes the polling and the API's answer).
            Files.writeString(Path.of("target", "cluster-acceptance.txt"), "kill -9 of a node with " + KILLED_SESSIONS
                    + " sessions to the last of them logged out by a survivor: at most "
                    + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms\n");
        } finally {
            stop.set(true);
            traffic.shutdown();
            assertTrue(traffic.awaitTermination(30, TimeUnit.SECONDS));
        }
        Map<String, Long> perSession = nodeLostLogouts(api(b, ALL_AUDIT), orphans).stream()
                .collect(Collectors.groupingBy(l -> l.substring(l.indexOf("session ") + 8).split("\\s")[0],
                        Collectors.counting()));
        assertEquals(orphans, perSession.keySet());
        assertTrue(perSession.values().stream().allMatch(n -> n == 1), "each logged out once: " + perSession);
        assertTrue(survivorFailures.isEmpty(), survivorFailures.toString());
        assertTrue(survivorLogons.get() > 0, "no logon on the survivors while C was being cleared");
        for (Session s : onC) {
            assertTrue(s.closedByServer(), s + " was not closed by C's death");
            s.close();
        }
    }

    /**
     * The purge's runs, as each node's metrics count them: the audit cannot show them, since a purge
     * that deletes nothing (all records here are young) writes no AUDIT_PURGE record.
     */
    @Test
    @Order(11)
    void theAuditPurgeRunsOncePerScheduleAndMovesToASurvivorWhenItsNodeDies() throws Exception {
        List<Node> alive = nodes.stream().filter(n -> n.alive).toList();
        assertTrue(alive.size() >= 2, "two nodes left: " + alive);
        Map<Node, Long> before = purgeRuns(alive);
        within(Duration.ofSeconds(30), "three purges", () -> total(purgeRuns(alive)) - total(before) >= 3);
        Map<Node, Long> after = purgeRuns(alive);
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        // At most once per 2 s schedule since the nodes started, whatever node ran it (runs a loaded
        // node missed may come late, back to back); one run per node and schedule would be twice that.
        assertTrue(total(after) <= seconds / 2 + 2, total(after) + " purges on " + alive + " in the " + seconds
                + " s since the start: " + before + " -> " + after);

        Node running = alive.stream().filter(n -> after.get(n) > before.get(n)).findFirst().orElseThrow();
        running.process.crash();
        running.alive = false;
        List<Node> survivors = alive.stream().filter(n -> n.alive).toList();
        Map<Node, Long> atDeath = purgeRuns(survivors);
        within(Duration.ofSeconds(40), "purges on " + survivors + " after " + running + " was killed",
                () -> total(purgeRuns(survivors)) - total(atDeath) >= 3);
    }

    private static final java.util.regex.Pattern PURGE_RUNS = java.util.regex.Pattern.compile(
            "^camel_exchanges_total\\{[^}]*routeId=\"audit-retention-purge\"[^}]*} (\\S+)$", java.util.regex.Pattern.MULTILINE);

    /** Each node's count of audit purge runs, from its /observe/metrics. */
    private static Map<Node, Long> purgeRuns(List<Node> of) {
        Map<Node, Long> runs = new java.util.LinkedHashMap<>();
        for (Node n : of) {
            try {
                HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + n.management + "/observe/metrics")).timeout(Duration.ofSeconds(30)).build());
                var m = PURGE_RUNS.matcher(metrics.body());
                runs.put(n, m.find() ? (long) Double.parseDouble(m.group(1)) : 0L);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return runs;
    }

    /**
     * One HTTP/1.1 client for every request, and a wait with a deadline of its own: a fresh client per
     * request, with its HTTP/2 upgrade attempt, once left this test waiting for ever although the
     * request's own timeout had passed and the node answered curl at once.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(40, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("no answer to " + request.uri() + " within 40 s", e);
        }
    }

    private static long total(Map<Node, Long> runs) {
        return runs.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    @Order(100)
    void everyAcknowledgedLogonAndLogoutIsInTheAuditWithItsNode() throws Exception {
        Node asked = nodes.stream().filter(n -> n.alive).findFirst().orElseThrow();
        List<String> audit = audit(asked);
        assertTrue(audit.size() < 10_000, "the whole trail fits in one answer: " + audit.size() + " records");
        Map<Ack, Long> expected = acknowledged.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
        List<String> missing = new ArrayList<>();
        expected.forEach((ack, count) -> {
            long found = audit.stream().filter(l -> l.split(" ")[1].equals(ack.node())
                    && l.contains(" VERIFY " + ack.user() + " SUCCESS ") && l.contains(": " + ack.method() + ":")).count();
            if (found < count) {
                missing.add(count + " x " + ack + ", audited " + found);
            }
        });
        ended.forEach((session, end) -> {
            boolean found = audit.stream().anyMatch(l -> l.split(" ")[1].equals(end.node())
                    && l.contains(" LOGOUT " + end.user() + " " + end.reason() + " ") && l.contains("session " + session));
            if (!found) {
                missing.add("LOGOUT " + end + " of session " + session);
            }
        });
        assertTrue(expected.size() > 10 && ended.size() > 10, "the scenarios ran: " + expected + " " + ended);
        assertTrue(missing.isEmpty(), "acknowledged but not audited: " + missing);
    }

    // ---------------------------------------------------------------- the operator's tools

    /** {@code bin/passgate admin --data <node's data> ARGS}, as an operator on that node's machine; asserted RC 0. */
    private List<String> admin(Node n, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("admin", "--data", n.data.toString()));
        command.addAll(List.of(args));
        var result = ServeProcess.run(n.home, n.env, command.toArray(String[]::new));
        assertEquals(0, result.getKey(), "passgate " + command + " on " + n + ":\n" + result.getValue());
        return result.getValue().lines().toList();
    }

    /** {@code bin/passgate audit} on the node: every node's records, newest first. */
    private List<String> audit(Node n) {
        try {
            var result = ServeProcess.run(n.home, n.env, "audit", "--data", n.data.toString(), "--limit", "10000");
            assertEquals(0, result.getKey(), result.getValue());
            return result.getValue().lines().toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command through the node's loopback HTTP API, for the waits that ask again and again. */
    private List<String> api(Node n, String command) {
        try {
            JsonNode credential = JSON.readTree(Files.readString(n.data.resolve("operator.credential")));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + credential.path("port").asInt()
                            + "/commands")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + credential.path("token").asText())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("command", command)))).build();
            HttpResponse<String> response = send(request);
            assertEquals(200, response.statusCode(), response.body());
            List<String> lines = new ArrayList<>();
            JSON.readTree(response.body()).path("lines").forEach(l -> lines.add(l.asText()));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link Eventually#waitFor} that says what it waited for. */
    private static void within(Duration limit, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        try {
            Eventually.waitFor(limit, condition);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    private static List<String> rowsOf(List<String> display, String node) {
        return display.stream().skip(1).filter(l -> l.trim().split("\\s+").length > 2 && l.trim().split("\\s+")[2]
                .equals(node)).toList();
    }

    private static List<String> nodeLostLogouts(List<String> audit, Set<String> sessions) {
        return audit.stream().filter(l -> l.contains(" LOGOUT ") && l.toUpperCase().matches(".*NODE\\W*(WAS\\W*)?LOST.*")
                && sessions.stream().anyMatch(id -> l.contains("session " + id))).toList();
    }

    // ---------------------------------------------------------------- the clients

    private static JsonNode logon(Node n, String from, ObjectNode request) throws IOException {
        try (LineClient daemon = new LineClient(from, n.port)) {
            JsonNode reply = daemon.request(request.toString());
            assertNotNull(reply, n + " closed the logon without a reply");
            return reply;
        }
    }

    private static ObjectNode passwordLogon(String user) {
        return JSON.createObjectNode().put("op", "logon").put("user", user).put("password", PASSWORD);
    }

    /** A password logon and connect, both asserted to succeed. */
    private Session session(Node n, String from, String user) throws IOException {
        JsonNode reply = logon(n, from, passwordLogon(user));
        assertEquals("OK", LineClient.code(reply), n + ": " + reply);
        acknowledged.add(new Ack(n.name, user, "PASSWORD"));
        return new Session(n, from, user, reply);
    }

    /** A logon of the user with the right password from the address; its code, and when it worked, a logout. */
    private String tryLogon(Node n, String from, String user) {
        try {
            JsonNode reply = logon(n, from, passwordLogon(user));
            String code = LineClient.code(reply);
            if (code.equals("OK")) {
                acknowledged.add(new Ack(n.name, user, "PASSWORD"));
                new Session(n, from, user, reply).logout();
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #tryLogon} from an address of its own. */
    private String probe(Node n, String user) {
        int i = probeAddresses.incrementAndGet();
        return tryLogon(n, "127.0." + (3 + i / 250) + "." + (1 + i % 250), user);
    }

    /** The miners a new session of the user gets on the node. */
    private List<String> miners(Node n, String user) {
        try {
            Session s = session(n, "127.0.0.1", user);
            List<String> miners = new ArrayList<>();
            s.request("{\"op\":\"whoami\"}").path("miners").forEach(m -> miners.add(m.asText()));
            s.logout();
            return miners;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs an operator's command while the sessions keep working (a whoami a second each), so that a
     * slow {@code passgate admin} on a loaded machine does not let B's idle timer end them meanwhile.
     */
    private static <T> T whileBusy(List<Session> sessions, java.util.concurrent.Callable<T> command) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread pinger = new Thread(() -> {
            while (!done.get()) {
                sessions.forEach(Session::ping);
                try {
                    Thread.sleep(1000); // the user's pace, not a wait for a result
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        pinger.setDaemon(true);
        pinger.start();
        try {
            return command.call();
        } finally {
            done.set(true);
            pinger.interrupt();
            pinger.join(10_000);
        }
    }

    /**
     * A session on a node, connected from the address its logon came from (the client ID is bound to
     * it). Lines are read as they come: replies (with "ok") apart from events, so a request and an
     * event the server sends on its own never take each other's place.
     */
    private final class Session implements AutoCloseable {
        private static final JsonNode END = JSON.createObjectNode();

        final Node node;
        final String user;
        final String id;
        final JsonNode connected;
        private final LineClient line;
        private final java.util.concurrent.BlockingQueue<JsonNode> replies = new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.BlockingQueue<JsonNode> events = new java.util.concurrent.LinkedBlockingQueue<>();
        private final CountDownLatch closed = new CountDownLatch(1);

        Session(Node node, String from, String user, JsonNode logon) throws IOException {
            this.node = node;
            this.user = user;
            Socket socket = LineClient.connect(new Socket(), from, logon.path("port").asInt());
            line = new LineClient(socket);
            socket.setSoTimeout(0); // the reader waits as long as the session lives; takes have deadlines
            Thread reader = new Thread(this::read, "client " + user + "@" + node);
            reader.setDaemon(true);
            reader.start();
            connected = request(JSON.createObjectNode().put("op", "connect").put("clientId",
                    logon.path("clientId").asText()).toString());
            assertEquals("OK", LineClient.code(connected), node + ": " + connected);
            id = connected.path("session").asText();
        }

        private void read() {
            try {
                for (JsonNode l; (l = line.read()) != null; ) {
                    (l.has("ok") ? replies : events).add(l);
                }
            } catch (IOException e) {
                // closed: by the server, or by the test
            } finally {
                replies.add(END);
                events.add(END);
                closed.countDown();
            }
        }

        synchronized JsonNode request(String json) {
            try {
                line.send(json);
                JsonNode reply = replies.poll(30, TimeUnit.SECONDS);
                assertNotNull(reply, node + " did not answer " + json + " within 30 s");
                assertTrue(reply != END, node + " closed " + this + " instead of answering " + json);
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A whoami whose answer does not matter (the session may be ending meanwhile). */
        void ping() {
            if (closed.getCount() > 0) {
                try {
                    request("{\"op\":\"whoami\"}");
                } catch (RuntimeException | AssertionError e) {
                    // ended meanwhile: what the test checks, not the pinger
                }
            }
        }

        /** The next event the server sends on its own (30 s at most), or null when it closed the session. */
        JsonNode next() {
            try {
                JsonNode event = events.poll(30, TimeUnit.SECONDS);
                assertNotNull(event, this + ": no event and no close within 30 s");
                return event == END ? null : event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void logout() {
            JsonNode reply = request("{\"op\":\"logout\"}");
            assertEquals("OK", LineClient.code(reply), reply.toString());
            ended.put(id, new Ended(node.name, user, "LOGOUT"));
            close();
        }

        /** The event the client must get before the server closes the session; recorded for the audit check. */
        void expectEnd(String event, String auditReason) {
            JsonNode line = next();
            assertNotNull(line, this + " was closed without an event");
            assertEquals(event, line.path("event").asText(), line.toString());
            assertTrue(closedByServer(), this + " stays open after " + line);
            assertTrue(events.isEmpty() || events.peek() == END, this + ": lines after the closing event: " + events);
            ended.put(id, new Ended(node.name, user, auditReason));
            close();
        }

        /** Whether the server closes the connection within 30 s. */
        boolean closedByServer() {
            try {
                return closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            try {
                line.close();
            } catch (IOException e) {
                // a test's socket: nothing to tell
            }
        }

        @Override
        public String toString() {
            return user + "'s session " + id + " on " + node;
        }
    }
}
