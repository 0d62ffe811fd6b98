package dev.passgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The physical floor of PassGate's cycle: only the socket work the flow requires and no
 * logic. It reads the logon line, binds a one-shot listener from a port range, replies with
 * its port and closes; on that listener it accepts the reconnect, answers the connect line,
 * one request and the logout, then closes both. Driven by {@link PassGateClient}, the same
 * client as PassGate, so the ratio PassGate/floor is what PassGate's logic costs.
 */
final class FloorServer implements AutoCloseable {

    /** Above PassGate's bench range (20000-20999), so the two never compete for a port. */
    private static final int FIRST_PORT = 21_000;
    private static final int PORTS = 1_000;
    private static final byte[] LOGON_REPLY_END = "}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "{\"ok\":true}\n".getBytes(StandardCharsets.US_ASCII);

    final int port;
    private final ServerSocket daemon;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "floor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger nextPort = new AtomicInteger();
    private volatile boolean closed;

    FloorServer() throws IOException {
        port = BenchServer.freePort();
        daemon = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = daemon.accept();
                threads.execute(() -> logon(s));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("floor accept failed: " + e);
                }
            }
        }
    }

    private void logon(Socket s) {
        try (s) {
            BufferedReader in = reader(s);
            if (in.readLine() == null) {
                return;
            }
            ServerSocket handoff = bindFromRange();
            threads.execute(() -> session(handoff));
            OutputStream out = s.getOutputStream();
            out.write(("{\"ok\":true,\"port\":" + handoff.getLocalPort() + ",\"clientId\":\"floor\"").getBytes(
                    StandardCharsets.US_ASCII));
            out.write(LOGON_REPLY_END);
            out.flush();
        } catch (IOException e) {
            System.err.println("floor logon failed: " + e);
        }
    }

    private void session(ServerSocket handoff) {
        try (handoff; Socket s = handoff.accept()) {
            handoff.close(); // one-shot
            BufferedReader in = reader(s);
            OutputStream out = s.getOutputStream();
            while (in.readLine() != null) { // connect, the request, logout: one reply each
                out.write(OK);
                out.flush();
            }
        } catch (IOException e) {
            System.err.println("floor session failed: " + e);
        }
    }

    /** As PassGate's port range: the next free port, wrapping around. */
    private ServerSocket bindFromRange() throws IOException {
        for (int attempt = 0; attempt < PORTS; attempt++) {
            int p = FIRST_PORT + Math.floorMod(nextPort.getAndIncrement(), PORTS);
            ServerSocket ss = new ServerSocket();
            try {
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 1);
                return ss;
            } catch (IOException taken) {
                ss.close();
            }
        }
        throw new IOException("no free port in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        daemon.close();
        threads.shutdownNow();
    }
}
