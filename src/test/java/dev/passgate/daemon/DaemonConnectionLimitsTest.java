package dev.passgate.daemon;

import static dev.passgate.testkit.Eventually.waitFor;
import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.UnixOperatingSystemMXBean;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Slowloris against the daemon port, on real sockets: clients that connect and trickle bytes
 * without ever finishing a line. 127.0.0.2 and 127.0.0.3 play other machines (Linux routes all of
 * 127/8 to the loopback).
 */
class DaemonConnectionLimitsTest {

    private static final String LOGON = "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}";

    @TempDir
    Path data;
    private RunningPassGate pg;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    private RunningPassGate start(Map<String, String> settings) throws Exception {
        // Logons here leave their handoffs pending: the pending-handoff caps are another test's subject.
        Map<String, String> all = new HashMap<>(Map.of("passgate.logon.max-failures-per-minute", "1000",
                "passgate.server.max-pending-per-user", "0", "passgate.server.max-pending-per-address", "0"));
        all.putAll(settings);
        pg = new RunningPassGate(data, all);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        return pg;
    }

    @AfterEach
    void stop() throws Exception {
        trickle.shutdownNow();
        for (Socket s : clients) {
            s.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private UnauthenticatedConnections unauthenticated() {
        return pg.context.getRegistry().lookupByNameAndType("daemonChannelInitializer", DaemonChannelInitializer.class)
                .unauthenticated();
    }

    /** A connection from the address that sends one byte of a line that never ends every 200 ms. */
    private Socket trickler(String from) throws IOException {
        Socket s = LineClient.connect(new Socket(), from, pg.daemonPort);
        clients.add(s);
        OutputStream out = s.getOutputStream();
        trickle.scheduleAtFixedRate(() -> {
            try {
                out.write('{');
                out.flush();
            } catch (IOException closed) {
                throw new IllegalStateException("stops this trickle"); // cancels only this task
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        return s;
    }

    /** The refusal a new connection from the address gets at once, or null when it was let in. */
    private static JsonNode refusalOf(LineClient c) throws IOException {
        JsonNode r = c.read();
        assertNotNull(r, "a refused connection gets one line before it is closed");
        assertTrue(c.closedByServer(), "and is closed");
        return r;
    }

    private static InetAddress address(String a) throws IOException {
        return InetAddress.getByName(a);
    }

    private static boolean closedByServer(Socket s, Duration within) throws IOException {
        s.setSoTimeout((int) within.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void aThousandTricklersFromOneAddressDoNotStopLogonsFromAnother() throws Exception {
        start(Map.of());
        for (int i = 0; i < 10; i++) {
            trickler("127.0.0.2");
        }
        waitFor(() -> unauthenticated().total() == 10);
        int refused = 0;
        int logons = 0;
        for (int i = 10; i < 1000; i++) {
            Socket s = LineClient.connect(new Socket(), "127.0.0.2", pg.daemonPort);
            s.getOutputStream().write('{');
            try (LineClient c = new LineClient(s)) {
                JsonNode r = refusalOf(c);
                assertEquals("RATE_LIMITED", code(r), r.toString());
                refused++;
            }
            if (i % 25 == 0) {
                assertEquals("OK", code(pg.logon(LOGON)), "a logon from 127.0.0.1 while 127.0.0.2 trickles");
                logons++;
            }
        }
        assertEquals(990, refused);
        assertTrue(logons >= 39);
        assertEquals(10, unauthenticated().from(address("127.0.0.2")), "the ten tricklers still hold their places");
        for (Socket s : clients) {
            s.close();
        }
        waitFor(() -> unauthenticated().total() == 0);
        assertEquals(0, unauthenticated().addresses());
    }

    @Test
    void theEleventhConnectionFromOneAddressIsRefusedAtOnceAndTheTenthCanStillLogOn() throws Exception {
        start(Map.of());
        List<LineClient> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(new LineClient("127.0.0.2", pg.daemonPort));
        }
        waitFor(() -> unauthenticated().from(addressUnchecked("127.0.0.2")) == 10);
        try (LineClient eleventh = new LineClient("127.0.0.2", pg.daemonPort)) {
            JsonNode r = refusalOf(eleventh);
            assertEquals("RATE_LIMITED", code(r));
            assertTrue(r.at("/error/message").asText().contains("from this address"), r.toString());
        }
        try (LineClient other = new LineClient("127.0.0.3", pg.daemonPort)) {
            assertEquals("OK", code(other.request(LOGON)), "another address is not affected");
        }
        LineClient tenth = waiting.remove(9);
        assertEquals("OK", code(tenth.request(LOGON)), "a connection that got a place logs on");
        assertTrue(tenth.closedByServer(), "the daemon closes it after the handoff reply");
        tenth.close();
        waitFor(() -> unauthenticated().from(addressUnchecked("127.0.0.2")) == 9);
        try (LineClient again = new LineClient("127.0.0.2", pg.daemonPort)) {
            assertEquals("OK", code(again.request(LOGON)), "its place is free again");
        }
        for (LineClient c : waiting) {
            c.close();
        }
        waitFor(() -> unauthenticated().total() == 0);
    }

    @Test
    void theTotalCapRefusesEveryAddressAtOnce() throws Exception {
        start(Map.of("passgate.daemon.max-unauthenticated", "5"));
        List<LineClient> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(new LineClient(i % 2 == 0 ? "127.0.0.2" : "127.0.0.3", pg.daemonPort));
        }
        waitFor(() -> unauthenticated().total() == 5);
        for (String from : List.of("127.0.0.4", "127.0.0.1")) {
            try (LineClient c = new LineClient(from, pg.daemonPort)) {
                JsonNode r = refusalOf(c);
                assertEquals("RATE_LIMITED", code(r));
                assertTrue(r.at("/error/message").asText().contains("too many connections are waiting"), r.toString());
            }
        }
        waiting.remove(0).close();
        waitFor(() -> unauthenticated().total() == 4);
        try (LineClient c = new LineClient("127.0.0.4", pg.daemonPort)) {
            assertEquals("OK", code(c.request(LOGON)));
        }
        for (LineClient c : waiting) {
            c.close();
        }
        waitFor(() -> unauthenticated().total() == 0);
    }

    @Test
    void aTrickleIsClosedAtTheLoginGraceTimeThoughEachByteResetsTheReadTimeout() throws Exception {
        start(Map.of("passgate.daemon.login-grace-time", "2", "passgate.daemon.read-timeout", "1"));
        long start = System.nanoTime();
        Socket s = trickler("127.0.0.2");
        assertTrue(closedByServer(s, Duration.ofSeconds(5)), "closed at the deadline, trickle or not");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 1900, "not before the grace time (the 1 s read timeout never fired): " + elapsedMillis);
        waitFor(() -> unauthenticated().total() == 0);
    }

    @Test
    void aFailedAttemptDoesNotExtendTheGraceTime() throws Exception {
        start(Map.of("passgate.daemon.login-grace-time", "2", "passgate.logon.max-attempts-per-connection", "100"));
        try (LineClient c = new LineClient("127.0.0.2", pg.daemonPort)) {
            assertEquals("AUTH_FAILED", code(c.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"wrong\"}")));
            assertEquals(1, unauthenticated().total(), "an error reply leaves the connection unauthenticated");
            assertTrue(c.closedByServer());
        }
        waitFor(() -> unauthenticated().total() == 0);
    }

    @Test
    void aLogonBeingAnsweredAtTheDeadlineGetsItsReplyBeforeTheClose() throws Exception {
        start(Map.of("passgate.daemon.login-grace-time", "1"));
        AdviceWith.adviceWith(pg.context, "daemon-logon", a -> a.weaveById("logon-authenticate").before().delay(2500));
        try (LineClient c = new LineClient("127.0.0.2", pg.daemonPort)) {
            JsonNode r = c.request(LOGON);
            assertNotNull(r, "the reply comes, though after the deadline");
            assertEquals("OK", code(r), r.toString());
            try (LineClient session = new LineClient("127.0.0.2", r.get("port").asInt())) {
                JsonNode connected = session.request("{\"op\":\"connect\",\"clientId\":\"" + r.get("clientId").asText()
                        + "\"}");
                assertEquals("OK", code(connected), "the handoff works: " + connected);
            }
        }
        waitFor(() -> unauthenticated().total() == 0);
    }

    @Test
    void nearTheDescriptorLimitNewConnectionsAreRefusedUntilDescriptorsAreFreed() throws Exception {
        UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long max = os.getMaxFileDescriptorCount();
        long limit = os.getOpenFileDescriptorCount() + 400; // room for the node's own files, sockets and threads
        double reserve = 100.0 * (max - limit) / max;
        Logger log = (Logger) LoggerFactory.getLogger(DescriptorReserve.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        List<InputStream> hog = new ArrayList<>();
        try {
            start(Map.of("passgate.daemon.descriptor-reserve-percent", Double.toString(reserve)));
            assertEquals("OK", code(pg.logon(LOGON)), "below the limit");
            long toOpen = limit - os.getOpenFileDescriptorCount() + 20;
            assertTrue(toOpen > 20 && toOpen < 1000, "the node took some of the room: " + toOpen);
            for (long i = 0; i < toOpen; i++) {
                hog.add(new FileInputStream("/dev/null"));
            }
            waitFor(() -> refusedNow());
            for (int i = 0; i < 5; i++) {
                assertTrue(refusedNow());
            }
            assertEquals(1, warnings.list.size(), "one warning, however many refusals");
            for (InputStream in : hog) {
                in.close();
            }
            hog.clear();
            waitFor(() -> !refusedNow());
            assertEquals("OK", code(pg.logon(LOGON)), "recovered by itself");
        } finally {
            for (InputStream in : hog) {
                in.close();
            }
            log.detachAppender(warnings);
        }
        waitFor(() -> unauthenticated().total() == 0);
    }

    private boolean refusedNow() {
        try (LineClient c = new LineClient("127.0.0.3", pg.daemonPort)) {
            JsonNode r = c.request(LOGON);
            return r != null && "RATE_LIMITED".equals(code(r));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theListeningChannelHandlesAcceptFailuresItself() throws Exception {
        start(Map.of());
        DaemonChannelGroup group = pg.context.getRegistry().lookupByNameAndType("daemonChannelGroup",
                DaemonChannelGroup.class);
        Channel listening = group.stream().filter(c -> c instanceof ServerChannel).findFirst().orElseThrow();
        assertNotNull(listening.pipeline().get(DaemonChannelGroup.ACCEPT_FAILURES));
        assertNull(group.stream().filter(c -> !(c instanceof ServerChannel))
                .filter(c -> c.pipeline().get(DaemonChannelGroup.ACCEPT_FAILURES) != null).findAny().orElse(null));
    }

    @Test
    void withTlsARefusedConnectionIsClosedWithoutAPlainLine() throws Exception {
        Path store = data.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        start(Map.of("passgate.daemon.max-unauthenticated-per-address", "1", "passgate.daemon.tls.enabled", "true",
                "passgate.daemon.tls.keystore", store.toString(), "passgate.daemon.tls.keystore-password", "changeit"));
        try (Socket first = LineClient.connect(new Socket(), "127.0.0.2", pg.daemonPort)) {
            waitFor(() -> unauthenticated().total() == 1);
            try (Socket second = LineClient.connect(new Socket(), "127.0.0.2", pg.daemonPort)) {
                second.setSoTimeout(5000);
                assertEquals(-1, second.getInputStream().read(), "a TLS client could not read a plain line: none is sent");
            }
            assertEquals(1, unauthenticated().total());
        }
        waitFor(() -> unauthenticated().total() == 0);
    }

    private static InetAddress addressUnchecked(String a) {
        try {
            return address(a);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
