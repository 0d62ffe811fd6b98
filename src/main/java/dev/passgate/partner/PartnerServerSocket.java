package dev.passgate.partner;

import dev.passgate.security.SecurityEnvironment;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * A listener whose accepted connections PassGate owns. Set partner info before bind, and every
 * accepted connection inherits it: its partner is looked up as soon as it is accepted.
 */
public final class PartnerServerSocket extends ServerSocket {

    private final PartnerInfoService service;
    private final SecurityEnvironment task;
    private volatile boolean setPartnerInfo;

    PartnerServerSocket(PartnerInfoService service, SecurityEnvironment task) throws IOException {
        this.service = service;
        this.task = task;
    }

    /** Set partner info (SIOCSPARTNERINFO) for every connection this listener will accept. Only before bind. */
    public PartnerOutcome setPartnerInfo() {
        if (isBound()) {
            return PartnerOutcome.TOO_LATE;
        }
        setPartnerInfo = true;
        return PartnerOutcome.OK;
    }

    @Override
    public PartnerSocket accept() throws IOException {
        PartnerSocket s = new PartnerSocket(service, task, setPartnerInfo);
        implAccept(s);
        s.accepted();
        return s;
    }
}
