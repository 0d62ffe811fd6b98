package dev.passgate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The port handoff on real sockets: wrong and foreign clients refused, the right one handed over, timeouts. */
class HandoffListenerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static EventLoopGroup boss;
    private static EventLoopGroup workers;

    private static final String REFUSED = "{\"ok\":false,\"error\":{\"code\":\"INVALID_CLIENT_ID\",\"message\":\"no\"}}";

    /**
     * Accepts {"op":"connect","clientId":"good"} from 127.0.0.1 only; "spent" plays a client
     * whose ID was used up by a refused connect (the handoff is over). It reads the address the
     * listener noted at the accept, as the connect route does.
     */
    private static final Handshake HANDSHAKE = (line, channel) -> {
        ClientAddress remote = ClientAddress.of(channel).orElseThrow();
        boolean good = line.equals("{\"op\":\"connect\",\"clientId\":\"good\"}");
        boolean home = remote.host().equals("127.0.0.1");
        if (line.equals("{\"op\":\"connect\",\"clientId\":\"spent\"}")) {
            return Handshake.Result.refuseAndEnd(REFUSED);
        }
        return good && home ? Handshake.Result.accept("{\"ok\":true}") : Handshake.Result.refuse(REFUSED);
    };

    @BeforeAll
    static void loops() {
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stop() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static HandoffListener open(Duration timeout) {
        return open(boss, workers, timeout);
    }

    private static HandoffListener open(EventLoopGroup boss, EventLoopGroup workers, Duration timeout) {
        return HandoffListener.open(boss, workers, LOOPBACK, new PortAllocator(Optional.empty(), false), 0, timeout, 128,
                HANDSHAKE);
    }

    /** Connects (optionally from another loopback address), sends one line, returns the reply line. */
    private static String exchange(int port, String from, String line) throws IOException {
        try (Socket s = new Socket()) {
            if (from != null) {
                s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            }
            s.connect(new InetSocketAddress(LOOPBACK, port), 2000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String reply = in.readLine();
            if (reply != null && reply.contains("\"ok\":false")) {
                assertEquals(null, in.readLine(), "a refused connection is closed");
            }
            return reply;
        }
    }

    @Test
    void wrongAndForeignClientsAreRefusedAndTheRightOneIsHandedOver() throws Exception {
        try (HandoffListener listener = open(Duration.ofSeconds(10))) {
            int port = listener.port();
            assertTrue(exchange(port, null, "{\"op\":\"connect\",\"clientId\":\"bad\"}").contains("INVALID_CLIENT_ID"));
            assertTrue(exchange(port, "127.0.0.2", "{\"op\":\"connect\",\"clientId\":\"good\"}").contains("INVALID_CLIENT_ID"),
                    "the right ID from another address is refused");
            assertFalse(listener.connected().isDone(), "the listener keeps waiting for the right client");

            try (Socket client = new Socket(LOOPBACK, port)) {
                client.getOutputStream().write("{\"op\":\"connect\",\"clientId\":\"good\"}\n".getBytes(StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("{\"ok\":true}", in.readLine());
                Channel handed = listener.connected().get(5, TimeUnit.SECONDS);
                assertTrue(handed.isActive(), "the session keeps its socket");
                assertNull(handed.parent(), "nor does it keep the closed listener: 1.6 KiB per idle session");
                handed.writeAndFlush("{\"event\":\"message\",\"text\":\"hello\"}\n").sync();
                assertEquals("{\"event\":\"message\",\"text\":\"hello\"}", in.readLine());
                assertFalse(listener.isOpen(), "the listener closes once the client is in");
                assertPortFreesUp(port);
                handed.close().sync();
            }
        }
    }

    @Test
    void theHandoffTimesOutAndFreesThePort() throws Exception {
        HandoffListener listener = open(Duration.ofMillis(300));
        int port = listener.port();
        try (Socket silent = new Socket(LOOPBACK, port)) {
            silent.setSoTimeout(5000);
            ExecutionException e = assertThrows(ExecutionException.class, () -> listener.connected().get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof TimeoutException);
            assertEquals(-1, silent.getInputStream().read(), "a connection still in its handshake is closed");
        }
        assertFalse(listener.isOpen());
        assertPortFreesUp(port);
    }

    /**
     * The port can be bound again. NIO releases a closed listening socket when its selector
     * next wakes, so this allows a moment; a leaked listener would hold the port for good.
     */
    private static void assertPortFreesUp(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            try (ServerSocket again = new ServerSocket(port, 1, LOOPBACK)) {
                assertEquals(port, again.getLocalPort());
                return;
            } catch (IOException inUse) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("port " + port + " is still bound after the listener closed", inUse);
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void anAbandonedHandoffClosesEverything() throws Exception {
        HandoffListener listener = open(Duration.ofSeconds(30));
        int port = listener.port();
        listener.close();
        assertFalse(listener.isOpen());
        assertTrue(listener.connected().isCompletedExceptionally());
        assertPortFreesUp(port);
    }

    @Test
    void anOversizedOrBinaryFirstLineIsAnsweredAndClosed() throws Exception {
        try (HandoffListener listener = open(Duration.ofSeconds(10))) {
            assertTrue(exchange(listener.port(), null, "x".repeat(500)).contains("LINE_TOO_LONG"));
            assertTrue(exchange(listener.port(), null, "\u0000\u00ff\u0001binary").contains("INVALID_CLIENT_ID"));
            assertFalse(listener.connected().isDone());
        }
    }

    @Test
    void aRefusalThatEndsTheHandoffClosesEverythingAtOnce() throws Exception {
        HandoffListener listener = open(Duration.ofSeconds(30));
        int port = listener.port();
        assertTrue(exchange(port, null, "{\"op\":\"connect\",\"clientId\":\"spent\"}").contains("INVALID_CLIENT_ID"),
                "the refused client still gets its reply");
        ExecutionException e = assertThrows(ExecutionException.class, () -> listener.connected().get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        assertFalse(listener.isOpen());
        assertPortFreesUp(port);
    }

    @Test
    void aHandoffEndsWhenItsEventLoopsStop() throws Exception {
        EventLoopGroup ownBoss = new NioEventLoopGroup(1);
        EventLoopGroup ownWorkers = new NioEventLoopGroup(1);
        HandoffListener listener = open(ownBoss, ownWorkers, Duration.ofSeconds(30));
        int port = listener.port();
        ownBoss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        ownWorkers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> listener.connected().get(5, TimeUnit.SECONDS),
                "whoever waits on the handoff learns that it is over");
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        assertPortFreesUp(port);
    }
}
