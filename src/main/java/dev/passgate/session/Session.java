package dev.passgate.session;

import dev.passgate.pool.PoolLease;
import dev.passgate.pool.SerialExecutor;
import dev.passgate.security.SecurityEnvironment;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's session from the moment it reconnected: its security environment (built
 * from a PassTicket), each miner's own environment, its place in a thread pool, its
 * socket, and when it was last used. Requests run on its serial executor, in order.
 */
public final class Session {

    private final String id;
    private final SecurityEnvironment environment;
    private final Map<String, SecurityEnvironment> miners;
    private final PoolLease lease;
    private final SerialExecutor executor;
    private final String address;
    private final int port;
    private final Instant since;
    private final AtomicLong lastActivity;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Channel channel;

    public Session(String id, SecurityEnvironment environment, Map<String, SecurityEnvironment> miners, PoolLease lease,
            String address, int port, Instant since) {
        this.id = id;
        this.environment = environment;
        this.miners = Map.copyOf(miners);
        this.lease = lease;
        this.executor = lease.serialExecutor();
        this.address = address;
        this.port = port;
        this.since = since;
        this.lastActivity = new AtomicLong(since.toEpochMilli());
    }

    public String id() {
        return id;
    }

    public String user() {
        return environment.user();
    }

    public SecurityEnvironment environment() {
        return environment;
    }

    /** The security environment of a started miner, or null when the miner did not start for this session. */
    public SecurityEnvironment minerEnvironment(String miner) {
        return miners.get(miner);
    }

    public List<String> miners() {
        return miners.keySet().stream().sorted().toList();
    }

    public int pool() {
        return lease.pool().id();
    }

    public SerialExecutor executor() {
        return executor;
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public Instant since() {
        return since;
    }

    public long lastActivity() {
        return lastActivity.get();
    }

    public void touch(long now) {
        lastActivity.set(now);
    }

    public Channel channel() {
        return channel;
    }

    void attach(Channel channel) {
        this.channel = channel;
    }

    /** Marks the session ended and gives back its pool place; true only for the first call. */
    boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        lease.close();
        return true;
    }

    public boolean ended() {
        return ended.get();
    }

    @Override
    public String toString() {
        return "Session[" + id + ", " + user() + " from " + address + ", pool " + pool() + "]";
    }
}
