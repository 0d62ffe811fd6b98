package dev.passgate.daemon;

import dev.passgate.security.AuditEvent;
import dev.passgate.partner.PartnerConnection;
import dev.passgate.partner.PartnerInfo;
import dev.passgate.partner.PartnerInfoService;
import dev.passgate.partner.PartnerRequest;
import dev.passgate.partner.Routing;
import dev.passgate.partner.UToken;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.exit.ExitKeys;
import dev.passgate.exit.ExitSubject;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.security.AuditLog;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.Verifier;
import dev.passgate.security.VerifyResult;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.NettyConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step: a {@code {"op":"logon","trusted":true}} logon takes its user from the partner at the other
 * end of the connection — a PassGate connection in the same cluster — without a password. The
 * partner's task-level UTOKEN (its session's user) is used, else its address-space one (its
 * node's service user). The route sends only TRUSTED logons here; the user it vouches for is the
 * one the login exits see, and needs no credentials check after them ({@link AcceptClaimProcessor}).
 */
public class TrustedLogonProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedLogonProcessor.class);

    private final boolean enabled;
    private final PartnerInfoService partners;
    private final Verifier verifier;
    private final AuditLog audit;
    private final Supplier<SecurityEnvironment> daemonIdentity;
    private final Duration timeout;

    /**
     * @param daemonIdentity the environment the daemon asks as (the node's service user)
     * @param timeout how long to wait for the partner's credentials
     */
    public TrustedLogonProcessor(boolean enabled, PartnerInfoService partners, Verifier verifier, AuditLog audit,
            Supplier<SecurityEnvironment> daemonIdentity, Duration timeout) {
        this.enabled = enabled;
        this.partners = partners;
        this.verifier = verifier;
        this.audit = audit;
        this.daemonIdentity = daemonIdentity;
        this.timeout = timeout;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST).andWrites(LogonKeys.CLAIM, ExitKeys.SUBJECT);
    }

    @Override
    public void process(Exchange exchange) {
        String address = LogonKeys.REQUEST.get(exchange).address();
        if (!enabled) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "trusted logon is not enabled on this daemon");
        }
        ChannelHandlerContext ctx = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        PartnerConnection connection = ctx == null ? null : partners.connection(ctx.channel()).orElse(null);
        PartnerInfo info = partners.get(connection, PartnerRequest.BOTH, timeout, daemonIdentity.get());
        String token = info.taskUToken() != null ? info.taskUToken() : info.addressSpaceUToken();
        Optional<UToken> partner = info.ok() && info.routing().contains(Routing.SAME_CLUSTER)
                ? partners.utokens().verify(token) : Optional.empty();
        if (partner.isEmpty()) {
            LOG.info("Trusted logon refused from {}: partner {} {}", address, info.outcome(), info.routing());
            audit.record(AuditEvent.VERIFY, null, address, "AUTH_FAILED", "TRUSTED: partner lookup " + info.outcome().errno()
                    + " " + info.routing());
            throw new ProtocolException(ErrorCode.AUTH_FAILED);
        }
        UToken u = partner.get();
        VerifyResult result = verifier.trusted(u.user(), address, (info.taskUToken() != null ? "session" : "node")
                + " UTOKEN of partner node " + u.node());
        if (!result.success()) {
            throw new ProtocolException(ErrorCode.of(result.outcome()));
        }
        LogonKeys.CLAIM.set(exchange, new ClaimedUser(result.environment().user(), result.environment()));
        ExitKeys.SUBJECT.set(exchange, ExitSubject.logon(result.environment().user(), address));
    }
}
