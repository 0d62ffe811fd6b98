package dev.passgate.daemon;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The daemon's connections that have not logged on yet, counted by remote address and in all,
 * as OpenSSH's MaxStartups counts them: past a cap a new connection is refused at once, so that
 * clients trickling bytes cannot hold every descriptor the process has. A connection takes a
 * place when it is accepted and gives it back exactly once, when it closes: a logon answered
 * successfully closes its connection (the client goes on at its own port), and one answered with
 * an error is still unauthenticated while it may try again. A cap of 0 means no cap.
 */
public final class UnauthenticatedConnections {

    /** Why a connection got no place. */
    public enum Refusal {
        PER_ADDRESS, TOTAL
    }

    private final int maxPerAddress;
    private final int maxTotal;
    private final Map<InetAddress, Integer> byAddress = new HashMap<>();
    private int total;

    public UnauthenticatedConnections(int maxPerAddress, int maxTotal) {
        if (maxPerAddress < 0 || maxTotal < 0) {
            throw new IllegalArgumentException("connection caps are 0 (none) or more");
        }
        this.maxPerAddress = maxPerAddress;
        this.maxTotal = maxTotal;
    }

    /** A place for a connection from the address, or null when a cap is reached (see {@link #refusal}). */
    public synchronized Place admit(InetAddress address) {
        if (refusal(address) != null) {
            return null;
        }
        byAddress.merge(address, 1, Integer::sum);
        total++;
        return new Place(address);
    }

    /** Which cap a new connection from the address would exceed now, or null when it would get a place. */
    public synchronized Refusal refusal(InetAddress address) {
        if (maxTotal > 0 && total >= maxTotal) {
            return Refusal.TOTAL;
        }
        if (maxPerAddress > 0 && byAddress.getOrDefault(address, 0) >= maxPerAddress) {
            return Refusal.PER_ADDRESS;
        }
        return null;
    }

    public synchronized int total() {
        return total;
    }

    public synchronized int from(InetAddress address) {
        return byAddress.getOrDefault(address, 0);
    }

    /** How many addresses hold a place now (an address whose connections are all gone is forgotten). */
    public synchronized int addresses() {
        return byAddress.size();
    }

    private synchronized void release(InetAddress address) {
        byAddress.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
        total--;
    }

    /** One connection's place; {@link #close} gives it back, and only the first close counts. */
    public final class Place implements AutoCloseable {
        private final InetAddress address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Place(InetAddress address) {
            this.address = address;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(address);
            }
        }
    }
}
