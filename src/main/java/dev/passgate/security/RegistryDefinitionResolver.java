package dev.passgate.security;

import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketDefinitionResolver;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PassTicket definitions from the registry's PTKTDATA profiles. Only discrete profiles
 * count, as in RACF. Definitions are cached for a few seconds (building one means
 * decrypting keys and setting up ciphers); commands on this node invalidate at once,
 * other nodes' changes show within the cache time.
 */
public final class RegistryDefinitionResolver implements PassTicketDefinitionResolver {

    public static final String PTKTDATA = "PTKTDATA";

    private record Cached(Optional<PassTicketDefinition> definition, long loadedAt) {
    }

    private final ProfileStore profiles;
    private final SecretBox box;
    private final Clock clock;
    private final long cacheMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RegistryDefinitionResolver(ProfileStore profiles, SecretBox box, Clock clock, long cacheMillis) {
        this.profiles = profiles;
        this.box = box;
        this.clock = clock;
        this.cacheMillis = cacheMillis;
    }

    @Override
    public Optional<PassTicketDefinition> find(String profileName) {
        long now = clock.millis();
        Cached c = cache.get(profileName);
        if (c == null || now - c.loadedAt() > cacheMillis) {
            c = new Cached(load(profileName), now);
            cache.put(profileName, c);
        }
        return c.definition();
    }

    public void invalidate() {
        cache.clear();
    }

    private Optional<PassTicketDefinition> load(String name) {
        return profiles.find(PTKTDATA, name).filter(p -> !p.generic()).map(p -> segment(p).definition(p.name(),
                p.appldata()));
    }

    SsignonSegment segment(ProfileRecord p) {
        return p.hasSsignon() ? SsignonSegment.decodeSealed(box, p.sealedSsignon(), p.name()) : SsignonSegment.empty();
    }

    static String boundTo(String profile) {
        return PTKTDATA + "/" + profile;
    }
}
