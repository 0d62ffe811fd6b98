package dev.passgate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol's three port rules, with real listening sockets on 127.0.0.1. */
class PortAllocatorTest {

    private final List<ServerSocket> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (ServerSocket s : open) {
            s.close();
        }
    }

    private ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(false);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        open.add(s);
        return s;
    }

    /** A run of three consecutive free ports. */
    private static PortRange freeRange() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(10_000, 30_000); // below the ephemeral range
            try (ServerSocket a = new ServerSocket(first, 1, InetAddress.getLoopbackAddress());
                    ServerSocket b = new ServerSocket(first + 1, 1, InetAddress.getLoopbackAddress());
                    ServerSocket c = new ServerSocket(first + 2, 1, InetAddress.getLoopbackAddress())) {
                return new PortRange(first, first + 2);
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no three consecutive free ports found");
    }

    @Test
    void aClientPortIsBoundExactlyOrRefused() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        PortAllocator allocator = new PortAllocator(Optional.of(freeRange()), false);
        assertEquals(port, allocator.bind(port, this::listen).getLocalPort(), "the client's port wins over the range");
        ProtocolException taken = assertThrows(ProtocolException.class, () -> allocator.bind(port, this::listen));
        assertEquals(ErrorCode.PORT_UNAVAILABLE, taken.code());
    }

    @Test
    void clientPortsCanBeDenied() {
        PortAllocator allocator = new PortAllocator(Optional.empty(), true);
        ProtocolException e = assertThrows(ProtocolException.class, () -> allocator.bind(40555, this::listen));
        assertEquals(ErrorCode.PORT_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("deny-client-port"), e.getMessage());
    }

    @Test
    void aRangeGivesItsFirstFreePortAndReusesItSerially() throws IOException {
        PortRange range = freeRange();
        PortAllocator allocator = new PortAllocator(Optional.of(range), false);
        ServerSocket first = allocator.bind(0, this::listen);
        assertEquals(range.first(), first.getLocalPort());
        assertEquals(range.first() + 1, allocator.bind(0, this::listen).getLocalPort(), "simultaneous logons spread");
        first.close();
        allocator.release(range.first());
        assertEquals(range.first(), allocator.bind(0, this::listen).getLocalPort(), "a released port is used again");
    }

    @Test
    void anExhaustedRangeIsPortUnavailable() throws IOException {
        PortRange range = freeRange();
        PortAllocator allocator = new PortAllocator(Optional.of(range), false);
        for (int i = 0; i < range.size(); i++) {
            allocator.bind(0, this::listen);
        }
        ProtocolException e = assertThrows(ProtocolException.class, () -> allocator.bind(0, this::listen));
        assertEquals(ErrorCode.PORT_UNAVAILABLE, e.code());
    }

    @Test
    void withoutARangeTheSystemChooses() throws IOException {
        ServerSocket s = new PortAllocator(Optional.empty(), false).bind(0, this::listen);
        assertTrue(s.getLocalPort() > 0);
    }

    @Test
    void rangesAreInclusiveAndCheckedWhenRead() {
        assertEquals(101, PortRange.parse("40000-40100").size());
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("40100-40000"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("40000"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("0-10"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("a-b"));
    }
}
