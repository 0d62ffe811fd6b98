package dev.passgate.miner;

import dev.passgate.passticket.GeneratedTicket;
import dev.passgate.passticket.PassTicketGenerator;
import dev.passgate.passticket.PassTicketSetupException;
import dev.passgate.passticket.RacfName;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tickets.generate}: a PassTicket for an application, for the session's user or
 * another one, when the user has UPDATE on {@code PTKTDATA IRRPTAUTH.<applid>.<target>}
 * (RACF's rule for its ticket service; generic profiles apply). With it PassGate can log
 * users on to other applications, as Zowe's gateway does.
 */
public class TicketsMiner extends Miner {

    private final PassTicketGenerator generator;
    private final AccessChecker access;

    public TicketsMiner(PassTicketGenerator generator, AccessChecker access) {
        this.generator = generator;
        this.access = access;
    }

    @Override
    protected Map<String, Object> handle(String verb, Request request, Session session, SecurityEnvironment env) {
        if (!"generate".equals(verb)) {
            throw unknownVerb("tickets", verb);
        }
        String applid;
        String target;
        try {
            applid = RacfName.normalize(request.requiredText("applid"), "APPLID");
            target = RacfName.normalize(request.text("user").orElse(env.user()), "user ID");
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        String resource = "IRRPTAUTH." + applid + "." + target;
        if (!access.check(env, "PTKTDATA", resource, AccessLevel.UPDATE).allowed()) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "UPDATE on PTKTDATA " + resource + " is needed");
        }
        GeneratedTicket t;
        try {
            t = generator.generate(target, applid);
        } catch (PassTicketSetupException e) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "no PassTicket definition for " + applid);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("passticket", t.ticket());
        reply.put("applid", applid);
        reply.put("user", target);
        reply.put("type", t.type().name().toLowerCase(java.util.Locale.ROOT));
        return reply;
    }
}
