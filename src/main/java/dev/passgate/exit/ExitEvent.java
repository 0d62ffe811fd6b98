package dev.passgate.exit;

import dev.passgate.protocol.ErrorCode;
import java.util.Objects;

/**
 * What an exit is told about one event, built by the static factory of its type so that no
 * caller lines up positional nulls. The global exit block (GXB) is what the exit's init returned;
 * the user exit block (UXB) belongs to one user ID and client address.
 *
 * @param type    the event
 * @param user    the user ID (null for init and termination, and for a logon naming no valid user)
 * @param address the client address (null for init and termination)
 * @param gxb     the global exit block
 * @param uxb     the user exit block (for init and termination a detached, empty one)
 * @param failure after-login: the logon's error code, or null when it succeeded
 * @param reason  logout: logout, timeout, cancelled, replaced, disconnected, shutdown, restart or expired
 * @param path    file: the virtual path
 * @param access  file: READ or UPDATE
 */
public record ExitEvent(ExitEventType type, String user, String address, Object gxb, UserExitBlock uxb,
        ErrorCode failure, String reason, String path, String access) {

    public ExitEvent {
        Objects.requireNonNull(type, "type");
        uxb = uxb == null ? new UserExitBlock() : uxb;
    }

    public static ExitEvent init() {
        return new ExitEvent(ExitEventType.INIT, null, null, null, null, null, null, null, null);
    }

    public static ExitEvent newSession(String user, String address, Object gxb, UserExitBlock uxb) {
        return new ExitEvent(ExitEventType.NEW_SESSION, user, address, gxb, uxb, null, null, null, null);
    }

    public static ExitEvent login(String user, String address, Object gxb, UserExitBlock uxb) {
        return new ExitEvent(ExitEventType.LOGIN, user, address, gxb, uxb, null, null, null, null);
    }

    /** The logon's outcome is known: {@code failure} is its error code, or null for a successful logon. */
    public static ExitEvent afterLogin(String user, String address, Object gxb, UserExitBlock uxb, ErrorCode failure) {
        return new ExitEvent(ExitEventType.AFTER_LOGIN, user, address, gxb, uxb, failure, null, null, null);
    }

    public static ExitEvent logout(String user, String address, Object gxb, UserExitBlock uxb, String reason) {
        return new ExitEvent(ExitEventType.LOGOUT, user, address, gxb, uxb, null, reason, null, null);
    }

    public static ExitEvent file(String user, String address, Object gxb, UserExitBlock uxb, String path, String access) {
        return new ExitEvent(ExitEventType.FILE, user, address, gxb, uxb, null, null, path, access);
    }

    public static ExitEvent termination(Object gxb) {
        return new ExitEvent(ExitEventType.TERMINATION, null, null, gxb, null, null, null, null, null);
    }

    /** after-login: whether the logon succeeded (the daemon handed out a port). */
    public boolean succeeded() {
        return type == ExitEventType.AFTER_LOGIN && failure == null;
    }

    @Override
    public String toString() {
        // No blocks: an exit may keep anything in them, secrets included.
        return "ExitEvent[" + type + (user != null ? ", " + user + " from " + address : "")
                + (path != null ? ", " + access + " " + path : "") + (reason != null ? ", " + reason : "")
                + (type == ExitEventType.AFTER_LOGIN ? ", " + (failure == null ? "OK" : failure) : "") + "]";
    }
}
