package dev.passgate.exit;

/**
 * The login installation exit, after the z/OS NFS server's and shaped like Apache FtpServer's
 * Ftplet: {@link #init} and {@link #termination} around one callback per event. Extend
 * {@link LoginExitAdapter} and override what you need; bind an instance in the Camel registry
 * and name it in {@code passgate.exit.bean}, or name the class in {@code passgate.exit.class}.
 * Callbacks run under {@code passgate.exit.timeout}; an exception or a hang fails only the
 * request at hand (EXIT_REJECTED).
 */
public interface LoginExit {

    /**
     * Once, when PassGate has started. The daemon port is already open then: a logon arriving
     * before init has returned waits for it (up to {@code passgate.exit.timeout}). Returns the
     * global exit block (GXB), or null.
     */
    Object init(ExitContext context) throws Exception;

    /** A user ID and client address with no session or logon under way; may set the UXB. */
    ExitResult newSession(ExitEvent event) throws Exception;

    /** Every logon request, before the security registry checks it. */
    ExitResult login(ExitEvent event) throws Exception;

    /**
     * Every logon that reached the exits, once its outcome is known: {@link ExitEvent#succeeded()}
     * or the error code in {@link ExitEvent#failure()}. Count logons here, not in {@link #login}.
     * Every successful after-login is followed by exactly one logout.
     */
    void afterLogin(ExitEvent event) throws Exception;

    /** A session ended (logout, idle timeout, cancel, shutdown...), or its handed-out port expired unused. */
    void logout(ExitEvent event) throws Exception;

    /** Before each access of the files miner (the file-security exit). */
    ExitResult file(ExitEvent event) throws Exception;

    /** Once, at shutdown, after the sessions have been logged out. */
    void termination(ExitEvent event) throws Exception;
}
