package dev.passgate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * PKCS12 key and trust stores made by the JDK's keytool in a test's folder, all under one
 * password, and the client side's SSLContext: what the TLS tests of the daemon and of the job
 * monitor set up alike.
 */
public final class TestKeyStores {

    public static final String PASSWORD = "changeit";

    private final Path folder;

    public TestKeyStores(Path folder) {
        this.folder = folder;
    }

    /** The path of a store in the folder. */
    public Path path(String store) {
        return folder.resolve(store);
    }

    /** A new EC key pair with its self-signed certificate (valid for 127.0.0.1 and localhost). */
    public void keyPair(String store, String alias, String dname) throws Exception {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store, "-storepass", PASSWORD,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost");
    }

    /** Puts the certificate of a store's key pair into a trust store. */
    public void trust(String fromStore, String alias, String intoStore) throws Exception {
        keytool("-exportcert", "-alias", alias, "-keystore", fromStore, "-storepass", PASSWORD, "-file", alias + ".cer");
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", alias + ".cer", "-keystore", intoStore,
                "-storepass", PASSWORD, "-storetype", "PKCS12");
    }

    /** A client's TLS context trusting the trust store, with the key store's key pair (none when null). */
    public SSLContext client(String trustStore, String keyStore) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trustStore));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore == null ? null : load(keyStore), PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyStore == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private KeyStore load(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder.resolve(name))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }
}
