package dev.passgate.partner;

import dev.passgate.security.SecurityEnvironment;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A TCP socket PassGate owns on behalf of a session (or of the node): once connected it is in
 * the {@link ConnectionRegistry}, so that its partner can ask who is here and NETSTAT shows it.
 * Made by {@link PartnerInfoService#socket} (outbound) or accepted by a {@link PartnerServerSocket}.
 */
public final class PartnerSocket extends Socket {

    private final PartnerInfoService service;
    private final SecurityEnvironment task;
    private volatile boolean setPartnerInfo;
    private volatile PartnerConnection connection;

    PartnerSocket(PartnerInfoService service, SecurityEnvironment task, boolean inheritedSet) {
        this.service = service;
        this.task = task;
        this.setPartnerInfo = inheritedSet;
    }

    /**
     * Set partner info (SIOCSPARTNERINFO): look the partner up as soon as the connection exists, so
     * that a later get answers at once. Only before connect.
     */
    public PartnerOutcome setPartnerInfo() {
        if (isConnected()) {
            return PartnerOutcome.TOO_LATE;
        }
        setPartnerInfo = true;
        return PartnerOutcome.OK;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        super.connect(endpoint, timeout);
        connection = service.connected(this, "outbound", task, setPartnerInfo);
    }

    /** Called by the listener once accept has connected this socket. */
    void accepted() {
        connection = service.connected(this, "accepted", task, setPartnerInfo);
    }

    /** The registered connection; null before connect. */
    public PartnerConnection connection() {
        return connection;
    }

    /** Get partner info on this socket (see {@link PartnerInfoService#get}). */
    public PartnerInfo partnerInfo(PartnerRequest type, java.time.Duration timeout, SecurityEnvironment caller) {
        return service.get(connection, type, timeout, caller);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            super.close();
        } finally {
            PartnerConnection c = connection;
            if (c != null) {
                service.closed(c);
            }
        }
    }
}
