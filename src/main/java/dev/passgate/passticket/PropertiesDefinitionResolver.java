package dev.passgate.passticket;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PassTicket definitions read from configuration, one group of keys per profile:
 *
 * <pre>
 * passgate.passticket.CICSPROD.legacy-key   = {{env:CICSPROD_KEY}}   # 16 hex digits
 * passgate.passticket.CICSPROD.enhanced-key = ...                     # 64-512 hex digits
 * passgate.passticket.CICSPROD.type         = MIXED                   # UPPER | MIXED
 * passgate.passticket.CICSPROD.timeout      = 60                      # seconds, 1-600
 * passgate.passticket.CICSPROD.replay       = NO                      # YES allows reuse (enhanced)
 * passgate.passticket.CICSPROD.appldata     = NO REPLAY PROTECTION    # legacy replay bypass
 * </pre>
 *
 * <p>Qualified profiles use the same form: {@code passgate.passticket.CICSPROD.SYSPROG.legacy-key}.
 * The lookup function is whatever resolves properties where PassGate runs (Camel's
 * properties component, with {@code {{env:...}}} and friends), so keys live in
 * configuration or the environment, never in code.
 */
public final class PropertiesDefinitionResolver implements PassTicketDefinitionResolver {

    public static final String PREFIX = "passgate.passticket.";
    private static final Logger LOG = LoggerFactory.getLogger(PropertiesDefinitionResolver.class);

    private final Function<String, Optional<String>> lookup;
    private final String systemName;
    private final Map<String, Optional<PassTicketDefinition>> cache = new ConcurrentHashMap<>();

    /**
     * @param lookup     resolves one property name to its value
     * @param systemName this node's system name, to recognise MVS&lt;sysid&gt; as unsafe
     */
    public PropertiesDefinitionResolver(Function<String, Optional<String>> lookup, String systemName) {
        this.lookup = lookup;
        this.systemName = systemName;
    }

    @Override
    public Optional<PassTicketDefinition> find(String profileName) {
        return cache.computeIfAbsent(profileName.toUpperCase(Locale.ROOT), this::load);
    }

    private Optional<PassTicketDefinition> load(String profile) {
        Optional<String> legacyHex = value(profile, "legacy-key");
        Optional<String> enhancedHex = value(profile, "enhanced-key");
        if (legacyHex.isEmpty() && enhancedHex.isEmpty()) {
            return Optional.empty();
        }
        try {
            PassTicketKey legacy = legacyHex.map(PassTicketKey::legacyHex).orElse(null);
            PassTicketKey enhanced = enhancedHex.map(PassTicketKey::enhancedHex).orElse(null);
            PassTicketType type = value(profile, "type").map(PassTicketType::parse).orElse(PassTicketType.MIXED);
            int timeout = value(profile, "timeout").map(Integer::parseInt).orElse(PassTicketDefinition.DEFAULT_TIMEOUT_SECONDS);
            boolean replay = value(profile, "replay").map(v -> v.equalsIgnoreCase("YES")).orElse(false);
            String appldata = value(profile, "appldata").orElse(null);
            if (UnsafeApplids.isUnsafe(profile, systemName)) {
                LOG.warn("PassTicket definition {}: {}", profile, UnsafeApplids.explain(profile));
            }
            return Optional.of(new PassTicketDefinition(profile, legacy, enhanced, type == PassTicketType.LEGACY
                    ? PassTicketType.MIXED : type, timeout, replay, appldata));
        } catch (IllegalArgumentException e) {
            // The message of a key parse error describes its shape, never its digits.
            throw new PassTicketSetupException(profile, "configuration " + PREFIX + profile + ".*: " + e.getMessage());
        }
    }

    private Optional<String> value(String profile, String name) {
        return lookup.apply(PREFIX + profile + "." + name).map(String::trim).filter(v -> !v.isEmpty());
    }
}
