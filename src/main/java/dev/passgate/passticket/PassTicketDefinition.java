package dev.passgate.passticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One application's PassTicket definition: what RACF keeps in the SSIGNON segment of a
 * PTKTDATA profile, plus the profile's APPLDATA.
 *
 * <p>Algorithms are built once per definition, so a cached definition generates and
 * evaluates without setting up ciphers again.
 */
public final class PassTicketDefinition {

    /** Legacy tickets are valid this many seconds either side of the evaluator's clock. */
    public static final int LEGACY_WINDOW_SECONDS = 600;
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final String NO_REPLAY_PROTECTION = "NO REPLAY PROTECTION";

    private final String profile;
    private final boolean hasLegacyKey;
    private final boolean hasEnhancedKey;
    private final int timeoutSeconds;
    private final boolean replayAllowed;
    private final String appldata;
    private final PassTicketAlgorithm legacy;
    private final PassTicketAlgorithm enhanced;

    /**
     * @param profile        the PTKTDATA profile name (an APPLID, or a qualified APPL.GROUP.USER form)
     * @param legacyKey      DES key, or null
     * @param enhancedKey    HMAC key, or null
     * @param enhancedType   UPPER or MIXED; ignored without an enhanced key
     * @param timeoutSeconds enhanced tickets' window either side of now, 1 to 600
     * @param replayAllowed  REPLAY(YES): enhanced tickets may be used more than once
     * @param appldata       the profile's APPLDATA, or null
     */
    public PassTicketDefinition(String profile, PassTicketKey legacyKey, PassTicketKey enhancedKey,
            PassTicketType enhancedType, int timeoutSeconds, boolean replayAllowed, String appldata) {
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("TIMEOUT must be 1 to 600 seconds, not " + timeoutSeconds);
        }
        this.profile = profile;
        this.hasLegacyKey = legacyKey != null;
        this.hasEnhancedKey = enhancedKey != null;
        this.timeoutSeconds = timeoutSeconds;
        this.replayAllowed = replayAllowed;
        this.appldata = appldata == null ? "" : appldata;
        this.legacy = legacyKey == null ? null : new LegacyPassTicketAlgorithm(legacyKey);
        this.enhanced = enhancedKey == null ? null
                : new EnhancedPassTicketAlgorithm(enhancedKey, enhancedType == null ? PassTicketType.MIXED : enhancedType);
    }

    public String profile() {
        return profile;
    }

    public boolean hasLegacyKey() {
        return hasLegacyKey;
    }

    public boolean hasEnhancedKey() {
        return hasEnhancedKey;
    }

    public boolean hasKey() {
        return hasLegacyKey || hasEnhancedKey;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public String appldata() {
        return appldata;
    }

    /** The algorithm new tickets are made with: enhanced when the profile has an enhanced key. */
    public Optional<PassTicketAlgorithm> generator() {
        return Optional.ofNullable(enhanced != null ? enhanced : legacy);
    }

    /** The algorithms an offered ticket may have been made with, enhanced first. */
    public List<PassTicketAlgorithm> evaluators() {
        List<PassTicketAlgorithm> all = new ArrayList<>(2);
        if (enhanced != null) {
            all.add(enhanced);
        }
        if (legacy != null) {
            all.add(legacy);
        }
        return all;
    }

    /** Seconds either side of the evaluator's clock in which a ticket of this type is valid. */
    public int windowSeconds(PassTicketType type) {
        return type == PassTicketType.LEGACY ? LEGACY_WINDOW_SECONDS : timeoutSeconds;
    }

    /**
     * Whether an accepted ticket of this type must be refused when offered again. RACF
     * turns legacy protection off through APPLDATA and enhanced protection through REPLAY(YES).
     */
    public boolean replayProtected(PassTicketType type) {
        return type == PassTicketType.LEGACY ? !appldata.startsWith(NO_REPLAY_PROTECTION) : !replayAllowed;
    }

    /** Whether a service may generate and evaluate several tickets per second for one user. */
    public boolean replayBypassed() {
        return generator().map(a -> !replayProtected(a.type())).orElse(false);
    }

    @Override
    public String toString() {
        return "PassTicketDefinition[" + profile + ", legacy key " + (hasLegacyKey ? "defined" : "none")
                + ", enhanced key " + (hasEnhancedKey ? "defined (" + enhanced.type() + ")" : "none")
                + ", timeout " + timeoutSeconds + "s, replay " + (replayAllowed ? "YES" : "NO") + "]";
    }
}
