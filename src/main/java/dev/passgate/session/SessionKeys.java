package dev.passgate.session;

/** Exchange properties and headers the session routes and miners share. */
public final class SessionKeys {

    /** The {@link Session} a request belongs to. */
    public static final String SESSION = "PassGateSession";
    /** The parsed {@link dev.passgate.protocol.Request}. */
    public static final String REQUEST = "PassGateRequest";
    /** The miner a request goes to ("files" for "files.list"). */
    public static final String MINER = "PassGateMiner";
    /** The miner's verb ("list" for "files.list"). */
    public static final String VERB = "PassGateVerb";
    /** The miner's own security environment. */
    public static final String MINER_ENVIRONMENT = "PassGateMinerEnvironment";
    /** Set to end the session once the reply is written; the value is the reason. */
    public static final String END = "PassGateEndSession";
    /** For the connect route: the client's Netty channel and whether the handshake accepted it. */
    public static final String CHANNEL = "PassGateChannel";
    public static final String ACCEPTED = "PassGateAccepted";
    /** For the connect route: the logon that the client ID redeemed. */
    public static final String PENDING = "PassGatePending";
    /** For the logout route: the line the client gets last, before the close (the logout request's reply). */
    public static final String LAST_LINE = "PassGateLastLine";
    /** Why a session ends: logout, timeout, cancelled, replaced, disconnected. */
    public static final String REASON = "PassGateReason";

    private SessionKeys() {
    }
}
