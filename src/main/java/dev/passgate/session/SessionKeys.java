package dev.passgate.session;

import dev.passgate.flow.FlowKey;
import dev.passgate.protocol.Request;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.server.ClientAddress;
import io.netty.channel.Channel;

/**
 * Exchange properties the session routes and miners share. The names stay plain strings for
 * miners and routes written elsewhere; each {@code *_KEY} is the same property typed, for the
 * steps' contracts ({@link dev.passgate.flow.StepContract}).
 */
public final class SessionKeys {

    /** The {@link Session} a request belongs to. */
    public static final String SESSION = "PassGateSession";
    /** The parsed {@link dev.passgate.protocol.Request}. */
    public static final String REQUEST = "PassGateRequest";
    /** The request's op as text ("files.list", "logout"), for the route's dispatch. */
    public static final String OP = "PassGateOp";
    /** The miner a request goes to ("files" for "files.list"). */
    public static final String MINER = "PassGateMiner";
    /** The miner's verb ("list" for "files.list"). */
    public static final String VERB = "PassGateVerb";
    /** The miner's own security environment. */
    public static final String MINER_ENVIRONMENT = "PassGateMinerEnvironment";
    /** Set to end the session once the reply is written; the value is the {@link SessionEndReason}. */
    public static final String END = "PassGateEndSession";
    /** For the connect route: the client's Netty channel and whether the handshake accepted it. */
    public static final String CHANNEL = "PassGateChannel";
    public static final String ACCEPTED = "PassGateAccepted";
    /** For the connect route: the logon that the client ID redeemed. */
    public static final String PENDING = "PassGatePending";
    /** For the connect route: the miners that started, each with its own environment. */
    public static final String MINERS_STARTED = "PassGateMinersStarted";
    /** For the logout route: the line the client gets last, before the close (the logout request's reply). */
    public static final String LAST_LINE = "PassGateLastLine";
    /** Why a session ends: a {@link SessionEndReason}, by name in YAML. */
    public static final String REASON = "PassGateReason";
    /** For the logout route: whether this end released the session or another end came first. */
    public static final String RELEASE = "PassGateRelease";
    /** For the timeout route: what the fired idle timer found. */
    public static final String IDLE = "PassGateIdle";

    public static final FlowKey<Session> SESSION_KEY = FlowKey.of(SESSION, Session.class);
    public static final FlowKey<Request> REQUEST_KEY = FlowKey.of(REQUEST, Request.class);
    public static final FlowKey<String> OP_KEY = FlowKey.of(OP, String.class);
    public static final FlowKey<String> MINER_KEY = FlowKey.of(MINER, String.class);
    public static final FlowKey<String> VERB_KEY = FlowKey.of(VERB, String.class);
    public static final FlowKey<SecurityEnvironment> MINER_ENVIRONMENT_KEY =
            FlowKey.of(MINER_ENVIRONMENT, SecurityEnvironment.class);
    public static final FlowKey<SessionEndReason> END_KEY = FlowKey.of(END, SessionEndReason.class);
    public static final FlowKey<Channel> CHANNEL_KEY = FlowKey.of(CHANNEL, Channel.class);
    public static final FlowKey<ClientAddress> CLIENT_ADDRESS_KEY = FlowKey.of(ClientAddress.PROPERTY, ClientAddress.class);
    public static final FlowKey<ClientIdRegistry.Handoff> HANDOFF_KEY =
            FlowKey.of(ConnectHandshake.HANDOFF, ClientIdRegistry.Handoff.class);
    public static final FlowKey<Boolean> ACCEPTED_KEY = FlowKey.of(ACCEPTED, Boolean.class);
    public static final FlowKey<PendingSession> PENDING_KEY = FlowKey.of(PENDING, PendingSession.class);
    public static final FlowKey<MinerEnvironments> MINERS_STARTED_KEY = FlowKey.of(MINERS_STARTED, MinerEnvironments.class);
    public static final FlowKey<String> LAST_LINE_KEY = FlowKey.of(LAST_LINE, String.class);
    public static final FlowKey<SessionEndReason> REASON_KEY = FlowKey.of(REASON, SessionEndReason.class);
    /** For the lost-node reaper: the nodes this run found lost. */
    public static final String LOST_NODES = "PassGateLostNodes";
    public static final FlowKey<LostNodes> LOST_NODES_KEY = FlowKey.of(LOST_NODES, LostNodes.class);
    public static final FlowKey<SessionRelease> RELEASE_KEY = FlowKey.of(RELEASE, SessionRelease.class);
    public static final FlowKey<IdleCheck> IDLE_KEY = FlowKey.of(IDLE, IdleCheck.class);

    private SessionKeys() {
    }
}
