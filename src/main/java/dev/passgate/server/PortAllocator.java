package dev.passgate.server;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses and binds a client's server port by the protocol's three rules, in order:
 * the port the client asked for (exactly that one, unless the operator denies client
 * ports), else the first free port of the configured range, else port 0 (the operating
 * system's choice). Like FTP's passive mode, a range's first port is reused as soon as
 * its listener is closed, so the rest of the range only absorbs simultaneous logons.
 */
public final class PortAllocator {

    /** Binds one port, or fails with an IOException (typically a BindException) when it is taken. */
    @FunctionalInterface
    public interface Binder<T> {
        T bind(int port) throws IOException;
    }

    private final Optional<PortRange> range;
    private final boolean denyClientPort;
    /** Range ports our own listeners hold: skipped without a bind attempt (each failed bind costs a syscall and an exception). */
    private final Set<Integer> held = ConcurrentHashMap.newKeySet();

    public PortAllocator(Optional<PortRange> range, boolean denyClientPort) {
        this.range = range;
        this.denyClientPort = denyClientPort;
    }

    /** Tells the allocator that a listener it bound has closed its port. */
    public void release(int port) {
        held.remove(port);
    }

    /**
     * @param requestedPort the client's {@code port} field, 0 or absent meaning none
     * @throws ProtocolException PORT_UNAVAILABLE when the rules leave no port
     */
    public <T> T bind(int requestedPort, Binder<T> binder) {
        if (requestedPort < 0 || requestedPort > 65535) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "port must be 0 to 65535");
        }
        if (requestedPort != 0) {
            if (denyClientPort) {
                throw new ProtocolException(ErrorCode.PORT_UNAVAILABLE,
                        "this server chooses the port itself (passgate.server.deny-client-port=true)");
            }
            try {
                return binder.bind(requestedPort);
            } catch (IOException e) {
                throw new ProtocolException(ErrorCode.PORT_UNAVAILABLE, "port " + requestedPort + " cannot be bound");
            }
        }
        if (range.isPresent()) {
            PortRange r = range.get();
            for (int port = r.first(); port <= r.last(); port++) {
                if (!held.add(port)) {
                    continue;
                }
                try {
                    return binder.bind(port);
                } catch (IOException taken) {
                    held.remove(port); // someone else's: try the next one
                }
            }
            throw new ProtocolException(ErrorCode.PORT_UNAVAILABLE,
                    "every port of the range " + r.first() + "-" + r.last() + " is in use");
        }
        try {
            return binder.bind(0);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.PORT_UNAVAILABLE, "the system has no free port");
        }
    }
}
