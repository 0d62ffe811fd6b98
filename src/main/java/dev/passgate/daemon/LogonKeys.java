package dev.passgate.daemon;

import dev.passgate.flow.FlowKey;
import dev.passgate.pool.PoolLease;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.VerifyRequest;

/**
 * What the logon steps hand each other, one typed exchange property each; every step's
 * contract names the ones it reads and writes, so a route that reorders them either starts and
 * works or fails at start naming the step and what it lacks.
 */
public final class LogonKeys {

    /** parseLogon: the request and where it came from. */
    public static final FlowKey<LogonRequest> REQUEST = FlowKey.of("PassGateLogonRequest", LogonRequest.class);
    /** parseLogon: which kind of logon the request is; the route branches on it. */
    public static final FlowKey<LogonKind> KIND = FlowKey.of("PassGateLogonKind", LogonKind.class);
    /** logonRateLimit: the logon's place in its address's failure budget, until authenticate settles it. */
    public static final FlowKey<FailureRateLimiter.Attempt> ATTEMPT = FlowKey.of("PassGateLogonAttempt",
            FailureRateLimiter.Attempt.class);
    /** trustedLogon or claimUser: the user the logon is for, before the registry checks it. */
    public static final FlowKey<ClaimedUser> CLAIM = FlowKey.of("PassGateLogonClaim", ClaimedUser.class);
    /** chooseLogonCheck: whether the registry or the exit alone checks the logon. */
    public static final FlowKey<LogonCheck> CHECK = FlowKey.of("PassGateLogonCheck", LogonCheck.class);
    /** passwordCredentials, passTicketCredentials or certificateCredentials: what authenticate verifies (removed after). */
    public static final FlowKey<VerifyRequest> CREDENTIALS = FlowKey.of("PassGateLogonCredentials", VerifyRequest.class);
    /** authenticate or acceptClaim: the user let in. */
    public static final FlowKey<LogonUser> USER = FlowKey.of("PassGateLogonUser", LogonUser.class);
    /** selectThreadPool: the session's place in a pool. */
    public static final FlowKey<PoolLease> LEASE = FlowKey.of("PassGateLogonLease", PoolLease.class);
    /** createClientServer: the session's environment, built from a PassTicket. */
    public static final FlowKey<SecurityEnvironment> SESSION_ENVIRONMENT = FlowKey.of("PassGateSessionEnvironment",
            SecurityEnvironment.class);
    /** bindPort: the client's port and client ID. */
    public static final FlowKey<PortHandoff> HANDOFF = FlowKey.of("PassGateLogonHandoff", PortHandoff.class);
    /** logonReply: the client has its answer; from then on the handoff owns the lease and the port. */
    public static final FlowKey<Boolean> HANDED_OVER = FlowKey.of("PassGateLogonHandedOver", Boolean.class);

    private LogonKeys() {
    }
}
