package dev.passgate.session;

import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.camel.support.service.ServiceSupport;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.RAMJobStore;

/**
 * The node's own in-memory Quartz scheduler for its sessions' idle timers. A session never
 * outlives its node's life (a node logs out at start what a crash left; the survivors log out a
 * lost node's sessions), so its timer needs no row in the store: the JDBC job store would cost
 * two transactions per session, each taking Quartz's trigger lock, which serialises every
 * connect and logout of the node. Running from the module's start to its stop, after the last
 * logout.
 */
final class IdleTimerScheduler extends ServiceSupport implements Supplier<Scheduler> {

    private final String node;
    private volatile Scheduler scheduler;

    /** @param node this node's system name, in the scheduler's name for operators' JMX and thread dumps */
    IdleTimerScheduler(String node) {
        this.node = node;
    }

    @Override
    public Scheduler get() {
        Scheduler s = scheduler;
        if (s == null) {
            throw new IllegalStateException("the idle-timer scheduler is not running");
        }
        return s;
    }

    @Override
    protected void doStart() throws SchedulerException {
        Properties p = new Properties();
        // Quartz keeps schedulers JVM-wide by name: each life of each node gets its own.
        p.put(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "PassGate-idle-" + node + "-" + UUID.randomUUID());
        p.put(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        // A slow timeout route never holds these threads (IdleTimerRoute does not wait for it), but
        // many sessions can fall due together: fetch triggers in batches, a little ahead of time.
        p.put("org.quartz.threadPool.threadCount", "4");
        p.put("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "100");
        p.put("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "500");
        // A trigger late by less than this still fires in the normal batches; past it, Quartz's
        // misfire handling takes over, which is far too slow for thousands of sessions.
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        p.put("org.quartz.threadPool.threadNamePrefix", "passgate-idle-timer");
        p.put("org.quartz.scheduler.jmx.export", "true");
        Scheduler s = new StdSchedulerFactory(p).getScheduler();
        s.start();
        scheduler = s;
    }

    /** Also drops the scheduler from Quartz's JVM-wide repository. */
    @Override
    protected void doStop() throws SchedulerException {
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null && !s.isShutdown()) {
            s.shutdown(false);
        }
    }
}
