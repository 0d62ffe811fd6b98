package dev.passgate.testkit;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import java.time.Duration;
import java.util.List;

/** A node's audit records as a test asks about them. */
public final class AuditTrail {

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    /** The user's records of that event, newest first (null user or event: any). */
    public List<AuditLog.Entry> entries(AuditEvent event, String user) {
        return log.query(user, event, 1000);
    }

    /** Whether there is a record of the event for the user (user IDs are upper case). */
    public boolean contains(AuditEvent event, String user) {
        return !entries(event, user).isEmpty();
    }

    /** Whether there is a record of the event for the user with that outcome (SUCCESS, AUTH_FAILED, LOGOUT...). */
    public boolean contains(AuditEvent event, String user, String outcome) {
        return entries(event, user).stream().anyMatch(e -> outcome.equals(e.outcome()));
    }

    /**
     * Waits up to 5 s for a record of the event for the user (a session's end is recorded after
     * its reply); the newest such record.
     *
     * @throws AssertionError naming the records the user has when none comes
     */
    public AuditLog.Entry assertContains(AuditEvent event, String user) {
        try {
            Eventually.waitFor(Duration.ofSeconds(5), () -> contains(event, user));
        } catch (AssertionError e) {
            throw new AssertionError("no " + event + " record for " + user + "; the user's records: "
                    + entries(null, user).stream().map(AuditLog.Entry::line).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a " + event + " record");
        }
        return entries(event, user).get(0);
    }
}
