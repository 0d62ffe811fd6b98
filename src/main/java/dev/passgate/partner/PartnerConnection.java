package dev.passgate.partner;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One connection PassGate owns, as the partner service and NETSTAT see it: its two ends, its
 * owners (the node's service user, and the session user once there is one), and what partner
 * lookups have been asked and learnt on it.
 */
public final class PartnerConnection {

    /** TcpTrustedPartner bits (NETSTAT shows them in the high nibble, as z/OS does: E0 = all three). */
    public static final int USER_RETRIEVED = 0x08;
    public static final int UTOKEN_RETRIEVED = 0x04;
    public static final int SET_ISSUED = 0x02;

    private final long id;
    private final String kind;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final String owner;
    private final Instant since;
    private final BooleanSupplier connected;
    private volatile String user;
    private volatile String taskUToken;
    private volatile int clusterConnFlag;
    private volatile int trustedPartner;
    private volatile CompletableFuture<Optional<Partner>> prefetch;
    final AtomicBoolean lookupPending = new AtomicBoolean();

    PartnerConnection(long id, String kind, InetSocketAddress local, InetSocketAddress remote, String owner,
            Instant since, BooleanSupplier connected) {
        this.id = id;
        this.kind = kind;
        this.local = local;
        this.remote = remote;
        this.owner = owner;
        this.since = since;
        this.connected = connected;
    }

    public long id() {
        return id;
    }

    /** What the connection is for: daemon, session, outbound, route. */
    public String kind() {
        return kind;
    }

    public InetSocketAddress local() {
        return local;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** The node's service user: the "address space" identity. */
    public String owner() {
        return owner;
    }

    /** The session user, the "task" identity; null until the connection belongs to a session. */
    public String user() {
        return user;
    }

    public Instant since() {
        return since;
    }

    public boolean connected() {
        return connected.getAsBoolean();
    }

    public int clusterConnFlag() {
        return clusterConnFlag;
    }

    public int trustedPartner() {
        return trustedPartner;
    }

    String taskUToken() {
        return taskUToken;
    }

    void identify(String user, String taskUToken) {
        this.user = user;
        this.taskUToken = taskUToken;
    }

    void recordLookup(int routingBits, int retrieved) {
        clusterConnFlag = Routing.REQUESTED | routingBits;
        trustedPartner |= retrieved;
    }

    /** Set partner info took effect: its lookup is already on its way. */
    void prefetch(CompletableFuture<Optional<Partner>> lookup) {
        trustedPartner |= SET_ISSUED;
        prefetch = lookup;
    }

    boolean setIssued() {
        return prefetch != null;
    }

    CompletableFuture<Optional<Partner>> prefetched() {
        return prefetch;
    }

    @Override
    public String toString() {
        return "PartnerConnection[" + kind + " " + local + " <- " + remote + ", " + owner
                + (user != null ? "/" + user : "") + "]";
    }
}
