package dev.passgate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Puts camel-quartz's scheduler on PassGate's database (Quartz's JDBC job store, tables
 * from migration V3), so that session timers and scheduled routes survive a restart.
 * Embedded H2 serves one node; a cluster shares PostgreSQL and sets Quartz's clustered mode.
 */
public final class QuartzStore {

    private QuartzStore() {
    }

    /** @param node this node's system name: its scheduler's name, so nodes sharing the tables keep their own jobs */
    public static void configure(CamelContext context, DataSource dataSource, String node) {
        // Quartz finds data sources by name in a JVM-wide registry; each context gets its own name.
        String name = "passgate-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to PassGate's store, which closes it
            }

            @Override
            public void initialize() {
                // nothing to do: the DataSource is ready
            }
        });
        Map<String, Object> p = new HashMap<>();
        p.put("org.quartz.scheduler.instanceName", "PassGate-" + node);
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", name);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // A trigger late by less than this still fires in the normal batches; past it, Quartz's
        // misfire handler takes over, twenty at a time, which is far too slow for thousands of sessions.
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        p.put("org.quartz.threadPool.threadCount", "20");
        // Many sessions can fall due together: fetch triggers in batches, a little ahead of time.
        p.put("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "100");
        p.put("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "500");
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        context.getComponent("quartz", QuartzComponent.class).setProperties(p);
    }
}
