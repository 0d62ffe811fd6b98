package dev.passgate.jobs;

import dev.passgate.passticket.RacfName;
import dev.passgate.settings.PassGateSettings;

/** The job monitor's listener and runner ({@code passgate.jobs.*}); the rest it shares with the daemon. */
public record JobsSettings(String host, int port, String applid, boolean tls, int threads, int maxQueued) {

    /** Address the job monitor's port binds to (default: the daemon's). */
    public static final String HOST = "passgate.jobs.host";
    /** The job monitor's port; 0 turns it off. */
    public static final String PORT = "passgate.jobs.port";
    /** The APPLID job-monitor logon tickets are evaluated for (default: the daemon's, as RSE and JES share one). */
    public static final String APPLID = "passgate.jobs.applid";
    /** TLS on the job monitor's port, with the daemon's key and trust stores. */
    public static final String TLS_ENABLED = "passgate.jobs.tls.enabled";
    /** Jobs that run at once. */
    public static final String THREADS = "passgate.jobs.threads";
    /** Jobs that may wait for a thread; past that a submit gets POOLS_EXHAUSTED. */
    public static final String MAX_QUEUED = "passgate.jobs.max-queued";

    public static JobsSettings from(PassGateSettings s) {
        String applid;
        try {
            applid = RacfName.normalize(s.string(APPLID), APPLID);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(APPLID + ": " + e.getMessage());
        }
        return new JobsSettings(s.string(HOST), s.integer(PORT), applid, s.flag(TLS_ENABLED), s.integer(THREADS),
                s.integer(MAX_QUEUED));
    }
}
