package dev.passgate.session;

import dev.passgate.security.SecurityEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The miners that started for a new session, each with the security environment of its own
 * PassTicket; handed from the start-miners step to the step that creates the session.
 */
public record MinerEnvironments(Map<String, SecurityEnvironment> byMiner) {

    public MinerEnvironments {
        byMiner = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byMiner)); // keeps the configured order
    }
}
