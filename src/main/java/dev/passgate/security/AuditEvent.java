package dev.passgate.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an audit record is about; stored by name in {@code audit_log.event}. */
public enum AuditEvent {
    /** A logon's credentials were checked (password, PassTicket, certificate, trusted partner). */
    VERIFY,
    /** A user was revoked (by command or by too many failed logons). */
    REVOKE,
    /** A RACF command ran (or was refused). */
    COMMAND,
    /** A session ended; the outcome says why (logout, timeout, cancelled, replaced, shutdown, restart, ...). */
    LOGOUT,
    /** A PassTicket was generated. */
    PTKT_GENERATE,
    /** A PassTicket was evaluated. */
    PTKT_EVALUATE,
    /**
     * The security environments PassGate built for a session from PassTickets of its own (the
     * session's and each miner's): one record per connect, and one for each that failed to build.
     */
    SESSION_ENVIRONMENTS,
    /** A login exit refused a request. */
    EXIT,
    /** A login exit failed (threw, hung, or failed its initialisation). */
    EXIT_FAULT,
    /** Audit records past their retention were purged. */
    AUDIT_PURGE,
    /** A job was submitted (or refused). */
    JOB_SUBMIT,
    /** A job was cancelled (or the cancel refused). */
    JOB_CANCEL,
    /** A job and its output were purged (or the purge refused). */
    JOB_PURGE;

    /** The event of a name as an operator types it, any case; empty when there is none of that name. */
    public static Optional<AuditEvent> find(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.name().equals(upper)).findFirst();
    }

    /** The names, for a message that says what is accepted. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
