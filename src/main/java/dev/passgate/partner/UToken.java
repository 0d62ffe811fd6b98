package dev.passgate.partner;

import java.time.Instant;
import java.util.List;

/**
 * What a UTOKEN says: a security environment (user, default group, groups), the node that
 * vouches for it, its cluster, and when it was made. Only {@link UTokens} makes and reads
 * the signed text form; a UToken object in hand has already passed its signature check.
 */
public record UToken(String cluster, String node, String user, String defaultGroup, List<String> groups,
        Instant issuedAt) {

    public UToken {
        groups = List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "UToken[" + user + " from " + node + " of " + cluster + "]";
    }
}
