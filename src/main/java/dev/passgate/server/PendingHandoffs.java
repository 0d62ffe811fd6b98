package dev.passgate.server;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handoffs whose client has not reconnected yet, capped per user and per client
 * address: a port of the range is held for a whole handoff timeout by a logon that never
 * reconnects, so without a cap one account (or one machine) could hold every port and
 * turn every other logon away with PORT_UNAVAILABLE.
 *
 * <p>A logon {@link #claim claims} its place before its port is bound and gives it back
 * when its handoff ends, however it ends; {@link #close()} (the daemon stopping) ends the
 * handoffs still waiting.
 */
public final class PendingHandoffs implements AutoCloseable {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Map<String, Integer> perUser = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final Set<Claim> open = new LinkedHashSet<>();

    /**
     * @param maxPerUser    {@code passgate.server.max-pending-per-user}; 0 for no cap
     * @param maxPerAddress {@code passgate.server.max-pending-per-address}; 0 for no cap
     */
    public PendingHandoffs(int maxPerUser, int maxPerAddress) {
        if (maxPerUser < 0 || maxPerAddress < 0) {
            throw new IllegalArgumentException("passgate.server.max-pending-per-user and -per-address must be 0 or more");
        }
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
    }

    /**
     * A place for one more pending handoff of this user from this address.
     *
     * @throws ProtocolException PORT_UNAVAILABLE naming the cap that is reached
     */
    public synchronized Claim claim(String user, String address) {
        int ofUser = perUser.getOrDefault(user, 0);
        if (maxPerUser > 0 && ofUser >= maxPerUser) {
            throw new ProtocolException(ErrorCode.PORT_UNAVAILABLE, "this user already has " + ofUser
                    + " logons waiting for their client to reconnect (passgate.server.max-pending-per-user="
                    + maxPerUser + "): connect with one of them or let it expire");
        }
        int ofAddress = perAddress.getOrDefault(address, 0);
        if (maxPerAddress > 0 && ofAddress >= maxPerAddress) {
            throw new ProtocolException(ErrorCode.PORT_UNAVAILABLE, "this address already has " + ofAddress
                    + " logons waiting for their client to reconnect (passgate.server.max-pending-per-address="
                    + maxPerAddress + "): connect with one of them or let it expire");
        }
        perUser.merge(user, 1, Integer::sum);
        perAddress.merge(address, 1, Integer::sum);
        Claim c = new Claim(user, address);
        open.add(c);
        return c;
    }

    /** Handoffs claimed and not ended yet. */
    public synchronized int size() {
        return open.size();
    }

    /** Ends every handoff still waiting (the daemon stops): each gives back what it holds. */
    @Override
    public void close() {
        List<Claim> all;
        synchronized (this) {
            all = new ArrayList<>(open);
        }
        all.forEach(Claim::end);
    }

    private synchronized void release(Claim c) {
        if (open.remove(c)) {
            perUser.computeIfPresent(c.user, (k, n) -> n == 1 ? null : n - 1);
            perAddress.computeIfPresent(c.address, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** One pending handoff's place; closing it twice is harmless. */
    public final class Claim implements AutoCloseable {
        private final String user;
        private final String address;
        private volatile AutoCloseable handoff;

        private Claim(String user, String address) {
            this.user = user;
            this.address = address;
        }

        /** What {@link PendingHandoffs#close()} ends for this place: its listener, once bound. */
        public void endsWith(AutoCloseable handoff) {
            this.handoff = handoff;
        }

        private void end() {
            AutoCloseable h = handoff;
            try {
                if (h != null) {
                    h.close(); // its end gives the place back through close()
                }
            } catch (Exception ignored) {
                // Stopping: what matters is that the place is given back below.
            } finally {
                close();
            }
        }

        /** Gives the place back. */
        @Override
        public void close() {
            release(this);
        }
    }
}
