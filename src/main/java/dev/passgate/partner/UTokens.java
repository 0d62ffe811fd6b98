package dev.passgate.partner;

import dev.passgate.security.SecurityEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks UTOKENs: {@code PGU1.<payload>.<HMAC-SHA256>} in base64url, signed with the
 * cluster key so that any node of the cluster can check a token any other node made. A token
 * from another cluster fails twice over: another key, and another cluster name inside.
 */
public final class UTokens {

    private static final String PREFIX = "PGU1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** RACF names never contain these, so the payload needs no escaping. */
    private static final String FIELD = "|";

    private final String cluster;
    private final String node;
    private final byte[] key;
    private final Clock clock;

    public UTokens(String cluster, String node, byte[] key, Clock clock) {
        this.cluster = cluster;
        this.node = node;
        this.key = key.clone();
        this.clock = clock;
    }

    /** The name of the cluster this node belongs to. */
    public String cluster() {
        return cluster;
    }

    public String node() {
        return node;
    }

    /** A UTOKEN for the environment, vouched for by this node. */
    public String issue(SecurityEnvironment env) {
        return issue(env.user(), env.defaultGroup(), env.groups());
    }

    public String issue(String user, String defaultGroup, List<String> groups) {
        String payload = String.join(FIELD, cluster, node, user, defaultGroup == null ? "" : defaultGroup,
                String.join(",", groups), Long.toString(clock.instant().getEpochSecond()));
        String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return PREFIX + body + "." + ENCODER.encodeToString(mac(body));
    }

    /**
     * The token's content if this cluster's key signed it and it names this cluster; empty for a
     * forged, altered, foreign or malformed token (which of these is not told: a caller could use it
     * to probe).
     */
    public Optional<UToken> verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = rest.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(rest.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                return Optional.empty();
            }
            String[] f = new String(DECODER.decode(body), StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 6 || !f[0].equals(cluster)) {
                return Optional.empty();
            }
            List<String> groups = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split(","));
            return Optional.of(new UToken(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3], groups,
                    Instant.ofEpochSecond(Long.parseLong(f[5]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64, or not a number where the time goes
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
