package dev.passgate.session;

import dev.passgate.exit.LoginExits;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.VerifyResult;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect step: start the session and its miners. Each miner gets a security environment
 * of its own, built from its own PassTicket; a miner protected by a
 * {@code FACILITY PASSGATE.MINER.<name>} profile starts only for users with READ on it.
 */
public class StartMinersProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(StartMinersProcessor.class);

    private final List<String> miners;
    private final PassTicketEnvironments environments;
    private final AccessChecker access;
    private final SessionRegistry sessions;
    private final ProducerTemplate template;
    private final JsonLines lines;
    private final Clock clock;
    private final LoginExits exits;
    private final SessionStore store;
    private final ConnectionRegistry connections;

    public StartMinersProcessor(List<String> miners, PassTicketEnvironments environments, AccessChecker access,
            SessionRegistry sessions, ProducerTemplate template, JsonLines lines, Clock clock, LoginExits exits,
            SessionStore store, ConnectionRegistry connections) {
        this.connections = connections;
        this.exits = exits;
        this.store = store;
        this.miners = miners;
        this.environments = environments;
        this.access = access;
        this.sessions = sessions;
        this.template = template;
        this.lines = lines;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        PendingSession pending = exchange.getProperty(SessionKeys.PENDING, PendingSession.class);
        SecurityEnvironment env = pending.environment();
        Map<String, SecurityEnvironment> started = new LinkedHashMap<>();
        for (String miner : miners) {
            String facility = "PASSGATE.MINER." + miner.toUpperCase(java.util.Locale.ROOT);
            if (access.findProfile("FACILITY", facility).isPresent()
                    && !access.check(env, "FACILITY", facility, AccessLevel.READ).allowed()) {
                continue;
            }
            VerifyResult r = environments.build(env.user(), pending.address());
            if (r.success()) {
                started.put(miner, r.environment());
            } else {
                LOG.warn("Miner {} not started for {}: {} ({})", miner, env.user(), r.outcome(), r.detail());
            }
        }
        Channel channel = exchange.getProperty(SessionKeys.CHANNEL, Channel.class);
        Session session = new Session(UUID.randomUUID().toString(), env, started, pending.lease(), pending.address(),
                pending.port(), clock.instant());
        store.add(session);
        sessions.add(session, channel);
        connections.identify(channel, "session", session.environment());
        exits.sessionStarted(session.user(), session.address());
        channel.pipeline().addLast("session", new SessionHandler(session, template, lines, store::sync));
        exchange.setProperty(SessionKeys.SESSION, session);
    }
}
