package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.security.VerifyRequest;
import dev.passgate.server.TlsSettings;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.NettyConstants;

/**
 * Step (CERTIFICATE logons): the client certificate the TLS handshake verified against the trust
 * store, for authenticate to map to its user; a connection without one is refused AUTH_FAILED.
 */
public class CertificateCredentialsProcessor implements Step {

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST).andWrites(LogonKeys.CREDENTIALS);
    }

    @Override
    public void process(Exchange exchange) {
        LogonRequest logon = LogonKeys.REQUEST.get(exchange);
        X509Certificate cert = clientCertificate(exchange).orElseThrow(() -> new ProtocolException(ErrorCode.AUTH_FAILED));
        LogonKeys.CREDENTIALS.set(exchange, VerifyRequest.certificate(cert.getSubjectX500Principal().getName(),
                cert.getIssuerX500Principal().getName()).withOtp(logon.request().text("otp").orElse(null))
                .from(logon.address()));
    }

    private static Optional<X509Certificate> clientCertificate(Exchange exchange) {
        ChannelHandlerContext ctx = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        SslHandler ssl = ctx == null ? null : ctx.pipeline().get(SslHandler.class);
        return ssl == null ? Optional.empty() : TlsSettings.peer(ssl);
    }
}
