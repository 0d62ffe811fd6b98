package dev.passgate.daemon;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.security.Verifier;
import dev.passgate.security.VerifyRequest;
import dev.passgate.security.VerifyResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step: verify the logon's credentials: password (with optional OTP and new password),
 * PassTicket for the daemon's APPLID, or the TLS client certificate. This is the logon's
 * only password check; everything after it runs on PassTickets.
 */
public class AuthenticateProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticateProcessor.class);

    private final Verifier verifier;
    private final FailureRateLimiter limiter;
    private final String applid;

    public AuthenticateProcessor(Verifier verifier, FailureRateLimiter limiter, String applid) {
        this.verifier = verifier;
        this.limiter = limiter;
        this.applid = applid;
    }

    @Override
    public void process(Exchange exchange) {
        LogonState state = LogonState.of(exchange);
        VerifyRequest verify = request(state.request, exchange).from(state.address);
        VerifyResult result = verifier.verify(verify);
        if (!result.success()) {
            if (result.outcome() == VerifyResult.Outcome.AUTH_FAILED) {
                limiter.recordFailure(state.address);
            }
            LOG.info("Logon refused from {}: {} ({})", state.address, result.outcome(), result.detail());
            throw new ProtocolException(ErrorCode.of(result.outcome()));
        }
        state.logonEnvironment = result.environment();
    }

    private VerifyRequest request(Request r, Exchange exchange) {
        if (r.flag("certificate")) {
            String subject = exchange.getMessage().getHeader(NettyConstants.NETTY_SSL_CLIENT_CERT_SUBJECT_NAME, String.class);
            if (subject == null) {
                throw new ProtocolException(ErrorCode.AUTH_FAILED);
            }
            String issuer = exchange.getMessage().getHeader(NettyConstants.NETTY_SSL_CLIENT_CERT_ISSUER_NAME, String.class);
            return VerifyRequest.certificate(subject, issuer).withOtp(r.text("otp").orElse(null));
        }
        String user = r.requiredText("user");
        if (r.text("passticket").isPresent()) {
            return VerifyRequest.passticket(user, r.text("passticket").get(), applid).withOtp(r.text("otp").orElse(null));
        }
        VerifyRequest v = VerifyRequest.password(user, r.requiredText("password").toCharArray())
                .withOtp(r.text("otp").orElse(null));
        return r.text("newPassword").map(n -> v.withNewPassword(n.toCharArray())).orElse(v);
    }
}
