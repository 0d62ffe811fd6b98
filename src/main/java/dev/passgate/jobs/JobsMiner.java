package dev.passgate.jobs;

import dev.passgate.miner.Miner;
import dev.passgate.protocol.Request;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.session.Session;
import java.util.Map;

/**
 * {@code jobs.*} on a session, the job monitor's or an RSE session's: the operations of
 * {@link JobMonitor} in the miner's own security environment.
 */
public class JobsMiner extends Miner {

    private final JobMonitor monitor;

    public JobsMiner(JobMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    protected Map<String, Object> handle(String verb, Request request, Session session, SecurityEnvironment env) {
        return monitor.handle(verb, request, session, env);
    }
}
