package dev.passgate.jobs;

import dev.passgate.daemon.FailureRateLimiter;
import dev.passgate.daemon.LogonState;
import dev.passgate.exit.ExitResult;
import dev.passgate.exit.LoginExits;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.passticket.PassTicketDefinitionResolver;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.RacfName;
import dev.passgate.pool.PoolLease;
import dev.passgate.pool.PoolsExhaustedException;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.AuditLog;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.Verifier;
import dev.passgate.security.VerifyRequest;
import dev.passgate.security.VerifyResult;
import dev.passgate.session.Session;
import dev.passgate.session.SessionKeys;
import dev.passgate.session.SessionRegistry;
import dev.passgate.session.SessionStore;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job monitor's logon: a PassTicket evaluated for the job monitor's APPLID (or a trusted
 * partner's credentials), with the login exits, the APPL check and the failure budget the
 * daemon applies. There is no handoff: the session starts on the logon connection, as a
 * daemon session does (a session row before the reply, its idle timer on Quartz, the same
 * logout route), with one miner, {@code jobs}.
 */
final class JobMonitorLogon {

    /** What the listener does next: send the reply; with a session, carry on with it; else maybe close. */
    record Outcome(String reply, Session session, boolean close) {
    }

    /** Everything the logon needs from the rest of PassGate. */
    record Parts(JsonLines lines, Verifier verifier, AccessChecker access, PassTicketEvaluator evaluator,
            PassTicketDefinitionResolver definitions, LoginExits exits, FailureRateLimiter limiter,
            PassTicketEnvironments environments, ThreadPoolSelector pools, SessionRegistry sessions,
            SessionStore sessionStore, ConnectionRegistry connections, Processor idleTimer, Processor trustedLogon,
            AuditLog audit, Clock clock, CamelContext context, long idleTimeoutSeconds) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobMonitorLogon.class);

    private final Parts p;
    private final String applid;
    private final String daemonApplid;
    private final int port;

    JobMonitorLogon(Parts parts, String applid, String daemonApplid, int port) {
        this.p = parts;
        this.applid = applid;
        this.daemonApplid = daemonApplid;
        this.port = port;
    }

    /** The logon reply of the session is written: as a daemon session's connect reply, it comes first. */
    void replySent(Session session) {
        p.sessions().connectReplySent(session);
    }

    String applid() {
        return applid;
    }

    Outcome logon(String line, ChannelHandlerContext ctx, String address) {
        Request r = null;
        // The logon's carrier for the exits (new-session, login, after-login), as a daemon logon's exchange is.
        Exchange logon = ExchangeBuilder.anExchange(p.context()).build();
        try {
            r = p.lines().parse(line);
            if (!"logon".equals(r.op())) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "the job monitor takes op logon first");
            }
            return new Outcome(p.lines().ok(r.id(), start(r, ctx, address, logon)), sessionOf(ctx), false);
        } catch (ProtocolException e) {
            p.exits().logonEnded(logon, e.code());
            p.audit().sync();
            return new Outcome(p.lines().error(r != null ? r.id() : p.lines().idOf(line), e), null,
                    e.code() == ErrorCode.EXIT_REJECTED && Boolean.TRUE.equals(ctx.channel().attr(CLOSE).get()));
        } catch (RuntimeException e) {
            p.exits().logonEnded(logon, ErrorCode.SERVER_ERROR);
            LOG.warn("Job monitor logon from {} failed: {}", address, e.getClass().getSimpleName());
            return new Outcome(p.lines().error(r != null ? r.id() : null, new ProtocolException(ErrorCode.SERVER_ERROR)),
                    null, true);
        }
    }

    private static final io.netty.util.AttributeKey<Boolean> CLOSE = io.netty.util.AttributeKey.valueOf(
            "passgate-jobs-close");
    private static final io.netty.util.AttributeKey<Session> SESSION = io.netty.util.AttributeKey.valueOf(
            "passgate-jobs-session");

    private static Session sessionOf(ChannelHandlerContext ctx) {
        return ctx.channel().attr(SESSION).get();
    }

    private Map<String, Object> start(Request r, ChannelHandlerContext ctx, String address, Exchange logon) {
        SecurityEnvironment logonEnv = r.flag("trusted") ? trusted(r, ctx, address) : null;
        String user = logonEnv != null ? logonEnv.user() : r.text("user").filter(RacfName::isValid)
                .map(u -> u.toUpperCase(Locale.ROOT)).orElse(null);
        exit(p.exits().newSession(logon, user, address), ctx);
        exit(p.exits().login(logon, user, address), ctx);
        if (logonEnv == null && !(user != null && !p.exits().mode().registryVerifiesLogon(p.exits().active()))) {
            logonEnv = verify(r, address);
            user = logonEnv.user();
        }
        if (logonEnv != null && !p.access().check(logonEnv, "APPL", applid, AccessLevel.READ).allowed()) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "not authorized to application " + applid);
        }
        PoolLease lease;
        try {
            lease = p.pools().reserve();
        } catch (PoolsExhaustedException e) {
            throw new ProtocolException(ErrorCode.POOLS_EXHAUSTED);
        }
        try {
            // As the daemon does: the session's environment, and its miner's, from fresh PassTickets.
            SecurityEnvironment sessionEnv = environment(user, address);
            SecurityEnvironment minerEnv = environment(user, address);
            Channel channel = ctx.channel();
            Session session = new Session(UUID.randomUUID().toString(), sessionEnv, Map.of("jobs", minerEnv), lease,
                    address, port, p.clock().instant());
            p.sessionStore().add(session);
            p.sessions().add(session, channel);
            p.connections().identify(channel, "jobs", sessionEnv);
            p.exits().logonEnded(logon, null);
            p.exits().sessionStarted(session.user(), address);
            DefaultExchange timer = new DefaultExchange(p.context());
            timer.setProperty(SessionKeys.SESSION, session);
            p.idleTimer().process(timer);
            channel.attr(SESSION).set(session);
            p.audit().sync();
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("user", session.user());
            reply.put("session", session.id());
            reply.put("miners", session.miners());
            reply.put("idleTimeout", p.idleTimeoutSeconds());
            return reply;
        } catch (ProtocolException e) {
            lease.close();
            throw e;
        } catch (Exception e) {
            lease.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    private SecurityEnvironment environment(String user, String address) {
        VerifyResult v = p.environments().build(user, address);
        if (!v.success()) {
            LOG.warn("Job monitor session for {} not started: {} ({})", user, v.outcome(), v.detail());
            throw new ProtocolException(ErrorCode.of(v.outcome()));
        }
        return v.environment();
    }

    private void exit(ExitResult r, ChannelHandlerContext ctx) {
        if (r == ExitResult.DISCONNECT) {
            ctx.channel().attr(CLOSE).set(true);
        }
        if (r.failed()) {
            throw new ProtocolException(ErrorCode.EXIT_REJECTED);
        }
    }

    /** The daemon's trusted-logon step, run on this connection. */
    private SecurityEnvironment trusted(Request r, ChannelHandlerContext ctx, String address) {
        LogonState state = new LogonState();
        state.request = r;
        state.address = address;
        DefaultExchange e = new DefaultExchange(p.context());
        e.setProperty(LogonState.PROPERTY, state);
        e.getMessage().setHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT, ctx);
        try {
            p.trustedLogon().process(e);
        } catch (ProtocolException pe) {
            throw pe;
        } catch (Exception other) {
            throw new IllegalStateException(other);
        }
        return state.logonEnvironment;
    }

    private SecurityEnvironment verify(Request r, String address) {
        if (r.text("password").isPresent() || r.flag("certificate")) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "the job monitor takes a passticket (tickets.generate on a session) or a trusted logon");
        }
        String user = r.requiredText("user");
        String ticket = r.requiredText("passticket");
        FailureRateLimiter.Attempt attempt = p.limiter().admit(address)
                .orElseThrow(() -> new ProtocolException(ErrorCode.RATE_LIMITED));
        VerifyResult v = p.verifier().verify(VerifyRequest.passticket(user, ticket, applid).from(address));
        if (v.outcome() == VerifyResult.Outcome.AUTH_FAILED || v.outcome() == VerifyResult.Outcome.USER_REVOKED) {
            attempt.failed();
        } else {
            attempt.release();
        }
        if (!v.success()) {
            LOG.info("Job monitor logon refused from {}: {} ({})", address, v.outcome(), v.detail());
            if (v.outcome() == VerifyResult.Outcome.AUTH_FAILED) {
                explainApplid(user, ticket);
            }
            throw new ProtocolException(ErrorCode.of(v.outcome()));
        }
        return v.environment();
    }

    /**
     * A ticket the daemon's APPLID accepts but the job monitor's does not: the two services were
     * set up with different APPLIDs. The operator learns both and the fix; the client learns
     * nothing more than AUTH_FAILED. Evaluating for the daemon's APPLID spends nothing: its
     * profile bypasses replay protection (the daemon's own logon flow needs that).
     */
    private void explainApplid(String user, String ticket) {
        if (applid.equals(daemonApplid) || !RacfName.isValid(user)) {
            return;
        }
        String u = user.toUpperCase(Locale.ROOT);
        if (!p.evaluator().evaluate(u, daemonApplid, ticket).valid()) {
            return;
        }
        String permit = "PERMIT IRRPTAUTH." + applid + ".* CLASS(PTKTDATA) ID(" + u + ") ACCESS(UPDATE)";
        String fix = p.definitions().forGeneration(applid).isPresent() ? permit + " and ask tickets.generate for "
                + applid : "RDEFINE PTKTDATA " + applid + " SSIGNON(KEYMASKED(<16 hex digits>)), then " + permit;
        LOG.warn("Job monitor logon of {} refused: its PassTicket is for APPLID {} (passgate.applid, the RSE daemon's),"
                + " but the job monitor evaluates tickets for APPLID {} (passgate.jobs.applid). Both services must"
                + " use the same APPLID: remove passgate.jobs.applid (it defaults to passgate.applid), or make {}"
                + " tickets available: {}", u, daemonApplid, applid, applid, fix);
    }
}
