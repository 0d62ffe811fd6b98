package dev.passgate.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the daemon port and the client server ports ({@code passgate.daemon.tls.*}): a
 * PKCS#12 key store with the server's key, and a trust store for client certificates,
 * which may be asked for ({@code want}) or required ({@code need}).
 */
public final class TlsSettings {

    private final SslContext context;

    private TlsSettings(SslContext context) {
        this.context = context;
    }

    /**
     * @param clientAuth none, want or need
     * @throws IllegalStateException with the setting's name when a store cannot be read
     */
    public static TlsSettings load(Path keyStore, char[] keyStorePassword, Optional<Path> trustStore,
            char[] trustStorePassword, String clientAuth) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(read(keyStore, keyStorePassword, "passgate.daemon.tls.keystore"), keyStorePassword);
            SslContextBuilder builder = SslContextBuilder.forServer(kmf).clientAuth(auth(clientAuth));
            if (trustStore.isPresent()) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(read(trustStore.get(), trustStorePassword, "passgate.daemon.tls.truststore"));
                builder.trustManager(tmf);
            }
            return new TlsSettings(builder.build());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS cannot start: " + e.getMessage(), e);
        }
    }

    private static KeyStore read(Path file, char[] password, String setting) throws GeneralSecurityException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(setting + ": no such file " + file);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static ClientAuth auth(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "none" -> ClientAuth.NONE;
            case "want" -> ClientAuth.OPTIONAL;
            case "need" -> ClientAuth.REQUIRE;
            default -> throw new IllegalStateException("passgate.daemon.tls.client-auth is none, want or need, not " + text);
        };
    }

    public SslHandler newHandler(ByteBufAllocator allocator) {
        return context.newHandler(allocator);
    }

    /** The client certificate of a TLS connection, when it sent one. */
    public static Optional<X509Certificate> peer(SslHandler handler) {
        try {
            Certificate[] chain = handler.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (SSLPeerUnverifiedException none) {
            return Optional.empty();
        }
    }
}
