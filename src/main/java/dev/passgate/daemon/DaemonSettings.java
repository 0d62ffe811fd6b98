package dev.passgate.daemon;

import dev.passgate.server.TlsSettings;
import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The logon port ({@code passgate.daemon.*}, its TLS, and the logon limits {@code passgate.logon.*}). */
public record DaemonSettings(String host, int port, int readTimeout, ConnectionLimits limits, boolean trustedLogon,
        Duration trustedLogonTimeout, int maxAttemptsPerConnection, int maxFailuresPerMinute, Tls tls) {

    /** Address the daemon and every client's server port bind to. */
    public static final String HOST = "passgate.daemon.host";
    /** The daemon's well-known port. */
    public static final String PORT = "passgate.daemon.port";
    /** Seconds of silence before a daemon connection is closed. */
    public static final String READ_TIMEOUT = "passgate.daemon.read-timeout";
    /** Seconds from accept to logon, however the client trickles (0: none). */
    public static final String LOGIN_GRACE_TIME = "passgate.daemon.login-grace-time";
    /** Connections not logged on yet, per client address (0: no cap). */
    public static final String MAX_UNAUTHENTICATED_PER_ADDRESS = "passgate.daemon.max-unauthenticated-per-address";
    /** Connections not logged on yet, in all (0: no cap). */
    public static final String MAX_UNAUTHENTICATED = "passgate.daemon.max-unauthenticated";
    /** Share (%) of the process's descriptors kept for clients logged on (0: off). */
    public static final String DESCRIPTOR_RESERVE_PERCENT = "passgate.daemon.descriptor-reserve-percent";
    /** Accept trusted logons from PassGate connections of this cluster. */
    public static final String TRUSTED_LOGON = "passgate.daemon.trusted-logon";
    /** Seconds a trusted logon waits for the partner's credentials. */
    public static final String TRUSTED_LOGON_TIMEOUT = "passgate.daemon.trusted-logon-timeout";
    /** Logon attempts one connection gets before it is closed. */
    public static final String MAX_ATTEMPTS_PER_CONNECTION = "passgate.logon.max-attempts-per-connection";
    /** Failed logons per client address in a sliding minute. */
    public static final String MAX_FAILURES_PER_MINUTE = "passgate.logon.max-failures-per-minute";
    /** TLS on the daemon port and every client's server port. */
    public static final String TLS_ENABLED = "passgate.daemon.tls.enabled";
    /** PKCS#12 key store with the server's key and certificate. */
    public static final String TLS_KEYSTORE = "passgate.daemon.tls.keystore";
    /** Its password. */
    public static final String TLS_KEYSTORE_PASSWORD = "passgate.daemon.tls.keystore-password";
    /** PKCS#12 trust store for client certificates. */
    public static final String TLS_TRUSTSTORE = "passgate.daemon.tls.truststore";
    /** Its password. */
    public static final String TLS_TRUSTSTORE_PASSWORD = "passgate.daemon.tls.truststore-password";
    /** Client certificates: none, want or need. */
    public static final String TLS_CLIENT_AUTH = "passgate.daemon.tls.client-auth";

    /** The TLS keys as configured; {@link #load} reads the stores. Passwords never print. */
    public record Tls(boolean enabled, Path keystore, char[] keystorePassword, Optional<Path> truststore,
            char[] truststorePassword, String clientAuth) {

        public Optional<TlsSettings> load() {
            return enabled ? Optional.of(TlsSettings.load(keystore, keystorePassword, truststore, truststorePassword,
                    clientAuth)) : Optional.empty();
        }

        @Override
        public String toString() {
            return "Tls[enabled=" + enabled + ", keystore=" + keystore + ", truststore=" + truststore + ", clientAuth="
                    + clientAuth + "]";
        }
    }

    public static DaemonSettings from(PassGateSettings s) {
        ConnectionLimits limits = new ConnectionLimits(s.integer(MAX_UNAUTHENTICATED_PER_ADDRESS),
                s.integer(MAX_UNAUTHENTICATED), s.seconds(LOGIN_GRACE_TIME), percent(s, DESCRIPTOR_RESERVE_PERCENT));
        Tls tls = new Tls(s.flag(TLS_ENABLED), s.path(TLS_KEYSTORE), secret(s, TLS_KEYSTORE_PASSWORD),
                s.find(TLS_TRUSTSTORE).map(Path::of), secret(s, TLS_TRUSTSTORE_PASSWORD), s.string(TLS_CLIENT_AUTH));
        return new DaemonSettings(s.string(HOST), s.integer(PORT), s.integer(READ_TIMEOUT), limits, s.flag(TRUSTED_LOGON),
                s.seconds(TRUSTED_LOGON_TIMEOUT), s.integer(MAX_ATTEMPTS_PER_CONNECTION), s.integer(MAX_FAILURES_PER_MINUTE),
                tls);
    }

    private static double percent(PassGateSettings s, String key) {
        String v = s.string(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + key + " must be a number, not '" + v + "'");
        }
    }

    private static char[] secret(PassGateSettings s, String key) {
        return s.find(key).orElse("").toCharArray();
    }
}
