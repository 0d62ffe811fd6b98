package dev.passgate.session;

import dev.passgate.exit.LoginExits;
import dev.passgate.flow.StepContract;
import dev.passgate.flow.StepContractCheck;
import dev.passgate.partner.ClusterMembership;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolSettings;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.server.ServerSettings;
import dev.passgate.store.ClusterMessages;
import dev.passgate.store.Jdbc;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Sessions: the client IDs a logon hands out, the live sessions, their rows in the store, the
 * idle timer on the node's in-memory Quartz scheduler, and every step of {@code passgate/routes/session.camel.yaml} under the name the
 * routes use, with what the routes' callers provide declared for the start-up contract check. Adds {@link SessionLifecycle} (crash recovery at start, logout of every session
 * while the routes still run at stop); what is left when it stops is closed without an audit.
 *
 * <p>Collaborators come through the constructor rather than {@code @BindToRegistry} parameters:
 * the daemon module above needs this module's registries and codec as Java objects, not by name.
 */
public final class SessionModule extends ServiceSupport {

    private final SessionSettings settings;
    private final JsonLines lines;
    private final Clock clock;
    private final ProducerTemplate template;
    private final LoginExits exits;
    private final SecurityRegistry security;
    private final ConnectionRegistry connections;
    private final SessionRegistry sessions = new SessionRegistry();
    private final ClientIdRegistry<PendingSession> clientIds;
    private final IdleTimerScheduler idleScheduler;
    private final IdleTimeouts idle;
    private final SessionStore sessionStore;
    private final PassTicketEnvironments environments;
    private final ClusterMessages clusterMessages;
    private final SingleLogonRule singleLogonRule;
    private final ClusterMembership membership;

    public SessionModule(CamelContext context, String applid, String systemName, SessionSettings settings,
            ServerSettings server, ProtocolSettings protocol, SecurityRegistry security, Clock clock, ProducerTemplate template,
            LoginExits exits, ConnectionRegistry connections, ClusterMembership membership) {
        this.settings = settings;
        this.lines = protocol.lines();
        this.clock = clock;
        this.template = template;
        this.exits = exits;
        this.security = security;
        this.connections = connections;
        this.clientIds = new ClientIdRegistry<>(clock, server.bindClientIp());
        this.idleScheduler = new IdleTimerScheduler(systemName);
        this.idle = new IdleTimeouts(settings.idleTimeout(), clock, new IdleTimerRoute(context), idleScheduler);
        this.sessionStore = new SessionStore(new Jdbc(security.dataSource()), security.audit(), systemName);
        this.environments = security.sessionEnvironments(applid);
        this.clusterMessages = security.cluster();
        this.singleLogonRule = new SingleLogonRule(sessionStore, clusterMessages, systemName, sessions, template);
        this.membership = membership;
        // Cut off from the store for too long, this node was logged out by the others (audited, exits
        // run): what it still holds here is no session of the cluster's any more.
        membership.onDeclaredLost(() -> sessions.all().forEach(s -> {
            idle.stop(s.id());
            sessions.end(s, null);
        }));
        context.getManagementStrategy().addEventNotifier(new SessionLifecycle(sessionStore, sessions, exits, template));
        declareEndpoints(StepContractCheck.of(context));
    }

    /** What the callers of the session routes put on the exchange, for the routes' start-up check. */
    private static void declareEndpoints(StepContractCheck check) {
        check.endpoint(ConnectHandshake.ENDPOINT, StepContract.writes(SessionKeys.CHANNEL_KEY, SessionKeys.CLIENT_ADDRESS_KEY,
                SessionKeys.HANDOFF_KEY));
        check.endpoint(SessionHandler.REQUEST_ENDPOINT, StepContract.writes(SessionKeys.SESSION_KEY));
        // Callers give the session and the reason; the logout reply as its last line is optional.
        check.endpoint(SessionHandler.LOGOUT_ENDPOINT, StepContract.writes(SessionKeys.SESSION_KEY, SessionKeys.REASON_KEY));
    }

    // session-connect

    @BindToRegistry("parseConnect")
    public ParseConnectProcessor parseConnect() {
        return new ParseConnectProcessor(lines);
    }

    @BindToRegistry("validateClientId")
    public ValidateClientIdProcessor validateClientId() {
        return new ValidateClientIdProcessor(clientIds);
    }

    @BindToRegistry("startMiners")
    public StartMinersProcessor startMiners() {
        return new StartMinersProcessor(settings.miners(), environments, security.access());
    }

    @BindToRegistry("createSession")
    public CreateSessionProcessor createSession() {
        return new CreateSessionProcessor(clock);
    }

    @BindToRegistry("persistSession")
    public PersistSessionProcessor persistSession() {
        return new PersistSessionProcessor(sessionStore);
    }

