package dev.passgate.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idle timeouts on the Quartz scheduler that camel-quartz owns, with its JDBC job store:
 * one job per session, armed for the earliest possible deadline. Requests only stamp the
 * session's last activity in memory (no database write per request); when the timer fires
 * it checks that stamp and, if the session was used since, re-arms itself for the rest.
 * An expired session goes to {@code direct:session-timeout}.
 */
public final class IdleTimeouts {

    static final String CONTEXT_KEY = "passgate.idleTimeouts";
    private static final String GROUP = "passgate-sessions";
    private static final Logger LOG = LoggerFactory.getLogger(IdleTimeouts.class);

    private final Duration timeout;
    private final Clock clock;
    private final SessionRegistry sessions;
    private final Consumer<Session> onIdle;
    private final Supplier<Scheduler> scheduler;
    private final AtomicLong triggers = new AtomicLong();
    private volatile boolean registered;

    /** @param timeout zero for sessions that never time out */
    public IdleTimeouts(Duration timeout, Clock clock, SessionRegistry sessions, Consumer<Session> onIdle,
            Supplier<Scheduler> scheduler) {
        this.timeout = timeout;
        this.clock = clock;
        this.sessions = sessions;
        this.onIdle = onIdle;
        this.scheduler = scheduler;
    }

    public long timeoutSeconds() {
        return timeout.toSeconds();
    }

    public void start(Session session) {
        if (timeout.isZero()) {
            return;
        }
        try {
            Scheduler s = scheduler();
            var job = JobBuilder.newJob(SessionTimeoutJob.class).withIdentity(session.id(), GROUP)
                    .usingJobData("session", session.id()).build(); // not durable: it goes with its last trigger
            s.scheduleJob(job, trigger(job.getKey(), session.lastActivity() + timeout.toMillis()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the idle timeout of a session", e);
        }
    }

    /** A session ended for another reason than its timer: its timer goes. */
    public void stop(String sessionId) {
        if (timeout.isZero()) {
            return;
        }
        try {
            scheduler().deleteJob(new JobKey(sessionId, GROUP));
        } catch (SchedulerException e) {
            // Its trigger is firing right now; the job goes by itself when that trigger completes.
            LOG.debug("Idle timer of a session not removed: {}", e.toString());
        }
    }

    /** The timer of a session fired: end it, re-arm it, or (session gone) drop it. */
    void fired(String sessionId) throws SchedulerException {
        var found = sessions.find(sessionId);
        if (found.isEmpty()) {
            scheduler().deleteJob(new JobKey(sessionId, GROUP)); // ended, or left by a previous life
            return;
        }
        Session session = found.get();
        long deadline = session.lastActivity() + timeout.toMillis();
        if (clock.millis() >= deadline) {
            onIdle.accept(session);
        } else {
            scheduler().scheduleJob(trigger(new JobKey(sessionId, GROUP), deadline));
        }
    }

    private Trigger trigger(JobKey job, long at) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getName() + "-" + triggers.incrementAndGet(), GROUP)
                .startAt(new Date(at)).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withMisfireHandlingInstructionFireNow()).build();
    }

    private Scheduler scheduler() throws SchedulerException {
        Scheduler s = scheduler.get();
        if (!registered) {
            s.getContext().put(CONTEXT_KEY, this);
            registered = true;
        }
        return s;
    }

    /** The Quartz job: hands the firing to the IdleTimeouts of its scheduler. */
    @DisallowConcurrentExecution
    public static class SessionTimeoutJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                IdleTimeouts timeouts = (IdleTimeouts) context.getScheduler().getContext().get(CONTEXT_KEY);
                String id = context.getMergedJobDataMap().getString("session");
                if (timeouts == null) {
                    context.getScheduler().deleteJob(context.getJobDetail().getKey()); // from a previous life
                } else {
                    timeouts.fired(id);
                }
            } catch (SchedulerException e) {
                throw new JobExecutionException(e);
            }
        }
    }
}
