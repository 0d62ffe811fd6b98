package dev.passgate.store;

import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.core.QuartzScheduler;
import org.quartz.core.QuartzSchedulerResources;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts camel-quartz's scheduler on PassGate's database (Quartz's JDBC job store, tables
 * from migration V3), so that session timers and scheduled routes survive a restart.
 * Embedded H2 serves one node; nodes sharing one database (PostgreSQL) keep their rows apart by system name.
 *
 * <p>The scheduler belongs to its CamelContext: its own name in Quartz's JVM-wide scheduler
 * repository, its connections from the context's own DataSource ({@link NodeJobStore}), shut
 * down (and so dropped from that repository) when the context stops.
 */
public final class QuartzStore {

    private QuartzStore() {
    }

    /** @param node this node's system name: the name on its rows, so nodes sharing the tables keep their own jobs */
    public static void configure(CamelContext context, DataSource dataSource, String node) throws Exception {
        Properties p = new Properties();
        // Quartz keeps schedulers JVM-wide by this name and hands an existing one to whoever asks by
        // it: two PassGates in one JVM with one system name would share a scheduler, and with it one
        // database and one idle-timer handler. The node's name stays on the rows (NodeJobStore).
        p.put("org.quartz.scheduler.instanceName", "PassGate-" + node + "-" + UUID.randomUUID());
        p.put("org.quartz.jobStore.class", NodeJobStore.class.getName());
        p.put("org.quartz.jobStore.nodeName", "PassGate-" + node);
        p.put("org.quartz.jobStore.driverDelegateClass", StoreVendor.of(dataSource).quartzDelegate());
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // A trigger late by less than this still fires in the normal batches; past it, Quartz's
        // misfire handler takes over, twenty at a time, which is far too slow for thousands of sessions.
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        p.put("org.quartz.threadPool.threadCount", "20");
        // Many sessions can fall due together: fetch triggers in batches, a little ahead of time.
        p.put("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "100");
        p.put("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "500");
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        // camel-quartz turns this on for the factories it makes itself; kept for operators' JMX views.
        p.put("org.quartz.scheduler.jmx.export", "true");
        ContextSchedulerFactory factory;
        try {
            factory = new ContextSchedulerFactory(p, dataSource);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refuses PassGate's scheduler settings: " + e.getMessage(), e);
        }
        context.getComponent("quartz", QuartzComponent.class).setSchedulerFactory(factory);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                // camel-quartz shuts its scheduler down when the component stops, unless it still
                // counts jobs of routes; this one serves only this context, so it goes in any case,
                // before the store's pool closes (services stop in reverse order; the store's came first).
                factory.shutdown();
            }
        }, true, true);
    }

    /** Builds this context's scheduler (again after a restart) and hands its job store the context's DataSource. */
    private static final class ContextSchedulerFactory extends StdSchedulerFactory {

        private static final Logger QUARTZ_LOG = LoggerFactory.getLogger(StdSchedulerFactory.class);

        private final DataSource dataSource;
        private volatile Scheduler scheduler;

        ContextSchedulerFactory(Properties properties, DataSource dataSource) throws SchedulerException {
            super(properties);
            this.dataSource = dataSource;
        }

        /** Quartz's messages under Quartz's name, so that logging set up for org.quartz still applies. */
        @Override
        public Logger getLog() {
            return QUARTZ_LOG;
        }

        /** Quartz's hook between creating the job store from its class name and initialising it. */
        @Override
        protected Scheduler instantiate(QuartzSchedulerResources resources, QuartzScheduler quartz) {
            ((NodeJobStore) resources.getJobStore()).use(dataSource);
            scheduler = super.instantiate(resources, quartz);
            return scheduler;
        }

        void shutdown() throws SchedulerException {
            Scheduler s = scheduler;
            if (s != null && !s.isShutdown()) {
                s.shutdown(true);
            }
        }
    }
}