    @BindToRegistry("registerSession")
    public RegisterSessionProcessor registerSession() {
        return new RegisterSessionProcessor(sessions, connections);
    }

    @BindToRegistry("sessionStarted")
    public SessionStartedProcessor sessionStarted() {
        return new SessionStartedProcessor(exits);
    }

    @BindToRegistry("attachSessionHandler")
    public AttachSessionHandlerProcessor attachSessionHandler() {
        return new AttachSessionHandlerProcessor(template, lines, sessionStore);
    }

    @BindToRegistry("singleLogon")
    public SingleLogonProcessor singleLogon() {
        return new SingleLogonProcessor(singleLogonRule);
    }

    @BindToRegistry("scheduleIdleTimeout")
    public ScheduleIdleTimeoutProcessor scheduleIdleTimeout() {
        return new ScheduleIdleTimeoutProcessor(idle);
    }

    @BindToRegistry("connectReply")
    public ConnectReplyProcessor connectReply() {
        return new ConnectReplyProcessor(lines, idle.timeoutSeconds());
    }

    @BindToRegistry("sessionError")
    public SessionErrorProcessor sessionError() {
        return new SessionErrorProcessor(lines);
    }

    // session-request

    @BindToRegistry("parseSessionRequest")
    public ParseSessionRequestProcessor parseSessionRequest() {
        return new ParseSessionRequestProcessor(lines);
    }

    @BindToRegistry("touchSession")
    public TouchSessionProcessor touchSession() {
        return new TouchSessionProcessor(clock);
    }

    @BindToRegistry("whoami")
    public WhoamiProcessor whoami() {
        return new WhoamiProcessor(lines);
    }

    @BindToRegistry("logoutRequest")
    public LogoutRequestProcessor logoutRequest() {
        return new LogoutRequestProcessor(lines);
    }

    @BindToRegistry("dispatchMiner")
    public DispatchMinerProcessor dispatchMiner() {
        return new DispatchMinerProcessor();
    }

    @BindToRegistry("minerReply")
    public MinerReplyProcessor minerReply() {
        return new MinerReplyProcessor(lines);
    }

    // session-timeout

    @BindToRegistry("checkIdle")
    public CheckIdleProcessor checkIdle() {
        return new CheckIdleProcessor(sessions, idle);
    }

    @BindToRegistry("rearmIdleTimer")
    public RearmIdleTimerProcessor rearmIdleTimer() {
        return new RearmIdleTimerProcessor(idle);
    }

    @BindToRegistry("onSessionThread")
    public OnSessionThreadProcessor onSessionThread() {
        return new OnSessionThreadProcessor();
    }

    // session-logout

    /** The logout's first step (it ends the session in memory); the name the routes have always used. */
    @BindToRegistry("endSession")
    public ReleaseSessionProcessor endSession() {
        return new ReleaseSessionProcessor(sessions);
    }

    @BindToRegistry("stopIdleTimer")
    public StopIdleTimerProcessor stopIdleTimer() {
        return new StopIdleTimerProcessor(idle);
    }

    @BindToRegistry("recordSessionEnd")
    public RecordSessionEndProcessor recordSessionEnd() {
        return new RecordSessionEndProcessor(sessionStore);
    }

    @BindToRegistry("closeSession")
    public CloseSessionProcessor closeSession() {
        return new CloseSessionProcessor(sessions, lines);
    }

    // lost-node-reaper

    @BindToRegistry("findLostNodes")
    public FindLostNodesProcessor findLostNodes() {
        return new FindLostNodesProcessor(membership);
    }

    @BindToRegistry("logOutLostSessions")
    public LogOutLostSessionsProcessor logOutLostSessions() {
        return new LogOutLostSessionsProcessor(sessionStore, exits);
    }

    @BindToRegistry("forgetLostNodes")
    public ForgetLostNodesProcessor forgetLostNodes() {
        return new ForgetLostNodesProcessor(membership, clusterMessages);
    }

    /** The JSON-lines codec of every PassGate port. */
    public JsonLines lines() {
        return lines;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public ClientIdRegistry<PendingSession> clientIds() {
        return clientIds;
    }

    /** Session and miner environments, built from fresh PassTickets for PassGate's APPLID. */
    public PassTicketEnvironments environments() {
        return environments;
    }

    /** The sessions' rows in the store, this node's and the others'. */
    public SessionStore sessionStore() {
        return sessionStore;
    }

    /** Messages from the other nodes of the store (CANCEL, SEND, single logon) for this node's sessions. */
    public ClusterMessages clusterMessages() {
        return clusterMessages;
    }

    @Override
    protected void doStart() {
        idleScheduler.start();
        clusterMessages.start();
    }

    /** What the logout at stop did not reach (a session still connecting) is closed unaudited. */
    @Override
    protected void doStop() {
        sessions.all().forEach(s -> sessions.end(s, null));
        idleScheduler.stop();
    }
}
