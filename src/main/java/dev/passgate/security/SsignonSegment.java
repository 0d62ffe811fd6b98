package dev.passgate.security;

import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketKey;
import dev.passgate.passticket.PassTicketType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PTKTDATA profile's SSIGNON segment: the keys and the enhanced options. It is stored
 * sealed; this is its clear form, which exists only in memory. {@link #toString()} masks it.
 *
 * @param legacyKeyHex   16 hex digits, or null
 * @param enhancedKeyHex 64-512 hex digits, or null
 */
public record SsignonSegment(String legacyKeyHex, String enhancedKeyHex, PassTicketType type, int timeout, boolean replay) {

    public SsignonSegment {
        if (legacyKeyHex != null) {
            PassTicketKey.legacyHex(legacyKeyHex); // validates; message never shows the digits
        }
        if (enhancedKeyHex != null) {
            PassTicketKey.enhancedHex(enhancedKeyHex);
        }
        if (type == null || type == PassTicketType.LEGACY) {
            type = PassTicketType.MIXED;
        }
        if (timeout < 1 || timeout > 600) {
            throw new IllegalArgumentException("TIMEOUT must be 1 to 600 seconds");
        }
    }

    public static SsignonSegment empty() {
        return new SsignonSegment(null, null, PassTicketType.MIXED, PassTicketDefinition.DEFAULT_TIMEOUT_SECONDS, false);
    }

    public SsignonSegment withLegacyKey(String hex) {
        return new SsignonSegment(hex, enhancedKeyHex, type, timeout, replay);
    }

    public SsignonSegment withEnhanced(String hex, PassTicketType t, int seconds, boolean r) {
        return new SsignonSegment(legacyKeyHex, hex, t, seconds, r);
    }

    public PassTicketDefinition definition(String profile, String appldata) {
        return new PassTicketDefinition(profile,
                legacyKeyHex == null ? null : PassTicketKey.legacyHex(legacyKeyHex),
                enhancedKeyHex == null ? null : PassTicketKey.enhancedHex(enhancedKeyHex),
                type, timeout, replay, appldata);
    }

    /** The segment sealed under the master key, bound to its PTKTDATA profile. */
    public String seal(SecretBox box, String profile) {
        return box.seal(encode(), RegistryDefinitionResolver.boundTo(profile));
    }

    public static SsignonSegment decodeSealed(SecretBox box, String sealed, String profile) {
        return decode(box.open(sealed, RegistryDefinitionResolver.boundTo(profile)));
    }

    /** What a listing may say: which keys exist and the options, never the keys. */
    public String describe() {
        return "LEGACY-KEY=" + (legacyKeyHex != null ? "DEFINED" : "NONE") + " ENHANCED-KEY="
                + (enhancedKeyHex != null ? "DEFINED" : "NONE") + " EPTTYPE=" + type + " EPTTIMEOUT=" + timeout
                + " EPTREPLAY=" + (replay ? "YES" : "NO");
    }

    String encode() {
        Map<String, String> m = new LinkedHashMap<>();
        if (legacyKeyHex != null) {
            m.put("legacy", legacyKeyHex);
        }
        if (enhancedKeyHex != null) {
            m.put("enhanced", enhancedKeyHex);
        }
        m.put("type", type.name());
        m.put("timeout", Integer.toString(timeout));
        m.put("replay", Boolean.toString(replay));
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    static SsignonSegment decode(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            m.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return new SsignonSegment(m.get("legacy"), m.get("enhanced"), PassTicketType.parse(m.get("type")),
                Integer.parseInt(m.get("timeout")), Boolean.parseBoolean(m.get("replay")));
    }

    @Override
    public String toString() {
        return "SsignonSegment[legacy key " + (legacyKeyHex != null ? "defined" : "none") + ", enhanced key "
                + (enhancedKeyHex != null ? "defined" : "none") + ", " + type + ", timeout " + timeout + ", replay "
                + (replay ? "YES" : "NO") + "]";
    }
}
