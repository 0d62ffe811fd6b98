package dev.passgate.exit;

/**
 * Who an exit call is about: the user (null when the logon names none yet), the client's
 * address and, for a logout, why the session ended. The step that knows them writes it
 * ({@link ExitKeys#SUBJECT}); the {@code exit:} endpoint reads it.
 */
public record ExitSubject(String user, String address, String reason) {

    /** A logon's subject, before its outcome is known. */
    public static ExitSubject logon(String user, String address) {
        return new ExitSubject(user, address, null);
    }

    /** An ended session's subject, with the reason the logout exit is told. */
    public static ExitSubject logout(String user, String address, String reason) {
        return new ExitSubject(user, address, reason);
    }
}
