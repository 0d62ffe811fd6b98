package dev.passgate.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idle timeouts on the node's own in-memory Quartz scheduler ({@link IdleTimerScheduler}):
 * one trigger per session, armed for the earliest possible deadline. Requests only stamp the
 * session's last activity in memory (no database write per request). A firing goes to the
 * {@code session-timeout} route (its {@code from} is Quartz), which decides with
 * {@link #check}: end the session, or {@link #rearm} the timer for the rest.
 */
public final class IdleTimeouts {

    static final String CONTEXT_KEY = "passgate.idleTimeouts";
    /** The job data entry naming the job's session. */
    public static final String SESSION_DATA = "session";
    private static final String GROUP = "passgate-sessions";
    /**
     * The one job every session's timer fires: a job per session as well would cost each idle
     * session a second object graph in the scheduler's memory for nothing.
     */
    private static final JobKey JOB = new JobKey("idle-timeout", GROUP);
    private static final Logger LOG = LoggerFactory.getLogger(IdleTimeouts.class);

    private final Duration timeout;
    private final Clock clock;
    private final Consumer<JobExecutionContext> route;
    private final Supplier<Scheduler> scheduler;
    private volatile Scheduler registeredWith;

    /**
     * @param timeout zero for sessions that never time out
     * @param route   takes each firing to the timeout route
     */
    public IdleTimeouts(Duration timeout, Clock clock, Consumer<JobExecutionContext> route, Supplier<Scheduler> scheduler) {
        this.timeout = timeout;
        this.clock = clock;
        this.route = route;
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
            scheduler().scheduleJob(trigger(session.id(), deadline(session)));
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
            scheduler().unscheduleJob(new TriggerKey(sessionId, GROUP));
        } catch (SchedulerException | IllegalStateException e) {
            // The node is stopping, and its scheduler went with every timer.
            LOG.debug("Idle timer of a session not removed: {}", e.toString());
        }
    }

    /** The session a firing's job data names, if any (the timeout route's own start-up firing names none). */
    public static String sessionOf(JobDataMap data) {
        return data == null ? null : data.getString(SESSION_DATA);
    }

    /** Whether the session was idle for the whole timeout, or used since its timer was armed. */
    public IdleCheck check(Session session) {
        return clock.millis() >= deadline(session) ? IdleCheck.EXPIRED : IdleCheck.USED;
    }

    /**
     * Arms the fired timer of a used session again, for its new deadline. The firing's trigger
     * is replaced while its job runs (Quartz then keeps the replacement), or is already gone.
     */
    public void rearm(Session session) {
        try {
            Scheduler s = scheduler();
            Trigger next = trigger(session.id(), deadline(session));
            if (s.rescheduleJob(next.getKey(), next) == null) {
                s.scheduleJob(next);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot re-arm the idle timeout of a session", e);
        }
    }

    private long deadline(Session session) {
        return session.lastActivity() + timeout.toMillis();
    }

    /** A session's timer is a trigger of its own (named for the session) on the one job of every session's timers. */
    private static Trigger trigger(String sessionId, long at) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity(sessionId, GROUP).usingJobData(SESSION_DATA, sessionId)
                .startAt(new Date(at)).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withMisfireHandlingInstructionFireNow()).build();
    }

    private Scheduler scheduler() throws SchedulerException {
        Scheduler s = scheduler.get();
        if (registeredWith != s) { // each life of the module has a scheduler of its own
            s.getContext().put(CONTEXT_KEY, this);
            s.addJob(JobBuilder.newJob(SessionTimeoutJob.class).withIdentity(JOB).storeDurably().build(), true);
            registeredWith = s;
        }
        return s;
    }

    /**
     * The Quartz job: hands the firing to the timeout route of its scheduler's node. A timer that
     * earlier versions left in the node's JDBC job store fires on that scheduler, which has no
     * idle timeouts of its own, and just goes. Firings run side by side: every session's timer
     * fires this one job.
     */
    public static class SessionTimeoutJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                IdleTimeouts timeouts = (IdleTimeouts) context.getScheduler().getContext().get(CONTEXT_KEY);
                if (timeouts == null) {
                    context.getScheduler().deleteJob(context.getJobDetail().getKey()); // from a previous life
                } else {
                    timeouts.route.accept(context);
                }
            } catch (SchedulerException e) {
                throw new JobExecutionException(e);
            }
        }
    }
}
