package dev.passgate.exit;

/**
 * The login installation exit, after the z/OS NFS server's: one interface, with
 * {@link #init} and {@link #termination} around per-event callbacks. Extend
 * {@link LoginExitAdapter} and override what you need; name the class in
 * {@code passgate.exit.class}. Callbacks run under {@code passgate.exit.timeout}; an
 * exception or a hang fails only the request at hand (EXIT_REJECTED).
 */
public interface LoginExit {

    /** Once, before the daemon port opens; returns the global exit block (GXB), or null. */
    Object init() throws Exception;

    /** A user ID and client address with no active session; may set the UXB on the event. */
    ExitResult newSession(ExitEvent event) throws Exception;

    /** Every logon request. */
    ExitResult login(ExitEvent event) throws Exception;

    /** A session ended (logout, idle timeout, cancel, shutdown...). */
    void logout(ExitEvent event) throws Exception;

    /** Before each access of the files miner (the file-security exit). */
    ExitResult file(ExitEvent event) throws Exception;

    /** Once, at shutdown, after the sessions have been logged out. */
    void termination(Object gxb) throws Exception;
}
