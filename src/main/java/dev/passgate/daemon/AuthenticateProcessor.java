package dev.passgate.daemon;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.security.Verifier;
import dev.passgate.security.VerifyRequest;
import dev.passgate.security.VerifyResult;
import dev.passgate.server.TlsSettings;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.X509Certificate;
import java.util.Optional;
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
        FailureRateLimiter.Attempt attempt = exchange.getProperty(RateLimitProcessor.ATTEMPT,
                FailureRateLimiter.Attempt.class);
        if (state.exitDecidedUser != null || state.logonEnvironment != null) {
            settle(attempt, false, state.address);
            return; // a login exit decided this logon alone (exports or none mode), or a trusted partner did
        }
        VerifyRequest verify = request(state.request, exchange).from(state.address);
        VerifyResult result = verifier.verify(verify);
        // Revoked answers count too: they come whatever the secret, so counting them tells nothing.
        settle(attempt, result.outcome() == VerifyResult.Outcome.AUTH_FAILED
                || result.outcome() == VerifyResult.Outcome.USER_REVOKED, state.address);
        if (!result.success()) {
            LOG.info("Logon refused from {}: {} ({})", state.address, result.outcome(), result.detail());
            throw new ProtocolException(ErrorCode.of(result.outcome()));
        }
        state.logonEnvironment = result.environment();
    }

    /** Counts a failure against the address, or gives the logon's place in the budget back. */
    private void settle(FailureRateLimiter.Attempt attempt, boolean failed, String address) {
        if (attempt == null) {
            if (failed) {
                limiter.recordFailure(address); // the rate-limit step was replaced: count it all the same
            }
        } else if (failed) {
            attempt.failed();
        } else {
            attempt.release();
        }
    }

    /** The certificate the client presented in the TLS handshake (verified against the trust store). */
    private static Optional<X509Certificate> clientCertificate(Exchange exchange) {
        ChannelHandlerContext ctx = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        SslHandler ssl = ctx == null ? null : ctx.pipeline().get(SslHandler.class);
        return ssl == null ? Optional.empty() : TlsSettings.peer(ssl);
    }

    private VerifyRequest request(Request r, Exchange exchange) {
        if (r.flag("certificate")) {
            X509Certificate cert = clientCertificate(exchange).orElseThrow(() -> new ProtocolException(ErrorCode.AUTH_FAILED));
            return VerifyRequest.certificate(cert.getSubjectX500Principal().getName(),
                    cert.getIssuerX500Principal().getName()).withOtp(r.text("otp").orElse(null));
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
