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
 * Puts camel-quartz's schedulers on PassGate's database (Quartz's JDBC job store, tables
 * from migration V3), so that scheduled routes survive a restart: the {@code quartz:} component
 * gets the node's own scheduler, whose rows carry the node's system name, and
 * {@code quartz-cluster:} the cluster's, which Quartz runs clustered over every node's store.
 * Sessions' idle timers are not here: they die with their sessions, on a scheduler in memory.
 *
 * <p>The scheduler belongs to its CamelContext: its own name in Quartz's JVM-wide scheduler
 * repository, its connections from the context's own DataSource ({@link NodeJobStore}), shut
 * down (and so dropped from that repository) when the context stops.
 */
public final class QuartzStore {

    private QuartzStore() {
    }

    /**
     * The scheme of the cluster's own scheduler: a route {@code from: quartz-cluster:...} fires once
     * per schedule across every node sharing the store, and moves to a survivor when its node dies.
     */
    public static final String CLUSTER_COMPONENT = "quartz-cluster";
    /** The one name every node's cluster scheduler writes its rows under, so that all share them. */
    static final String CLUSTER_ROWS = "PassGate-cluster";

    /**
     * @param node this node's system name: the name on its own scheduler's rows, so nodes sharing the
     *             tables keep their own jobs, and its instance name in the cluster's scheduler
     */
    public static void configure(CamelContext context, DataSource dataSource, String node) throws Exception {
        // The node's own scheduler: integrators' quartz: routes, which belong to the node that holds them.
        Properties own = properties(node, "PassGate-" + node, dataSource);
        // A trigger late by less than this still fires in the normal batches; past it, Quartz's
        // misfire handler takes over, twenty at a time.
        own.put("org.quartz.jobStore.misfireThreshold", "60000");
        own.put("org.quartz.threadPool.threadCount", "20");
        // Routes' triggers can fall due together: fetch them in batches, a little ahead of time.
        own.put("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "100");
        own.put("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "500");
        use(context, context.getComponent("quartz", QuartzComponent.class), own, dataSource, false);

        // The cluster's scheduler: Quartz's clustered JDBC job store, one set of rows for all nodes.
        // Quartz fires each trigger on one node and, when a node stops checking in, recovers its
        // triggers on another: the housekeeping routes and the dead-node reaper run once per schedule.
        Properties cluster = properties(node, CLUSTER_ROWS, dataSource);
        cluster.put("org.quartz.jobStore.isClustered", "true");
        cluster.put("org.quartz.scheduler.instanceId", node);
        cluster.put("org.quartz.jobStore.clusterCheckinInterval", "5000");
        cluster.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        cluster.put("org.quartz.threadPool.threadCount", "2");
        QuartzComponent clustered = new QuartzComponent();
        context.addComponent(CLUSTER_COMPONENT, clustered);
        use(context, clustered, cluster, dataSource, true);
    }

    private static Properties properties(String node, String rowsName, DataSource dataSource) {
        Properties p = new Properties();
        // Quartz keeps schedulers JVM-wide by this name and hands an existing one to whoever asks by
        // it: two PassGates in one JVM with one system name would share a scheduler, and with it one
        // database and one job factory. The rows' name is set apart (NodeJobStore).
        p.put("org.quartz.scheduler.instanceName", rowsName + "-" + node + "-" + UUID.randomUUID());
        p.put("org.quartz.jobStore.class", NodeJobStore.class.getName());
        p.put("org.quartz.jobStore.nodeName", rowsName);
        p.put("org.quartz.jobStore.driverDelegateClass", StoreVendor.of(dataSource).quartzDelegate());
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        // camel-quartz turns this on for the factories it makes itself; kept for operators' JMX views.
        p.put("org.quartz.scheduler.jmx.export", "true");
        return p;
    }

    private static void use(CamelContext context, QuartzComponent component, Properties p, DataSource dataSource,
            boolean anyNodesJobs) throws Exception {
        ContextSchedulerFactory factory;
        try {
            factory = new ContextSchedulerFactory(p, dataSource, anyNodesJobs ? context : null);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refuses PassGate's scheduler settings: " + e.getMessage(), e);
        }
        component.setSchedulerFactory(factory);
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
        private final CamelContext firesInto;
        private volatile Scheduler scheduler;

        /** @param firesInto for the cluster's scheduler: the context every job it fires here runs in */
        ContextSchedulerFactory(Properties properties, DataSource dataSource, CamelContext firesInto)
                throws SchedulerException {
            super(properties);
            this.dataSource = dataSource;
            this.firesInto = firesInto;
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
            Scheduler made = super.instantiate(resources, quartz);
            if (firesInto != null) {
                try {
                    made.setJobFactory(new ThisNodesCamelJobs(firesInto));
                } catch (SchedulerException e) {
                    throw new IllegalStateException("Quartz refuses PassGate's job factory: " + e.getMessage(), e);
                }
            }
            scheduler = made;
            return made;
        }

        void shutdown() throws SchedulerException {
            Scheduler s = scheduler;
            if (s != null && !s.isShutdown()) {
                s.shutdown(true);
            }
        }
    }
}
