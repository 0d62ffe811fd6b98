package dev.passgate.jobs;

import dev.passgate.security.SecurityEnvironment;
import dev.passgate.session.Session;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job while it runs on this node: who it runs as, the session that submitted it (whose
 * client address the miners' exits see), its next output line, and whether it should stop.
 * The workflow's exchange carries it as the property {@link #PROPERTY}.
 */
public final class JobRun {

    public static final String PROPERTY = "PassGateJobRun";

    private final Job job;
    private final Session submitter;
    private final AtomicInteger nextLine = new AtomicInteger();
    private volatile SecurityEnvironment environment;
    private volatile String stopReason;

    private final JobStore store;

    JobRun(Job job, Session submitter, JobStore store) {
        this.job = job;
        this.submitter = submitter;
        this.store = store;
    }

    /** Spools text as the job's next output lines, one per line of it. */
    public void output(String text) {
        for (String line : text.split("\r?\n", -1)) {
            store.output(job.id(), nextLine.getAndIncrement(), line);
        }
    }

    public Job job() {
        return job;
    }

    public Session submitter() {
        return submitter;
    }

    /** The owner's own environment, built from a fresh PassTicket when the job started. */
    public SecurityEnvironment environment() {
        return environment;
    }

    void environment(SecurityEnvironment env) {
        this.environment = env;
    }

    /** Asks the workflow to stop at its next jobs: step. */
    void stop(String reason) {
        stopReason = reason;
    }

    boolean stopped() {
        return stopReason != null;
    }

    /** @throws JobCancelledException when the job was asked to stop */
    public void checkRunning() {
        String r = stopReason;
        if (r != null) {
            throw new JobCancelledException(r);
        }
    }
}
